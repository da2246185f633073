import { abilityStep, type FitState, sigmoid, stepAbility } from './blocks.js';
import { MAX_ROUNDS, type CapabilityFit } from './types.js';
import { standardError } from './uncertainty.js';

/** A score of one model, on the y scale (n / 100). */
export interface Observation {
  benchmarkId: number;
  y: number;
}

/** Plain steps tried once safeguarded ones have stalled; each must be shorter than the last. */
const POLISH_STEPS = 50;
/** Safeguarded steps stop below this relative size: objective comparisons resolve θ no finer. */
const SETTLED = 1e-10;

/**
 * The θ (and se, with the fit's s²) that one model's scores give with every benchmark parameter held
 * at the fit's values: the model's own block of the fit, solved to the last digits. Scores on
 * benchmarks outside the fit are ignored.
 */
export function abilityGivenBenchmarks(
  fit: CapabilityFit,
  observations: readonly Observation[],
  startTheta = 0,
): { theta: number; standardError: number; rounds: number } {
  const known = observations
    .filter((o) => fit.benchmarkIndex.has(o.benchmarkId))
    .sort((a, b) => a.benchmarkId - b.benchmarkId);
  const benchmark = Int32Array.from(known, (o) => fit.benchmarkIndex.get(o.benchmarkId)!);
  const y = Float64Array.from(known, (o) => o.y);
  const state: FitState = {
    theta: Float64Array.of(startTheta),
    difficulty: fit.difficulty,
    logSlope: fit.logSlope,
    slope: fit.logSlope.map((alpha) => Math.exp(alpha)),
  };
  let rounds = 0;
  while (rounds < MAX_ROUNDS) {
    rounds++;
    const previous = state.theta[0]!;
    stepAbility(benchmark, y, 0, known.length, 0, state);
    if (Math.abs(state.theta[0]! - previous) <= SETTLED * Math.max(1, Math.abs(previous))) break;
  }
  // Near the minimum Gauss-Newton contracts, so plain steps finish the job while they keep shrinking.
  let last = Math.sqrt(SETTLED);
  for (let i = 0; i < POLISH_STEPS; i++) {
    const step = abilityStep(benchmark, y, 0, known.length, state.theta[0]!, state);
    if (!(Math.abs(step) < last)) break;
    state.theta[0]! += step;
    last = Math.abs(step);
  }
  const theta = state.theta[0]!;
  let information = 0;
  for (let k = 0; k < known.length; k++) {
    const a = state.slope[benchmark[k]!]!;
    const p = sigmoid(a * (theta - state.difficulty[benchmark[k]!]!));
    information += (a * p * (1 - p)) ** 2;
  }
  return { theta, standardError: standardError(fit.residualVariance, information), rounds };
}
