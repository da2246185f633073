import { normalize } from '../scoring/normalize.js';
import type { BenchmarkFacts, ScoreFacts } from '../scoring/types.js';

/**
 * Weight-averaged normalised effective scores of one model over the given benchmarks,
 * skipping display-only (weight 0) and unscored ones; null when none is left.
 * Used for a category score (all benchmarks of the category) and for a comparison's
 * category average (its common benchmarks only).
 */
export function weightedAverage(
  benchmarks: readonly BenchmarkFacts[],
  scores: ReadonlyMap<number, ScoreFacts> | undefined,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const benchmark of benchmarks) {
    if (!(benchmark.weight > 0)) continue;
    const score = scores?.get(benchmark.id);
    if (score === undefined) continue;
    weighted += benchmark.weight * normalize(score.value, benchmark);
    weights += benchmark.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** Total weight of the weight > 0 benchmarks among `benchmarks` the model has an effective score on. */
export function coveredWeight(
  benchmarks: readonly BenchmarkFacts[],
  scores: ReadonlyMap<number, ScoreFacts> | undefined,
): number {
  let covered = 0;
  for (const benchmark of benchmarks) {
    if (benchmark.weight > 0 && scores?.has(benchmark.id)) covered += benchmark.weight;
  }
  return covered;
}
