import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilityLeader, probabilityAhead } from '../../src/domain/capability/head-to-head.js';
import { intervalsOverlap } from '../../src/domain/capability/ranking.js';
import type { CapabilityEstimate } from '../../src/domain/capability/types.js';
import { compareCapability } from '../../src/domain/comparison/capability.js';
import { compareModels } from '../../src/domain/comparison/compare.js';
import { verdictSummary } from '../../src/domain/comparison/summary.js';
import type { VerdictEntry } from '../../src/domain/comparison/verdict.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import type { Catalog } from '../../src/domain/scoring/types.js';
import { benchmark, category, model, scores } from './fixtures/rows.js';

/** An estimate with its 95 % interval. */
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

const byId = (...estimates: CapabilityEstimate[]) => ({ estimates: new Map(estimates.map((e) => [e.modelId, e])) });

describe('compareCapability', () => {
  it('gives every pair once in request order, P(A ahead of B), and the leader when the best two do not overlap', () => {
    const c = compareCapability([3, 1, 2], byId(estimate(1, 0.9, 0.05), estimate(2, 0.2, 0.05), estimate(3, 0.1, 0.1)));
    expect(c.estimates.map((e) => e?.modelId)).toEqual([3, 1, 2]);
    expect(c.pairs.map((p) => [p.a, p.b])).toEqual([
      [3, 1],
      [3, 2],
      [1, 2],
    ]);
    expect(c.pairs[1]!.probability).toBeCloseTo(probabilityAhead(estimate(3, 0.1, 0.1), estimate(2, 0.2, 0.05)), 15);
    expect(c.leader).toBe(1);
    expect(c.verdict).toEqual({ outcome: 'WIN', winner: 1, tied: [] });
  });

  it('has no leader when the best two are statistically tied, and names them best first', () => {
    const c = compareCapability([1, 2, 3], byId(estimate(1, 0.5, 0.1), estimate(2, 0.6, 0.1), estimate(3, -1, 0.1)));
    expect(c.leader).toBeNull();
    expect(c.verdict).toEqual({ outcome: 'TIE', winner: null, tied: [2, 1] });
  });

  it('a tie further down does not remove the leader', () => {
    const c = compareCapability([1, 2, 3], byId(estimate(1, 2, 0.1), estimate(2, 0.5, 0.1), estimate(3, 0.55, 0.1)));
    expect(c.verdict).toEqual({ outcome: 'WIN', winner: 1, tied: [] });
  });

  it('is NOT_ENOUGH_DATA with fewer than two estimates; pairs with a model outside the fit have no probability', () => {
    const c = compareCapability([1, 2, 3], byId(estimate(2, 0.5, 0.1)));
    expect(c.estimates).toEqual([null, estimate(2, 0.5, 0.1), null]);
    expect(c.pairs.map((p) => p.probability)).toEqual([null, null, null]);
    expect(c.verdict).toEqual({ outcome: 'NOT_ENOUGH_DATA', winner: null, tied: [] });
    expect(compareCapability([1, 2], { estimates: new Map() }).verdict.outcome).toBe('NOT_ENOUGH_DATA');
  });

  it('with zero standard errors: certain, and equal θ a tie (P = 1/2)', () => {
    const apart = compareCapability([1, 2], byId(estimate(1, 1, 0), estimate(2, 0, 0)));
    expect([apart.pairs[0]!.probability, apart.leader]).toEqual([1, 1]);
    const equal = compareCapability([1, 2], byId(estimate(1, 1, 0), estimate(2, 1, 0)));
    expect([equal.pairs[0]!.probability, equal.leader, equal.verdict.outcome]).toEqual([0.5, null, 'TIE']);
  });
});

const estimates = fc
  .uniqueArray(
    fc.record({
      modelId: fc.integer({ min: 1, max: 30 }),
      theta: fc.double({ min: -3, max: 3, noNaN: true }),
      se: fc.double({ min: 0, max: 0.5, noNaN: true }),
      present: fc.boolean(),
    }),
    { minLength: 2, maxLength: 10, selector: (r) => r.modelId },
  )
  .map((rows) => ({
    ids: rows.map((r) => r.modelId),
    input: byId(...rows.filter((r) => r.present).map((r) => estimate(r.modelId, r.theta, r.se))),
  }));

describe('compareCapability properties', () => {
  it('reversing the models reverses the estimates and mirrors every probability; the leader stays', () => {
    fc.assert(
      fc.property(estimates, ({ ids, input }) => {
        const forward = compareCapability(ids, input);
        const backward = compareCapability([...ids].reverse(), input);
        expect(backward.estimates).toEqual([...forward.estimates].reverse());
        expect(backward.leader).toBe(forward.leader);
        expect(backward.verdict).toEqual(forward.verdict);
        for (const pair of forward.pairs) {
          const mirror = backward.pairs.find((p) => p.a === pair.b && p.b === pair.a)!;
          if (pair.probability === null) expect(mirror.probability).toBeNull();
          else expect(mirror.probability! + pair.probability).toBe(1);
        }
      }),
    );
  });

  it('the leader has the highest θ, does not overlap the runner-up, and is the pure capabilityLeader', () => {
    fc.assert(
      fc.property(estimates, ({ ids, input }) => {
        const c = compareCapability(ids, input);
        expect(c.leader).toBe(capabilityLeader(c.estimates));
        const present = c.estimates.filter((e): e is CapabilityEstimate => e !== null);
        if (c.leader === null) return;
        const leader = input.estimates.get(c.leader)!;
        for (const other of present) {
          if (other.modelId === c.leader) continue;
          expect(leader.theta).toBeGreaterThanOrEqual(other.theta);
        }
        const runnerUp = present.filter((e) => e.modelId !== c.leader).sort((a, b) => b.theta - a.theta)[0]!;
        expect(intervalsOverlap(leader, runnerUp)).toBe(false);
      }),
    );
  });
});

describe('the summary with the capability verdict', () => {
  const names = {
    modelName: (id: number) => ['', 'o3', 'GPT-4.1', 'Gemini'][id] ?? '?',
    categoryName: (id: number) => ['', 'coding', 'math'][id] ?? '?',
  };
  const entries: VerdictEntry[] = [
    { priority: 'CATEGORY', categoryId: 1, winner: 1, outcome: 'WIN' },
    { priority: 'COST', categoryId: null, winner: 2, outcome: 'WIN' },
    { priority: 'CONTEXT', categoryId: null, winner: null, outcome: 'TIE' },
  ];

  it('adds the leader to its clause, as the last thing it wins', () => {
    expect(verdictSummary(entries, names, 2, { outcome: 'WIN', winner: 1, tied: [] })).toBe(
      'o3 leads coding and is ahead on the capability index; GPT-4.1 is cheaper; context is a tie.',
    );
    expect(verdictSummary(entries, names, 3, { outcome: 'WIN', winner: 3, tied: [] })).toBe(
      'o3 leads coding; GPT-4.1 is the cheapest; Gemini is first on the capability index; context is a tie.',
    );
  });

  it('says "statistically tied" after the ties, naming the best two (with "the best two" among three or more)', () => {
    expect(verdictSummary(entries, names, 2, { outcome: 'TIE', winner: null, tied: [2, 1] })).toBe(
      'o3 leads coding; GPT-4.1 is cheaper; context is a tie; ' +
        'GPT-4.1 and o3 are statistically tied on the capability index.',
    );
    expect(verdictSummary([], names, 3, { outcome: 'TIE', winner: null, tied: [3, 1] })).toBe(
      'Gemini and o3, the best two, are statistically tied on the capability index.',
    );
  });

  it('counts too few estimates as a gap, and says nothing of it without a capability verdict', () => {
    const gap = verdictSummary(entries, names, 2, { outcome: 'NOT_ENOUGH_DATA', winner: null, tied: [] });
    expect(gap).toBe(
      'o3 leads coding; GPT-4.1 is cheaper; context is a tie; ' +
        'too few models have figures to compare the capability index.',
    );
    expect(verdictSummary(entries, names, 2, null)).toBe(verdictSummary(entries, names, 2));
  });
});

describe('compareModels with the capability index', () => {
  const catalog: Catalog = { categories: [category(1, { name: 'coding' })], benchmarks: [benchmark(11, 1)] };
  const effective = effectiveScores(
    scores(1, [
      [1, 11, 60],
      [2, 11, 50],
    ]),
    'PROVISIONAL',
  );
  const models = [model(1, { name: 'Alpha' }), model(2, { name: 'Beta' })];

  it('adds the capability section and the verdict part only when given the index', () => {
    const without = compareModels({ catalog, models, effective, profiles: new Map() });
    expect(without).not.toHaveProperty('capability');
    expect(without.verdict).not.toHaveProperty('capability');
    const capability = byId(estimate(1, 0.1, 0.2), estimate(2, 0.2, 0.2));
    const withIt = compareModels({ catalog, models, effective, profiles: new Map(), capability });
    expect(withIt.verdict.entries).toEqual(without.verdict.entries);
    expect(withIt.verdict.capability).toEqual({ outcome: 'TIE', winner: null, tied: [2, 1] });
    expect(withIt.capability!.pairs).toHaveLength(1);
    expect(withIt.verdict.summary).toBe(
      `${without.verdict.summary.slice(0, -1)}; Beta and Alpha are statistically tied on the capability index.`,
    );
  });
});
