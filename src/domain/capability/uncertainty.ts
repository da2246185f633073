import { type FitState, sigmoid } from './blocks.js';
import { LAMBDA, type FitData } from './types.js';

/** What the uncertainty of a fit rests on: the squared residuals and each model's information. */
export interface Residuals {
  /** Σ (y − ŷ)² over every observation in the fit. */
  sumOfSquares: number;
  /** Per model: Σ_b (a_b p (1 − p))² with p = ŷ(m, b). */
  information: Float64Array;
}

/** The residuals and per-model information of a fit state, in one pass over the observations. */
export function residuals(data: FitData, state: FitState): Residuals {
  const information = new Float64Array(data.modelIds.length);
  let sumOfSquares = 0;
  for (let m = 0; m < data.modelIds.length; m++) {
    const t = state.theta[m]!;
    let info = 0;
    for (let k = data.modelStart[m]!; k < data.modelStart[m + 1]!; k++) {
      const b = data.byModelBenchmark[k]!;
      const a = state.slope[b]!;
      const p = sigmoid(a * (t - state.difficulty[b]!));
      const r = data.byModelY[k]! - p;
      const w = a * p * (1 - p);
      sumOfSquares += r * r;
      info += w * w;
    }
    information[m] = info;
  }
  return { sumOfSquares, information };
}

/** s² = Σ (y − ŷ)² / max(1, N − M − 2B): the residual variance per degree of freedom left. */
export function residualVariance(sumOfSquares: number, scores: number, models: number, benchmarks: number): number {
  return sumOfSquares / Math.max(1, scores - models - 2 * benchmarks);
}

/** se = sqrt(s² / (information + λ)) of one model. */
export function standardError(variance: number, information: number): number {
  return Math.sqrt(variance / (information + LAMBDA));
}
