import type { EffectiveScores } from '../scoring/effective.js';
import type { Catalog } from '../scoring/types.js';

/** What a comparison left out for one model. */
export interface Coverage {
  modelId: number;
  /** Weight > 0 benchmarks another compared model has an effective score on and this one lacks, in catalog order. */
  missing: number[];
}

/** Per model (in the order given), the benchmarks the comparison could not use because of it. */
export function coverage(catalog: Catalog, modelIds: readonly number[], effective: EffectiveScores): Coverage[] {
  const scored = (modelId: number, benchmarkId: number): boolean => effective.get(modelId)?.has(benchmarkId) === true;
  return modelIds.map((modelId) => ({
    modelId,
    missing: catalog.benchmarks
      .filter(
        (benchmark) =>
          benchmark.weight > 0 &&
          !scored(modelId, benchmark.id) &&
          modelIds.some((other) => other !== modelId && scored(other, benchmark.id)),
      )
      .map((benchmark) => benchmark.id),
  }));
}
