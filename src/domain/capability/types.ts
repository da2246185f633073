/**
 * Shapes and constants of the capability index (METHODOLOGY §6). Observations live in typed arrays
 * indexed by position, because the fit has to scale to millions of scores without allocating per score.
 */
import type { BenchmarkFacts, CategoryFacts } from '../scoring/types.js';

/** Ridge weight on θ, d and ln a: it pins the scale and location the data alone leave free. */
export const LAMBDA = 0.01;
/** A benchmark takes part with at least this many scores in the lane. */
export const MIN_BENCHMARK_SCORES = 3;
/** A model takes part with at least this many scores on the benchmarks that take part. */
export const MIN_MODEL_SCORES = 3;
/** A model in the fit is ranked with at least this many scores in it. */
export const MIN_RANKED_SCORES = 5;
/** The fit stops after this many rounds even if it has not converged. */
export const MAX_ROUNDS = 500;
/** The fit has converged when the objective changes by less than this fraction in one round. */
export const TOLERANCE = 1e-10;
/** Half-width of the 95 % interval in standard errors. */
export const Z_95 = 1.96;

/** A benchmark as the capability index sees it; `composite` marks an index of other benchmarks. */
export interface CapabilityBenchmark extends BenchmarkFacts {
  composite?: boolean;
}

/** The reference data the index needs: categories (to spot composites and baselines) and benchmarks. */
export interface CapabilityCatalog {
  categories: readonly CategoryFacts[];
  benchmarks: readonly CapabilityBenchmark[];
}

/**
 * Every non-composite effective score of one lane, before the participation rule: column `i` is
 * one (model, benchmark) pair, sorted by model id then benchmark id.
 */
export interface ObservationPool {
  /** Distinct model ids, ascending; `model[i]` indexes into it. */
  modelIds: readonly number[];
  /** Non-composite benchmarks with at least one score, by ascending id; `benchmark[i]` indexes into it. */
  benchmarks: readonly CapabilityBenchmark[];
  model: Int32Array;
  benchmark: Int32Array;
  /** n / 100, with n the §2 normalised value: higher is better. */
  y: Float64Array;
}

/** The observations that take part in the fit, laid out by model and by benchmark (compressed rows). */
export interface FitData {
  /** Model ids in the fit, ascending. */
  modelIds: readonly number[];
  /** Benchmarks in the fit, by ascending id. */
  benchmarks: readonly CapabilityBenchmark[];
  /** Observations of model m are `modelStart[m] .. modelStart[m + 1] - 1` of the by-model columns. */
  modelStart: Int32Array;
  byModelBenchmark: Int32Array;
  byModelY: Float64Array;
  /** Index of each by-model observation in the pool it came from. */
  byModelSource: Int32Array;
  /** Observations of benchmark b are `benchmarkStart[b] .. benchmarkStart[b + 1] - 1` of the by-benchmark columns. */
  benchmarkStart: Int32Array;
  byBenchmarkModel: Int32Array;
  byBenchmarkY: Float64Array;
  /** Pool model index → fit model index, or -1 when the model does not take part. */
  modelOfPool: Int32Array;
  /** Pool benchmark index → fit benchmark index, or -1 when the benchmark does not take part. */
  benchmarkOfPool: Int32Array;
}

/** Previous parameters by id, to start a fit near where an earlier one ended. */
export interface CapabilityStart {
  theta?: ReadonlyMap<number, number>;
  difficulty?: ReadonlyMap<number, number>;
  logSlope?: ReadonlyMap<number, number>;
}

/** How to run a fit; the defaults are the methodology's. */
export interface FitOptions {
  start?: CapabilityStart;
  maxRounds?: number;
  tolerance?: number;
}

/** A fitted capability index: parameters by fit index, with how the solver got there. */
export interface CapabilityFit {
  data: FitData;
  /** Ability θ of each model in the fit. */
  theta: Float64Array;
  /** Difficulty d of each benchmark in the fit. */
  difficulty: Float64Array;
  /** α = ln a, the log of each benchmark's slope. */
  logSlope: Float64Array;
  /** s² = Σ (y − ŷ)² / max(1, N − M − 2B). */
  residualVariance: number;
  /** se of each model's θ. */
  standardError: Float64Array;
  rounds: number;
  objective: number;
  converged: boolean;
  modelIndex: ReadonlyMap<number, number>;
  benchmarkIndex: ReadonlyMap<number, number>;
}

/** One model's place on the capability scale. */
export interface CapabilityEstimate {
  modelId: number;
  theta: number;
  standardError: number;
  /** θ − 1.96 se. */
  lower: number;
  /** θ + 1.96 se. */
  upper: number;
  /** Scores of the model in the fit. */
  scores: number;
}
