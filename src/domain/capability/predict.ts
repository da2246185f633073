import { sigmoid } from './blocks.js';
import type { CapabilityFit } from './types.js';
import type { Scale } from '../scoring/normalize.js';

/** ŷ = σ(a_b(θ_m − d_b)) at fit indices, on the 0..1 higher-is-better scale. */
export function predictAt(fit: CapabilityFit, m: number, b: number): number {
  return sigmoid(Math.exp(fit.logSlope[b]!) * (fit.theta[m]! - fit.difficulty[b]!));
}

/** ŷ of a model on a benchmark, or null when either is not in the fit. */
export function predictedY(fit: CapabilityFit, modelId: number, benchmarkId: number): number | null {
  const m = fit.modelIndex.get(modelId);
  const b = fit.benchmarkIndex.get(benchmarkId);
  return m === undefined || b === undefined ? null : predictAt(fit, m, b);
}

/** The raw value whose §2 normalised value is 100 y: the inverse of normalisation. */
export function denormalize(y: number, scale: Scale): number {
  const span = scale.scaleMax - scale.scaleMin;
  return scale.scaleMin + (scale.higherIsBetter ? y : 1 - y) * span;
}

/** Whether model `m` has a score on benchmark `b` in the fit (its benchmarks are in ascending order). */
function hasScore(fit: CapabilityFit, m: number, b: number): boolean {
  const { modelStart, byModelBenchmark } = fit.data;
  let low = modelStart[m]!;
  let high = modelStart[m + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byModelBenchmark[mid]! < b) low = mid + 1;
    else high = mid;
  }
  return low < modelStart[m + 1]! && byModelBenchmark[low] === b;
}

/**
 * The predicted score of a model on a benchmark it has no score on, on the benchmark's own scale
 * (METHODOLOGY §6): null when either is not in the fit, or when the model has a real score there.
 */
export function predictedScore(fit: CapabilityFit, modelId: number, benchmarkId: number): number | null {
  const m = fit.modelIndex.get(modelId);
  const b = fit.benchmarkIndex.get(benchmarkId);
  if (m === undefined || b === undefined || hasScore(fit, m, b)) return null;
  return denormalize(predictAt(fit, m, b), fit.data.benchmarks[b]!);
}
