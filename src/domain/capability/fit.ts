import { type FitState, sweepBenchmarks, sweepModels } from './blocks.js';
import { gaugeStep, penalty, sumOfSquares } from './gauge.js';
import { observationPool } from './observations.js';
import { participate } from './participation.js';
import {
  LAMBDA,
  MAX_ROUNDS,
  TOLERANCE,
  type CapabilityCatalog,
  type CapabilityFit,
  type CapabilityStart,
  type FitData,
  type FitOptions,
} from './types.js';
import { residualVariance, residuals, standardError } from './uncertainty.js';
import type { Lane, ScoreFacts } from '../scoring/types.js';

/** ȳ is clamped to [0.02, 0.98] before the logit, so a benchmark everyone aces starts finite. */
const MEAN_CLAMP = 0.02;

/** d_b = logit(1 − ȳ_b): where a model of ability 0 would score the benchmark's mean. */
function startingDifficulty(data: FitData, b: number): number {
  let sum = 0;
  const from = data.benchmarkStart[b]!;
  const to = data.benchmarkStart[b + 1]!;
  for (let k = from; k < to; k++) sum += data.byBenchmarkY[k]!;
  const mean = Math.min(1 - MEAN_CLAMP, Math.max(MEAN_CLAMP, sum / (to - from)));
  return Math.log((1 - mean) / mean);
}

/** θ = 0, d = logit(1 − ȳ), a = 1, except where a previous fit says otherwise. */
function startingState(data: FitData, start: CapabilityStart = {}): FitState {
  const M = data.modelIds.length;
  const B = data.benchmarks.length;
  const state: FitState = {
    theta: new Float64Array(M),
    difficulty: new Float64Array(B),
    logSlope: new Float64Array(B),
    slope: new Float64Array(B),
  };
  data.modelIds.forEach((id, m) => (state.theta[m] = start.theta?.get(id) ?? 0));
  data.benchmarks.forEach(({ id }, b) => {
    state.difficulty[b] = start.difficulty?.get(id) ?? startingDifficulty(data, b);
    state.logSlope[b] = start.logSlope?.get(id) ?? 0;
    state.slope[b] = Math.exp(state.logSlope[b]!);
  });
  return state;
}

/** The fitted parameters by id, to warm-start the next fit (e.g. after new scores arrive). */
export function startFrom(fit: CapabilityFit): CapabilityStart {
  return {
    theta: new Map(fit.data.modelIds.map((id, m) => [id, fit.theta[m]!])),
    difficulty: new Map(fit.data.benchmarks.map(({ id }, b) => [id, fit.difficulty[b]!])),
    logSlope: new Map(fit.data.benchmarks.map(({ id }, b) => [id, fit.logSlope[b]!])),
  };
}

/**
 * Fits ŷ(m, b) = σ(a_b(θ_m − d_b)) to the observations (METHODOLOGY §6), minimising
 * Σ (y − ŷ)² + λ(Σθ² + Σd² + Σ(ln a)²) by block-coordinate Gauss-Newton with step halving, plus a
 * step along the directions only the penalty sees (gauge.ts). Stops when one round changes the
 * objective by less than `tolerance` of itself, or after `maxRounds` rounds.
 */
export function fitCapability(data: FitData, options: FitOptions = {}): CapabilityFit {
  const maxRounds = options.maxRounds ?? MAX_ROUNDS;
  const tolerance = options.tolerance ?? TOLERANCE;
  const state = startingState(data, options.start);
  let objective = residuals(data, state).sumOfSquares + LAMBDA * penalty(state);
  let rounds = 0;
  let converged = false;
  while (rounds < maxRounds && !converged) {
    rounds++;
    sweepModels(data, state);
    // The benchmark sweep returns the residuals plus the benchmarks' own penalty; the gauge step then
    // changes the penalty only, so the objective after it needs no further pass over the scores.
    const residualSquares = sweepBenchmarks(data, state) - LAMBDA * (penalty(state) - sumOfSquares(state.theta));
    gaugeStep(state);
    const next = residualSquares + LAMBDA * penalty(state);
    converged = Math.abs(objective - next) <= tolerance * Math.max(next, Number.MIN_VALUE);
    objective = next;
  }
  return finish(data, state, rounds, converged);
}

/** The fit as returned: parameters, the objective recomputed in full, s² and every se. */
function finish(data: FitData, state: FitState, rounds: number, converged: boolean): CapabilityFit {
  const { sumOfSquares, information } = residuals(data, state);
  const variance = residualVariance(sumOfSquares, data.byModelY.length, data.modelIds.length, data.benchmarks.length);
  const standardErrors = new Float64Array(information.length);
  for (let m = 0; m < information.length; m++) standardErrors[m] = standardError(variance, information[m]!);
  return {
    data,
    theta: state.theta,
    difficulty: state.difficulty,
    logSlope: state.logSlope,
    residualVariance: variance,
    standardError: standardErrors,
    rounds,
    objective: sumOfSquares + LAMBDA * penalty(state),
    converged,
    modelIndex: new Map(data.modelIds.map((id, m) => [id, m])),
    benchmarkIndex: new Map(data.benchmarks.map(({ id }, b) => [id, b])),
  };
}

/** The capability index of one lane, from the catalog and every current score. */
export function capabilityIndex(
  catalog: CapabilityCatalog,
  scores: readonly ScoreFacts[],
  lane: Lane,
  options: FitOptions = {},
): CapabilityFit {
  return fitCapability(participate(observationPool(catalog, scores, lane)), options);
}
