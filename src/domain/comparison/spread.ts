import { byScoreDescending } from '../scoring/equality.js';
import type { EffectiveScores } from '../scoring/effective.js';
import { normalize } from '../scoring/normalize.js';
import { compareText } from '../scoring/order.js';
import type { BenchmarkFacts } from '../scoring/types.js';

/** One model's effective value on a benchmark, raw and normalised. */
export interface ModelReading {
  modelId: number;
  value: number;
  normalized: number;
}

/** How far apart the compared models are on one benchmark. */
export interface BenchmarkSpread {
  benchmarkId: number;
  /** Max − min of the normalised values (≥ 0). */
  spread: number;
  /** One reading per compared model, in the order the models were given. */
  readings: ModelReading[];
}

/** The spread of a common benchmark; every compared model must have an effective score on it. */
export function benchmarkSpread(
  benchmark: BenchmarkFacts,
  modelIds: readonly number[],
  effective: EffectiveScores,
): BenchmarkSpread {
  const readings = modelIds.map((modelId) => {
    const score = effective.get(modelId)?.get(benchmark.id);
    if (score === undefined)
      throw new RangeError(`model ${modelId} has no score on common benchmark ${benchmark.slug}`);
    return { modelId, value: score.value, normalized: normalize(score.value, benchmark) };
  });
  const normalized = readings.map((reading) => reading.normalized);
  return { benchmarkId: benchmark.id, spread: Math.max(...normalized) - Math.min(...normalized), readings };
}

/**
 * The spread that creates the most daylight. Spreads are scores-like, so two that agree to one
 * decimal place are a tie, settled by the benchmark slug first in alphabetical order.
 */
export function widestSpread(
  spreads: readonly BenchmarkSpread[],
  slugOf: (benchmarkId: number) => string,
): BenchmarkSpread | null {
  let widest: BenchmarkSpread | null = null;
  for (const candidate of spreads) {
    if (widest === null) {
      widest = candidate;
      continue;
    }
    const order =
      byScoreDescending(candidate.spread, widest.spread) ||
      compareText(slugOf(candidate.benchmarkId), slugOf(widest.benchmarkId));
    if (order < 0) widest = candidate;
  }
  return widest;
}
