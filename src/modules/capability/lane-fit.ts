import { sigmoid } from '../../domain/capability/blocks.js';
import type { CapabilityEstimate } from '../../domain/capability/types.js';
import type { Lane } from '../../domain/scoring/types.js';

/** Which data a fit is of: what `fittedAt`, `asOf` and `methodologyVersion` tell a reader. */
export interface FitSource {
  lane: Lane;
  fittedAt: Date;
  /** The day of the score history the fit was computed from; null for the stored current fit. */
  asOf: string | null;
  methodologyVersion: string;
  /** The latest recorded, superseded or retracted score the fit includes (current fits only). */
  scoresChangedAt: Date | null;
  /** Models, ranked models, benchmarks and scores in the fit, and how the solver ended. */
  models: number;
  rankedModels: number;
  benchmarks: number;
  scoresUsed: number;
  rounds: number;
  converged: boolean;
}

/** One model's place in a fit as the API shows it: the estimate, its rank and bounds (null when unranked). */
export interface EstimateShape extends CapabilityEstimate {
  rank: number | null;
  bestRank: number | null;
  worstRank: number | null;
  source: FitSource;
}

/** A benchmark's fitted difficulty d and log slope α = ln a. */
export interface BenchmarkFit {
  id: number;
  difficulty: number;
  logSlope: number;
}

/** ŷ of a model on a benchmark it has no score on, on the 0..1 higher-is-better scale. */
export interface PredictedY {
  benchmarkId: number;
  y: number;
}

/**
 * What every capability field reads: one lane's fit (the stored current one, or one refitted from the
 * history), holding the estimates of the models it was asked about (all of them for a refit), every
 * benchmark's parameters, and which benchmarks those models have scores on. Reading it never fits.
 */
export class LaneFit {
  constructor(
    /** Null when the lane has no stored fit yet: every capability field is null then. */
    readonly source: FitSource | null,
    private readonly estimates: ReadonlyMap<number, EstimateShape>,
    private readonly benchmarks: ReadonlyMap<number, BenchmarkFit>,
    private readonly scoredOf: (modelId: number) => ReadonlySet<number> | undefined,
    /** The ranked models by θ (highest first), when the whole fit is at hand (refits from history). */
    readonly ranking: readonly EstimateShape[] | null = null,
  ) {}

  /** A lane without a fit. */
  static empty(): LaneFit {
    return new LaneFit(null, new Map(), new Map(), () => undefined);
  }

  /** A model's estimate; null when it is not in the fit. */
  estimate(modelId: number): EstimateShape | null {
    return this.estimates.get(modelId) ?? null;
  }

  /** Every estimate this view holds, by model id. */
  allEstimates(): ReadonlyMap<number, EstimateShape> {
    return this.estimates;
  }

  /** A benchmark's parameters; null when it is not in the fit. */
  benchmark(benchmarkId: number): BenchmarkFit | null {
    return this.benchmarks.get(benchmarkId) ?? null;
  }

  /**
   * ŷ = σ(a(θ − d)) of a model on every benchmark of the fit it has no score on (METHODOLOGY §6), by
   * benchmark id; [] when the model is not in the fit. The same expression as the pure `predictAt`.
   */
  predicted(modelId: number): PredictedY[] {
    const estimate = this.estimates.get(modelId);
    if (!estimate) return [];
    const scored = this.scoredOf(modelId) ?? new Set<number>();
    const predictions: PredictedY[] = [];
    for (const benchmark of [...this.benchmarks.values()].sort((a, b) => a.id - b.id)) {
      if (scored.has(benchmark.id)) continue;
      const y = sigmoid(Math.exp(benchmark.logSlope) * (estimate.theta - benchmark.difficulty));
      predictions.push({ benchmarkId: benchmark.id, y });
    }
    return predictions;
  }
}
