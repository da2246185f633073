import type { EffectiveScores } from '../scoring/effective.js';
import type { BenchmarkFacts, Catalog } from '../scoring/types.js';

/** The comparison's common benchmarks: weight > 0 and scored by every compared model, in catalog order. */
export function commonBenchmarks(
  catalog: Catalog,
  modelIds: readonly number[],
  effective: EffectiveScores,
): BenchmarkFacts[] {
  return catalog.benchmarks.filter(
    (benchmark) =>
      benchmark.weight > 0 && modelIds.every((modelId) => effective.get(modelId)?.has(benchmark.id) === true),
  );
}
