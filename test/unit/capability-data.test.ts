import { describe, expect, it } from 'vitest';
import { observationPool } from '../../src/domain/capability/observations.js';
import { participate } from '../../src/domain/capability/participation.js';
import type { CapabilityCatalog, ObservationPool } from '../../src/domain/capability/types.js';
import type { ScoreFacts } from '../../src/domain/scoring/types.js';
import { benchmark, category, score, scores } from './fixtures/rows.js';

// Category 1 "coding", 2 "knowledge", 3 "overall" (composites). Benchmark 12 is display-only,
// 13 an Elo rating on 1000..1500, 21 lower-is-better on 0..10, 15 flagged composite outside "overall".
const catalog: CapabilityCatalog = {
  categories: [category(1, { slug: 'coding' }), category(2, { slug: 'knowledge' }), category(3, { slug: 'overall' })],
  benchmarks: [
    benchmark(11, 1),
    benchmark(12, 1, { weight: 0 }),
    benchmark(13, 1, { scaleMin: 1000, scaleMax: 1500 }),
    { ...benchmark(15, 1), composite: true },
    benchmark(21, 2, { higherIsBetter: false, scaleMin: 0, scaleMax: 10 }),
    benchmark(22, 2),
    benchmark(31, 3),
  ],
};

/** The pool's observations as [model id, benchmark id, y] rows. */
function rowsOf(pool: ObservationPool): [number, number, number][] {
  return Array.from(pool.y, (y, i) => [pool.modelIds[pool.model[i]!]!, pool.benchmarks[pool.benchmark[i]!]!.id, y]);
}

describe('observationPool', () => {
  it('turns every effective score into y = n / 100 on the higher-is-better scale', () => {
    const pool = observationPool(
      catalog,
      scores(1, [
        [1, 11, 62.5],
        [1, 13, 1250],
        [1, 21, 2.5],
      ]),
      'PROVISIONAL',
    );
    expect(rowsOf(pool)).toEqual([
      [1, 11, 0.625],
      [1, 13, 0.5],
      [1, 21, 0.75],
    ]);
  });

  it('leaves composites out (the overall category, or composite: true) and keeps display-only benchmarks', () => {
    const pool = observationPool(
      catalog,
      scores(1, [
        [1, 11, 50],
        [1, 12, 90],
        [1, 15, 70],
        [1, 31, 70],
      ]),
      'PROVISIONAL',
    );
    expect(pool.benchmarks.map((b) => b.id)).toEqual([11, 12]);
    expect(rowsOf(pool)).toEqual([
      [1, 11, 0.5],
      [1, 12, 0.9],
    ]);
  });

  it('uses the effective score of the lane: VERIFIED drops SELF_REPORTED scores', () => {
    const rows: ScoreFacts[] = [
      score(1, 1, 11, 80, { provenance: 'SELF_REPORTED' }),
      score(2, 1, 11, 60),
      score(3, 1, 22, 90, { provenance: 'SELF_REPORTED' }),
      score(4, 2, 22, 40, { provenance: 'SELF_REPORTED', measuredOn: '2025-01-01' }),
      score(5, 2, 22, 45, { provenance: 'SELF_REPORTED', measuredOn: '2025-06-01' }),
    ];
    expect(rowsOf(observationPool(catalog, rows, 'PROVISIONAL'))).toEqual([
      [1, 11, 0.6],
      [1, 22, 0.9],
      [2, 22, 0.45],
    ]);
    expect(rowsOf(observationPool(catalog, rows, 'VERIFIED'))).toEqual([[1, 11, 0.6]]);
  });

  it('skips scores on benchmarks the catalog does not know', () => {
    expect(rowsOf(observationPool(catalog, scores(1, [[1, 99, 50]]), 'PROVISIONAL'))).toEqual([]);
  });

  it('sorts by model id then benchmark id, whatever order the scores come in', () => {
    const rows = scores(1, [
      [7, 22, 10],
      [2, 11, 20],
      [7, 11, 30],
      [2, 21, 4],
    ]);
    const forward = observationPool(catalog, rows, 'PROVISIONAL');
    const backward = observationPool(catalog, [...rows].reverse(), 'PROVISIONAL');
    expect(backward).toEqual(forward);
    expect(forward.modelIds).toEqual([2, 7]);
    expect(rowsOf(forward).map(([m, b]) => [m, b])).toEqual([
      [2, 11],
      [2, 21],
      [7, 11],
      [7, 22],
    ]);
  });
});

describe('participate', () => {
  // Benchmarks 11 and 22 have 3+ scores; 12 has exactly 2; 13 has 3 but only from weak models.
  const pool = observationPool(
    catalog,
    scores(1, [
      [1, 11, 50],
      [1, 12, 50],
      [1, 22, 50],
      [1, 21, 5],
      [2, 11, 60],
      [2, 22, 60],
      [2, 21, 5],
      [3, 11, 70],
      [3, 22, 70],
      [3, 21, 5],
      // Model 4: 3 scores, but one on benchmark 12, which has only 2: it keeps 2 and drops out.
      [4, 11, 30],
      [4, 12, 30],
      [4, 22, 30],
      // Models 5-7 score only benchmark 13 (3 scores): 1 score each, so all drop out.
      [5, 13, 1100],
      [6, 13, 1200],
      [7, 13, 1300],
    ]),
    'PROVISIONAL',
  );

  it('keeps benchmarks with 3+ scores, then models with 3+ scores on those, in one pass', () => {
    const data = participate(pool);
    expect(data.modelIds).toEqual([1, 2, 3]);
    // 13 passed the benchmark rule but every model scoring it dropped out: it has nothing to fit.
    expect(data.benchmarks.map((b) => b.id)).toEqual([11, 21, 22]);
    expect(Array.from(data.modelStart)).toEqual([0, 3, 6, 9]);
    expect(Array.from(data.benchmarkStart)).toEqual([0, 3, 6, 9]);
    expect(Array.from(data.byBenchmarkModel)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(Array.from(data.byBenchmarkY)).toEqual([0.5, 0.6, 0.7, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7]);
  });

  it('does not go round again: a benchmark left with fewer than 3 scores by dropped models stays', () => {
    const thin = observationPool(
      catalog,
      scores(1, [
        [1, 11, 50],
        [1, 21, 5],
        [1, 22, 50],
        [2, 11, 60],
        [2, 21, 5],
        [2, 22, 60],
        [3, 11, 70],
        [3, 21, 5],
        [3, 22, 70],
        [4, 13, 1100],
        [4, 11, 40],
        [1, 13, 1200],
        [2, 13, 1300],
      ]),
      'PROVISIONAL',
    );
    const data = participate(thin);
    expect(data.modelIds).toEqual([1, 2, 3]);
    // 13 had 3 scores (models 1, 2, 4); model 4 dropped out (2 scores), and 13 stays with 2.
    expect(data.benchmarks.map((b) => b.id)).toEqual([11, 13, 21, 22]);
    expect(data.benchmarkStart[2]! - data.benchmarkStart[1]!).toBe(2);
  });

  it('maps pool indices to fit indices, -1 for those left out', () => {
    const data = participate(pool);
    expect(Array.from(data.modelOfPool)).toEqual([0, 1, 2, -1, -1, -1, -1]);
    expect(pool.benchmarks.map((b) => b.id)).toEqual([11, 12, 13, 21, 22]);
    expect(Array.from(data.benchmarkOfPool)).toEqual([0, -1, -1, 1, 2]);
    for (let k = 0; k < data.byModelSource.length; k++) {
      expect(data.byModelY[k]).toBe(pool.y[data.byModelSource[k]!]);
    }
  });

  it('applies the rule to what is left after excluding held-out scores', () => {
    const exclude = new Uint8Array(pool.y.length);
    exclude[0] = 1; // model 1 on benchmark 11: 11 keeps 3 (models 2, 3, 4), model 1 keeps 2 and drops out
    const data = participate(pool, exclude);
    expect(data.modelIds).toEqual([2, 3]);
    expect(data.benchmarks.map((b) => b.id)).toEqual([11, 21, 22]);
  });
});
