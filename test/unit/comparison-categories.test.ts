import { describe, expect, it } from 'vitest';
import { categoryLeader, compareCategories } from '../../src/domain/comparison/categories.js';
import { commonBenchmarks } from '../../src/domain/comparison/common.js';
import { compareModels } from '../../src/domain/comparison/compare.js';
import { coverage } from '../../src/domain/comparison/coverage.js';
import { computeProfiles } from '../../src/domain/profile/profiles.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import { defaultMethodology } from './fixtures/methodology.js';
import type { Catalog } from '../../src/domain/scoring/types.js';
import { benchmark, category, model, scores } from './fixtures/rows.js';

// Category 1: benchmarks "b-one" (11), "a-two" (12, scale 0..10), "c-show" (13, display-only).
// Category 2: benchmark 21 (lower is better).
const catalog: Catalog = {
  categories: [category(1), category(2)],
  benchmarks: [
    benchmark(11, 1, { slug: 'b-one' }),
    benchmark(12, 1, { slug: 'a-two', scaleMax: 10, weight: 2 }),
    benchmark(13, 1, { slug: 'c-show', weight: 0 }),
    benchmark(21, 2, { slug: 'd-err', higherIsBetter: false }),
  ],
};

/** Compare models 1..n on the given [modelId, benchmarkId, value] rows. */
function compareRows(rows: readonly [number, number, number][], modelIds: readonly number[] = [1, 2]) {
  const effective = effectiveScores(scores(1, rows), 'PROVISIONAL');
  const profiles = computeProfiles(catalog, effective, defaultMethodology(catalog.categories));
  return compareModels({ catalog, models: modelIds.map((id) => model(id)), effective, profiles });
}

describe('common benchmarks and category averages', () => {
  it('a common benchmark has weight > 0 and a score from every compared model', () => {
    const effective = effectiveScores(
      scores(1, [
        [1, 11, 50],
        [2, 11, 60],
        [1, 12, 5],
        [1, 13, 10],
        [2, 13, 90],
      ]),
      'PROVISIONAL',
    );
    expect(commonBenchmarks(catalog, [1, 2], effective).map((b) => b.id)).toEqual([11]);
  });

  it('averages normalised values over the common benchmarks of the category, with their weights', () => {
    const comparison = compareRows([
      [1, 11, 40],
      [2, 11, 70],
      [1, 12, 7],
      [2, 12, 4],
      [1, 21, 30],
      [2, 21, 20],
    ]);
    const [first, second] = comparison.categories;
    expect(first?.averages).toEqual([
      { modelId: 1, average: (40 + 2 * 70) / 3 },
      { modelId: 2, average: (70 + 2 * 40) / 3 },
    ]);
    expect(first?.leader).toBe(1);
    expect(first?.difference).toBeCloseTo(10, 10);
    // Lower-is-better: 20 errors normalise to 80, above 30 errors at 70.
    expect(second?.averages.map((a) => a.average)).toEqual([70, 80]);
    expect(second?.leader).toBe(2);
  });

  it('a model with no common benchmark leaves nothing compared and no category verdict', () => {
    const comparison = compareRows([
      [1, 11, 40],
      [2, 12, 7],
      [1, 13, 10],
      [2, 13, 20],
    ]);
    expect(comparison.categoriesCompared).toBe(0);
    expect(comparison.categories).toEqual([]);
    expect(comparison.biggestSwing).toBeNull();
    expect(comparison.verdict.entries.some((entry) => entry.priority === 'CATEGORY')).toBe(false);
  });
});

describe('category leader and difference', () => {
  it('has no leader when the top two are equal to one decimal place, but still reports the difference', () => {
    expect(
      categoryLeader([
        { modelId: 1, average: 54.04 },
        { modelId: 2, average: 53.96 },
      ]),
    ).toEqual({ leader: null, difference: expect.closeTo(0.08, 10) as number });
  });

  it('looks at the top two only: a tie below the leader does not matter', () => {
    expect(
      categoryLeader([
        { modelId: 1, average: 40 },
        { modelId: 2, average: 60 },
        { modelId: 3, average: 40 },
      ]),
    ).toEqual({ leader: 2, difference: 20 });
    expect(
      categoryLeader([
        { modelId: 1, average: 60 },
        { modelId: 2, average: 10 },
        { modelId: 3, average: 60 },
      ]),
    ).toEqual({ leader: null, difference: 0 });
  });
});

describe('decisive benchmark and biggest swing', () => {
  it('the decisive benchmark is the common one with the largest spread of normalised values', () => {
    const comparison = compareRows([
      [1, 11, 40],
      [2, 11, 45],
      [1, 12, 9],
      [2, 12, 2],
      [1, 21, 10],
      [2, 21, 90],
    ]);
    expect(comparison.categories[0]?.decisive.benchmarkId).toBe(12);
    expect(comparison.categories[0]?.decisive.spread).toBeCloseTo(70, 10);
    expect(comparison.categories[0]?.decisive.readings).toEqual([
      { modelId: 1, value: 9, normalized: 90 },
      { modelId: 2, value: 2, normalized: 20 },
    ]);
    // Over every category, the lower-is-better benchmark opens the most daylight (80).
    expect(comparison.biggestSwing?.benchmarkId).toBe(21);
    expect(comparison.biggestSwing?.readings).toEqual([
      { modelId: 1, value: 10, normalized: 90 },
      { modelId: 2, value: 90, normalized: 10 },
    ]);
  });

  it('equal spreads go to the benchmark slug first in alphabetical order', () => {
    // b-one spreads 20.0, a-two 20.04: equal to one decimal place, so "a-two" wins on slug.
    const tied = compareRows([
      [1, 11, 40],
      [2, 11, 60],
      [1, 12, 4],
      [2, 12, 6.004],
    ]);
    expect(tied.categories[0]?.decisive.benchmarkId).toBe(12);
    // a-two spreads 19.96, b-one 20.0: still equal, still "a-two".
    const reversed = compareRows([
      [1, 11, 40],
      [2, 11, 60],
      [1, 12, 4],
      [2, 12, 5.996],
    ]);
    expect(reversed.categories[0]?.decisive.benchmarkId).toBe(12);
    // A real difference beats the slug.
    const wider = compareRows([
      [1, 11, 40],
      [2, 11, 60],
      [1, 12, 4],
      [2, 12, 5.9],
    ]);
    expect(wider.categories[0]?.decisive.benchmarkId).toBe(11);
  });

  it('display-only benchmarks are never decisive, however wide', () => {
    const comparison = compareRows([
      [1, 11, 40],
      [2, 11, 41],
      [1, 13, 0],
      [2, 13, 100],
    ]);
    expect(comparison.categories[0]?.decisive.benchmarkId).toBe(11);
    expect(comparison.biggestSwing?.benchmarkId).toBe(11);
  });
});

describe('coverage', () => {
  it('lists, per model, the weight > 0 benchmarks another model has and it lacks', () => {
    const effective = effectiveScores(
      scores(1, [
        [1, 11, 40],
        [2, 11, 45],
        [1, 12, 9],
        [3, 21, 50],
        [1, 13, 1],
      ]),
      'PROVISIONAL',
    );
    expect(coverage(catalog, [1, 2, 3], effective)).toEqual([
      { modelId: 1, missing: [21] },
      { modelId: 2, missing: [12, 21] },
      { modelId: 3, missing: [11, 12] },
    ]);
    expect(coverage(catalog, [3, 2], effective)).toEqual([
      { modelId: 3, missing: [11] },
      { modelId: 2, missing: [21] },
    ]);
  });

  it('compareCategories skips categories without a common benchmark', () => {
    const effective = effectiveScores(
      scores(1, [
        [1, 21, 50],
        [2, 11, 40],
        [1, 11, 30],
      ]),
      'PROVISIONAL',
    );
    const common = commonBenchmarks(catalog, [1, 2], effective);
    expect(compareCategories(catalog, [1, 2], common, effective).map((c) => c.categoryId)).toEqual([1]);
  });
});
