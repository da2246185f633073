import { describe, expect, it } from 'vitest';
import { capabilityLeader, probabilityAhead } from '../../src/domain/capability/head-to-head.js';
import { normalCdf } from '../../src/domain/capability/normal.js';
import { hundredths, rankCapabilities, statisticallyTied } from '../../src/domain/capability/ranking.js';
import type { CapabilityEstimate } from '../../src/domain/capability/types.js';

/** An estimate with its 95 % interval, ranked unless told it has fewer scores. */
function estimate(modelId: number, theta: number, standardError: number, scores = 8): CapabilityEstimate {
  return {
    modelId,
    theta,
    standardError,
    lower: theta - 1.96 * standardError,
    upper: theta + 1.96 * standardError,
    scores,
  };
}

describe('normalCdf', () => {
  // Φ from 0.5 erfc(−x / √2) in double precision (CPython's math.erfc), across Cody's three ranges.
  const reference: [number, number][] = [
    [0, 0.5],
    [0.3, 0.6179114221889526],
    [-0.5, 0.3085375387259869],
    [0.67448975, 0.7499999999376898],
    [-0.7, 0.24196365222307306],
    [1, 0.8413447460685429],
    [-1.5, 0.06680720126885809],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [2.5, 0.9937903346742238],
    [-3, 0.0013498980316300957],
    [4, 0.9999683287581669],
    [-5, 2.866515718791946e-7],
    [-5.6, 1.0717590258310968e-8],
    [-5.7, 5.990371401063533e-9],
    [6, 0.9999999990134123],
    [-8, 6.220960574271819e-16],
    [-10, 7.619853024160593e-24],
    [-20, 2.7536241186063314e-89],
    [-37, 5.725571222525139e-300],
  ];

  it.each(reference)('Φ(%d) agrees with the reference to 1e-15 absolute and 1e-12 relative', (x, expected) => {
    const value = normalCdf(x);
    expect(Math.abs(value - expected)).toBeLessThan(1e-15);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it('reaches 0 and 1 in the far tails, and is NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is non-decreasing on a fine grid', () => {
    let previous = 0;
    for (let x = -10; x <= 10; x += 0.001) {
      const value = normalCdf(x);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });
});

describe('probabilityAhead', () => {
  it('is Φ of the gap over the combined standard error', () => {
    const a = estimate(1, 1.2, 0.3);
    const b = estimate(2, 0.8, 0.4);
    expect(probabilityAhead(a, b)).toBeCloseTo(normalCdf(0.4 / 0.5), 15);
    expect(probabilityAhead(a, b)).toBeCloseTo(0.7881446014166034, 12);
    expect(probabilityAhead(a, a)).toBe(0.5);
  });

  it('is certain when neither estimate has any uncertainty', () => {
    expect(probabilityAhead(estimate(1, 1, 0), estimate(2, 0, 0))).toBe(1);
    expect(probabilityAhead(estimate(1, 0, 0), estimate(2, 1, 0))).toBe(0);
    expect(probabilityAhead(estimate(1, 1, 0), estimate(2, 1, 0))).toBe(0.5);
  });
});

describe('capabilityLeader', () => {
  it('names the highest θ when its interval clears the runner-up', () => {
    expect(capabilityLeader([estimate(1, 0.2, 0.05), estimate(2, 1, 0.1), estimate(3, 0.5, 0.1)])).toBe(2);
  });

  it('is null when the best two are statistically tied, or fewer than two have an estimate', () => {
    expect(capabilityLeader([estimate(1, 1, 0.1), estimate(2, 0.7, 0.1), estimate(3, -1, 0.1)])).toBeNull();
    expect(capabilityLeader([estimate(1, 1, 0.1), null])).toBeNull();
    expect(capabilityLeader([])).toBeNull();
  });
});

describe('hundredths', () => {
  it('rounds half away from zero after absorbing float noise', () => {
    expect(hundredths(0.125)).toBe(13);
    expect(hundredths(-0.125)).toBe(-13);
    expect(hundredths(0.1249)).toBe(12);
    expect(hundredths(0.07 + 0.0049999999999)).toBe(8);
    expect(hundredths(-0.004)).toBe(0);
  });
});

describe('rankCapabilities', () => {
  // Intervals: 1 [1.804, 2.196], 2 [1.608, 2.392], 3 [1.504, 1.896], 4 [1.704, 1.704] (θ 1.704 and 3's 1.7
  // are both 1.70 to 2 decimals), 5 [0.608, 1.392]; 6 has only 4 scores, so it is not ranked.
  const estimates = [
    estimate(1, 2, 0.1),
    estimate(2, 2, 0.2),
    estimate(3, 1.7, 0.1),
    estimate(4, 1.704, 0),
    estimate(5, 1, 0.2),
    estimate(6, 3, 0.1, 4),
  ];
  const ranking = rankCapabilities(estimates);

  it('ranks the models with 5+ scores by θ, sharing a rank when θ agrees to 2 decimals', () => {
    expect(ranking.map((r) => [r.modelId, r.rank])).toEqual([
      [1, 1],
      [2, 1],
      [4, 3],
      [3, 3],
      [5, 5],
    ]);
  });

  it('bounds each rank by the intervals wholly above and not wholly below', () => {
    const bounds = new Map(ranking.map((r) => [r.modelId, [r.bestRank, r.worstRank]]));
    // 1: nothing wholly above; 2, 3, 4 reach its lower end 1.804 (4's 1.704 does not: 4 is wholly below).
    expect(bounds.get(1)).toEqual([1, 3]);
    expect(bounds.get(2)).toEqual([1, 4]);
    // 4 sits at 1.704 exactly: 1 lies wholly above it; 5 lies wholly below it.
    expect(bounds.get(4)).toEqual([2, 4]);
    expect(bounds.get(3)).toEqual([1, 4]);
    expect(bounds.get(5)).toEqual([5, 5]);
  });

  it('lists the ranked models statistically tied with a model', () => {
    expect(statisticallyTied(ranking, 1)).toEqual([2, 3]);
    expect(statisticallyTied(ranking, 4)).toEqual([2, 3]);
    expect(statisticallyTied(ranking, 5)).toEqual([]);
    expect(statisticallyTied(ranking, 6)).toEqual([]);
  });
});
