/**
 * The data cannot tell θ, d from sθ + c, sd + c with a / s: a_b(θ_m − d_b) is the same. Only the
 * penalty picks one member of that family, and block steps crawl along it, since moving θ alone or a
 * benchmark alone always changes the fit. This step moves along the family directly: it leaves every
 * prediction as it is and minimises the penalty over (s, c), so it can only lower the objective.
 */
import type { FitState } from './blocks.js';

/** Σx² of an array. */
export function sumOfSquares(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return sum;
}

/** Sum of an array. */
function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/** Σθ² + Σd² + Σα² of a state: the penalty before λ. */
export function penalty(state: FitState): number {
  return sumOfSquares(state.theta) + sumOfSquares(state.difficulty) + sumOfSquares(state.logSlope);
}

/**
 * The u = ln s minimising V e^(2u) + B u² − 2u Σα, i.e. the root of V e^(2u) + B u − Σα, which is
 * increasing and convex in u: Newton's method from 0 reaches it without overshooting twice.
 */
function bestLogScale(spread: number, benchmarks: number, sumLogSlope: number): number {
  let u = 0;
  for (let i = 0; i < 100; i++) {
    const grow = spread * Math.exp(2 * u);
    const step = (grow + benchmarks * u - sumLogSlope) / (2 * grow + benchmarks);
    u -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(u))) break;
  }
  return u;
}

/** Moves the state to the member of its family with the least penalty (see the file comment). */
export function gaugeStep(state: FitState): void {
  const { theta, difficulty, logSlope, slope } = state;
  const count = theta.length + difficulty.length;
  if (count === 0 || logSlope.length === 0) return;
  const total = sum(theta) + sum(difficulty);
  // Σ(s t + c)² over θ and d is least at c = −s·mean(t), where it equals s² V.
  const spread = Math.max(0, sumOfSquares(theta) + sumOfSquares(difficulty) - (total * total) / count);
  const u = bestLogScale(spread, logSlope.length, sum(logSlope));
  const s = Math.exp(u);
  const c = (-s * total) / count;
  for (let m = 0; m < theta.length; m++) theta[m] = s * theta[m]! + c;
  for (let b = 0; b < difficulty.length; b++) {
    difficulty[b] = s * difficulty[b]! + c;
    logSlope[b] = logSlope[b]! - u;
    slope[b] = Math.exp(logSlope[b]!);
  }
}
