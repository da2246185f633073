import { describe, expect, it } from 'vitest';
import { compareContext } from '../../src/domain/comparison/context.js';
import { compareLatency } from '../../src/domain/comparison/latency.js';
import { blendedPrice, comparePrices, priceRatio } from '../../src/domain/comparison/prices.js';
import { relationship } from '../../src/domain/comparison/relationship.js';
import { compareSpeed } from '../../src/domain/comparison/speed.js';
import { compareWorkload, workloadCost } from '../../src/domain/comparison/workload.js';
import { model } from './fixtures/rows.js';

describe('prices', () => {
  it('blends input and output three to one', () => {
    expect(blendedPrice({ inputPrice: 2, outputPrice: 8 })).toBe(3.5);
  });

  it('a $0 cheapest price gives no ratio in that dimension, the other dimensions are unaffected', () => {
    const prices = comparePrices([
      model(1, { inputPrice: 0, outputPrice: 2 }),
      model(2, { inputPrice: 1, outputPrice: 4 }),
    ]);
    expect(prices.ratio.input).toBeNull();
    expect(prices.models.map((m) => m.relative.input)).toEqual([null, null]);
    expect(prices.ratio.output).toBe(2);
    expect(prices.models.map((m) => m.relative.output)).toEqual([1, 2]);
    expect(prices.cheapest).toBe(1);
  });

  it('fewer than two models with a cached price: no cached ratio, no cached relatives', () => {
    const prices = comparePrices([model(1, { cachedInputPrice: 0.25 }), model(2), model(3)]);
    expect(prices.ratio.cachedInput).toBeNull();
    expect(prices.models.map((m) => m.relative.cachedInput)).toEqual([null, null, null]);
    expect(prices.models.map((m) => m.cachedInput)).toEqual([0.25, null, null]);
  });

  it('cached ratios are taken over the models that have a cached price; the rest stay null', () => {
    const prices = comparePrices([model(1, { cachedInputPrice: 0.25 }), model(2), model(3, { cachedInputPrice: 1 })]);
    expect(prices.ratio.cachedInput).toBe(4);
    expect(prices.models.map((m) => m.relative.cachedInput)).toEqual([1, null, 4]);
  });

  it('no cheapest on an exact tie in blended price', () => {
    // (3 × 1 + 5) / 4 = (3 × 2 + 2) / 4 = 2.
    const prices = comparePrices([
      model(1, { inputPrice: 1, outputPrice: 5 }),
      model(2, { inputPrice: 2, outputPrice: 2 }),
    ]);
    expect(prices.cheapest).toBeNull();
    expect(prices.ratio.blended).toBe(1);
  });

  it('priceRatio is null when either price is missing or the denominator is 0', () => {
    expect(priceRatio(model(1, { inputPrice: 3 }), model(2, { inputPrice: 0 }), 'input')).toBeNull();
    expect(priceRatio(model(1, { inputPrice: 0 }), model(2, { inputPrice: 3 }), 'input')).toBe(0);
    expect(priceRatio(model(1), model(2, { cachedInputPrice: 1 }), 'cachedInput')).toBeNull();
  });
});

describe('workload cost', () => {
  const workload = { inputTokens: 1_000_000, outputTokens: 500_000, cachedInputTokens: 2_000_000 };

  it('prices cached tokens at the cached price, or at the input price where there is none', () => {
    expect(workloadCost(model(1, { inputPrice: 2, outputPrice: 8, cachedInputPrice: 0.5 }), workload)).toBe(2 + 4 + 1);
    expect(workloadCost(model(1, { inputPrice: 2, outputPrice: 8, cachedInputPrice: null }), workload)).toBe(2 + 4 + 4);
  });

  it('ratios to the cheapest, which is null on an exact tie', () => {
    const result = compareWorkload(
      [model(1, { inputPrice: 2, outputPrice: 8 }), model(2, { inputPrice: 0.4, outputPrice: 1.6 })],
      workload,
    );
    expect(result.cheapest).toBe(2);
    expect(result.models[0]?.ratio).toBeCloseTo(5, 10);
    expect(result.models[1]?.ratio).toBe(1);
    expect(compareWorkload([model(1), model(2)], workload).cheapest).toBeNull();
  });

  it('no ratio when the cheapest costs $0', () => {
    const free = compareWorkload([model(1, { inputPrice: 0, outputPrice: 0 }), model(2)], workload);
    expect(free.models.map((m) => m.ratio)).toEqual([null, null]);
    expect(free.cheapest).toBe(1);
    const empty = compareWorkload([model(1), model(2, { inputPrice: 3 })], {
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
    });
    expect(empty.models.map((m) => [m.cost, m.ratio])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(empty.cheapest).toBeNull();
  });

  it('refuses a negative token count, naming it', () => {
    expect(() => workloadCost(model(1), { ...workload, outputTokens: -1 })).toThrow(/outputTokens/);
  });
});

describe('speed and latency', () => {
  it('a missing speed or latency stays null and never counts', () => {
    const models = [model(1, { outputTokensPerSecond: null, timeToFirstTokenSeconds: null }), model(2)];
    expect(compareSpeed(models)).toEqual({
      models: [
        { modelId: 1, outputTokensPerSecond: null },
        { modelId: 2, outputTokensPerSecond: 100 },
      ],
      fastest: null,
      ratio: null,
    });
    expect(compareLatency(models)).toMatchObject({ fastest: null, difference: null });
  });

  it('fastest and ratio are taken over the models that have the figure', () => {
    const models = [
      model(1, { outputTokensPerSecond: 108, timeToFirstTokenSeconds: 1.02 }),
      model(2, { outputTokensPerSecond: null, timeToFirstTokenSeconds: null }),
      model(3, { outputTokensPerSecond: 80, timeToFirstTokenSeconds: 0.76 }),
    ];
    expect(compareSpeed(models)).toMatchObject({ fastest: 1, ratio: 1.35 });
    expect(compareLatency(models).fastest).toBe(3);
    expect(compareLatency(models).difference).toBeCloseTo(0.26, 12);
  });

  it('an exact tie for fastest has no fastest; a speed of 0 gives no ratio', () => {
    const tied = [
      model(1, { outputTokensPerSecond: 90 }),
      model(2, { outputTokensPerSecond: 90 }),
      model(3, { outputTokensPerSecond: 30 }),
    ];
    expect(compareSpeed(tied)).toMatchObject({ fastest: null, ratio: 3 });
    expect(compareSpeed([model(1, { outputTokensPerSecond: 0 }), model(2)]).ratio).toBeNull();
    const quick = [model(1, { timeToFirstTokenSeconds: 0.3 }), model(2, { timeToFirstTokenSeconds: 0.3 })];
    expect(compareLatency(quick)).toMatchObject({ fastest: null, difference: 0 });
  });
});

describe('context', () => {
  it('names the largest window, or reports a tie', () => {
    expect(
      compareContext([model(1, { contextWindow: 200_000 }), model(2, { contextWindow: 1_047_576 })]),
    ).toMatchObject({
      largest: 2,
      tie: false,
    });
    expect(
      compareContext([
        model(1, { contextWindow: 1_047_576 }),
        model(2, { contextWindow: 1_047_576 }),
        model(3, { contextWindow: 8192 }),
      ]),
    ).toMatchObject({ largest: null, tie: true });
  });
});

describe('relationship', () => {
  it('SIBLINGS when all share a family, SAME_PROVIDER when all share a provider, else CROSS_PROVIDER', () => {
    expect(relationship([model(1, { familyId: 7 }), model(2, { familyId: 7 })])).toBe('SIBLINGS');
    expect(relationship([model(1, { familyId: 7 }), model(2, { familyId: 8 })])).toBe('SAME_PROVIDER');
    expect(relationship([model(1, { familyId: null }), model(2, { familyId: null })])).toBe('SAME_PROVIDER');
    expect(relationship([model(1, { providerId: 1 }), model(2, { providerId: 2 })])).toBe('CROSS_PROVIDER');
  });
});
