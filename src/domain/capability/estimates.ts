import { Z_95, type CapabilityEstimate, type CapabilityFit } from './types.js';

/** The estimate of the model at fit index `m`. */
function estimateAt(fit: CapabilityFit, m: number): CapabilityEstimate {
  const theta = fit.theta[m]!;
  const standardError = fit.standardError[m]!;
  return {
    modelId: fit.data.modelIds[m]!,
    theta,
    standardError,
    lower: theta - Z_95 * standardError,
    upper: theta + Z_95 * standardError,
    scores: fit.data.modelStart[m + 1]! - fit.data.modelStart[m]!,
  };
}

/** Every model in the fit with its θ, se, 95 % interval and score count, by model id. */
export function capabilityEstimates(fit: CapabilityFit): CapabilityEstimate[] {
  return fit.data.modelIds.map((_, m) => estimateAt(fit, m));
}

/** One model's estimate, or null when it does not take part in the fit (METHODOLOGY §6). */
export function estimateOf(fit: CapabilityFit, modelId: number): CapabilityEstimate | null {
  const m = fit.modelIndex.get(modelId);
  return m === undefined ? null : estimateAt(fit, m);
}
