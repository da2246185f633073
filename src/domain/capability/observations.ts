import { effectiveScores } from '../scoring/effective.js';
import { normalize } from '../scoring/normalize.js';
import type { Lane, ScoreFacts } from '../scoring/types.js';
import type { CapabilityBenchmark, CapabilityCatalog, ObservationPool } from './types.js';

/** Slug of the category whose benchmarks are indices of other benchmarks. */
export const COMPOSITE_CATEGORY = 'overall';

/** Whether a benchmark is a composite: marked so, or in the `overall` category. */
export function isComposite(benchmark: CapabilityBenchmark, categorySlugs: ReadonlyMap<number, string>): boolean {
  return benchmark.composite === true || categorySlugs.get(benchmark.categoryId) === COMPOSITE_CATEGORY;
}

/**
 * The observations of a lane (METHODOLOGY §6 "Data"): y = n / 100 for every effective score on a
 * non-composite benchmark, display-only ones included since saturation is what the fit models.
 * Scores on benchmarks missing from the catalog are left out: there is no scale to normalise them on.
 */
export function observationPool(
  catalog: CapabilityCatalog,
  scores: readonly ScoreFacts[],
  lane: Lane,
): ObservationPool {
  const categorySlugs = new Map(catalog.categories.map((category) => [category.id, category.slug]));
  const usable = new Map<number, CapabilityBenchmark>();
  for (const benchmark of catalog.benchmarks) {
    if (!isComposite(benchmark, categorySlugs)) usable.set(benchmark.id, benchmark);
  }
  const effective = effectiveScores(scores, lane);
  const rows: { modelId: number; benchmarkId: number; y: number }[] = [];
  for (const [modelId, byBenchmark] of effective) {
    for (const [benchmarkId, score] of byBenchmark) {
      const benchmark = usable.get(benchmarkId);
      if (benchmark !== undefined) rows.push({ modelId, benchmarkId, y: normalize(score.value, benchmark) / 100 });
    }
  }
  // Sorting here is what makes every later loop run in id order, whatever order the scores came in.
  rows.sort((a, b) => a.modelId - b.modelId || a.benchmarkId - b.benchmarkId);
  const benchmarkIds = [...new Set(rows.map((row) => row.benchmarkId))].sort((a, b) => a - b);
  const benchmarkPosition = new Map(benchmarkIds.map((id, index) => [id, index]));
  const modelIds: number[] = [];
  const pool = {
    modelIds,
    benchmarks: benchmarkIds.map((id) => usable.get(id)!),
    model: new Int32Array(rows.length),
    benchmark: new Int32Array(rows.length),
    y: new Float64Array(rows.length),
  };
  rows.forEach((row, i) => {
    if (modelIds[modelIds.length - 1] !== row.modelId) modelIds.push(row.modelId);
    pool.model[i] = modelIds.length - 1;
    pool.benchmark[i] = benchmarkPosition.get(row.benchmarkId)!;
    pool.y[i] = row.y;
  });
  return pool;
}
