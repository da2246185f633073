/**
 * The two blocks of the fit. With the benchmarks held still, the objective splits into one term per
 * model; with the models held still, into one term per benchmark. Each term gets one safeguarded
 * Gauss-Newton step: a Newton step on its own 1 or 2 parameters, halved until its term does not rise.
 */
import { LAMBDA, type FitData } from './types.js';

/** Halvings tried before a step is given up for this round: 2^-40 of a step changes nothing. */
const MAX_HALVINGS = 40;

/** The current parameters of a fit, by fit index; `slope` caches exp(logSlope). */
export interface FitState {
  theta: Float64Array;
  difficulty: Float64Array;
  logSlope: Float64Array;
  slope: Float64Array;
}

/** σ(x) = 1 / (1 + e^(−x)), the predicted y for a = slope and x = a(θ − d). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Σ (y − ŷ)² + λθ² of one model's observations `from .. to - 1` at ability `t`. */
function abilityObjective(
  benchmark: Int32Array,
  y: Float64Array,
  from: number,
  to: number,
  t: number,
  state: FitState,
): number {
  const { slope, difficulty } = state;
  let f = LAMBDA * t * t;
  for (let k = from; k < to; k++) {
    const b = benchmark[k]!;
    const r = y[k]! - sigmoid(slope[b]! * (t - difficulty[b]!));
    f += r * r;
  }
  return f;
}

/**
 * One step on the ability of the model at `m` whose observations are `from .. to - 1` of the given
 * columns; returns the model's term of the objective after the step.
 */
export function stepAbility(
  benchmark: Int32Array,
  y: Float64Array,
  from: number,
  to: number,
  m: number,
  state: FitState,
): number {
  const { slope, difficulty } = state;
  const t = state.theta[m]!;
  let f = LAMBDA * t * t;
  let g = 0;
  let h = 0;
  for (let k = from; k < to; k++) {
    const b = benchmark[k]!;
    const a = slope[b]!;
    const p = sigmoid(a * (t - difficulty[b]!));
    const r = y[k]! - p;
    const w = a * p * (1 - p);
    f += r * r;
    g += r * w;
    h += w * w;
  }
  let step = (g - LAMBDA * t) / (h + LAMBDA);
  for (let i = 0; i < MAX_HALVINGS; i++) {
    const trial = t + step;
    const ft = abilityObjective(benchmark, y, from, to, trial, state);
    if (ft <= f) {
      state.theta[m] = trial;
      return ft;
    }
    step *= 0.5;
  }
  return f;
}

/**
 * The plain Gauss-Newton step on one model's θ at `t`, with no objective check: near the minimum the
 * objective is flat below its rounding error, while the gradient still points the right way.
 */
export function abilityStep(
  benchmark: Int32Array,
  y: Float64Array,
  from: number,
  to: number,
  t: number,
  state: FitState,
): number {
  let g = 0;
  let h = 0;
  for (let k = from; k < to; k++) {
    const b = benchmark[k]!;
    const a = state.slope[b]!;
    const p = sigmoid(a * (t - state.difficulty[b]!));
    const w = a * p * (1 - p);
    g += (y[k]! - p) * w;
    h += w * w;
  }
  return (g - LAMBDA * t) / (h + LAMBDA);
}

/** Σ (y − ŷ)² + λ(d² + α²) of benchmark `b` at difficulty `d` and log slope `alpha`. */
function benchmarkObjective(data: FitData, b: number, d: number, alpha: number, theta: Float64Array): number {
  const a = Math.exp(alpha);
  const { byBenchmarkY, byBenchmarkModel } = data;
  const to = data.benchmarkStart[b + 1]!;
  let f = LAMBDA * (d * d + alpha * alpha);
  for (let k = data.benchmarkStart[b]!; k < to; k++) {
    const r = byBenchmarkY[k]! - sigmoid(a * (theta[byBenchmarkModel[k]!]! - d));
    f += r * r;
  }
  return f;
}

/** One 2×2 step on (d, α) of benchmark `b`; returns the benchmark's term of the objective after it. */
export function stepBenchmark(data: FitData, b: number, state: FitState): number {
  const d = state.difficulty[b]!;
  const alpha = state.logSlope[b]!;
  const a = state.slope[b]!;
  let f = LAMBDA * (d * d + alpha * alpha);
  let gd = 0;
  let ga = 0;
  let hdd = 0;
  let hda = 0;
  let haa = 0;
  const { byBenchmarkY, byBenchmarkModel } = data;
  const theta = state.theta;
  const to = data.benchmarkStart[b + 1]!;
  for (let k = data.benchmarkStart[b]!; k < to; k++) {
    const z = a * (theta[byBenchmarkModel[k]!]! - d);
    const p = sigmoid(z);
    const r = byBenchmarkY[k]! - p;
    const q = p * (1 - p);
    // ∂ŷ/∂d = −a p(1 − p) and ∂ŷ/∂α = a(θ − d) p(1 − p).
    const jd = -a * q;
    const ja = z * q;
    f += r * r;
    gd += r * jd;
    ga += r * ja;
    hdd += jd * jd;
    hda += jd * ja;
    haa += ja * ja;
  }
  const rd = gd - LAMBDA * d;
  const ra = ga - LAMBDA * alpha;
  const hd = hdd + LAMBDA;
  const ha = haa + LAMBDA;
  const det = hd * ha - hda * hda;
  let sd = (ha * rd - hda * ra) / det;
  let sa = (hd * ra - hda * rd) / det;
  for (let i = 0; i < MAX_HALVINGS; i++) {
    const ft = benchmarkObjective(data, b, d + sd, alpha + sa, state.theta);
    if (ft <= f) {
      state.difficulty[b] = d + sd;
      state.logSlope[b] = alpha + sa;
      state.slope[b] = Math.exp(alpha + sa);
      return ft;
    }
    sd *= 0.5;
    sa *= 0.5;
  }
  return f;
}

/** One step on every model's ability; returns Σ (y − ŷ)² + λΣθ² after them. */
export function sweepModels(data: FitData, state: FitState): number {
  let total = 0;
  for (let m = 0; m < data.modelIds.length; m++) {
    const from = data.modelStart[m]!;
    const to = data.modelStart[m + 1]!;
    total += stepAbility(data.byModelBenchmark, data.byModelY, from, to, m, state);
  }
  return total;
}

/** One step on every benchmark; returns Σ (y − ŷ)² + λ(Σd² + Σα²) after them. */
export function sweepBenchmarks(data: FitData, state: FitState): number {
  let total = 0;
  for (let b = 0; b < data.benchmarks.length; b++) total += stepBenchmark(data, b, state);
  return total;
}
