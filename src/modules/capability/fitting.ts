import { capabilityEstimates } from '../../domain/capability/estimates.js';
import { fitCapability } from '../../domain/capability/fit.js';
import { participate } from '../../domain/capability/participation.js';
import { type CapabilityRank, hundredths, rankCapabilities } from '../../domain/capability/ranking.js';
import type {
  CapabilityEstimate,
  CapabilityFit,
  CapabilityStart,
  ObservationPool,
} from '../../domain/capability/types.js';
import type { Lane } from '../../domain/scoring/types.js';
import type { StoredBenchmarkFit } from '../../db/tables/index.js';
import { type BenchmarkFit, type EstimateShape, type FitSource, LaneFit } from './lane-fit.js';

let fitsRun = 0;

/** How many fits this process has run: tests read it around a request to prove reads run none. */
export function fitCount(): number {
  return fitsRun;
}

/** A lane fitted: the fit and its ranked models by id. */
export interface FittedLane {
  lane: Lane;
  fit: CapabilityFit;
  ranks: ReadonlyMap<number, CapabilityRank>;
}

/** Fits one lane's observations (participation applied), from `start` when given, and ranks the models. */
export function fitLane(lane: Lane, pool: ObservationPool, start?: CapabilityStart): FittedLane {
  fitsRun++;
  const fit = fitCapability(participate(pool), start ? { start } : {});
  const ranks = new Map(rankCapabilities(capabilityEstimates(fit)).map((rank) => [rank.modelId, rank]));
  return { lane, fit, ranks };
}

/** The estimate with its rank and bounds (null when the model has fewer than 5 scores in the fit). */
function withRank(estimate: CapabilityEstimate, rank: CapabilityRank | undefined, source: FitSource): EstimateShape {
  return {
    ...estimate,
    rank: rank?.rank ?? null,
    bestRank: rank?.bestRank ?? null,
    worstRank: rank?.worstRank ?? null,
    source,
  };
}

/** What a fit is of, for a reader: when it ran, from which day's history, and its size. */
export function sourceOf(fitted: FittedLane, at: { fittedAt: Date; asOf: string | null; version: string }): FitSource {
  const { fit } = fitted;
  return {
    lane: fitted.lane,
    fittedAt: at.fittedAt,
    asOf: at.asOf,
    methodologyVersion: at.version,
    scoresChangedAt: null,
    models: fit.data.modelIds.length,
    rankedModels: fitted.ranks.size,
    benchmarks: fit.data.benchmarks.length,
    scoresUsed: fit.data.byModelY.length,
    rounds: fit.rounds,
    converged: fit.converged,
  };
}

/** The benchmarks' parameters of a fit, by benchmark id. */
export function benchmarkFits(fit: CapabilityFit): StoredBenchmarkFit[] {
  return fit.data.benchmarks.map(({ id }, b) => ({
    id,
    difficulty: fit.difficulty[b]!,
    logSlope: fit.logSlope[b]!,
    scores: fit.data.benchmarkStart[b + 1]! - fit.data.benchmarkStart[b]!,
  }));
}

/** Every model of a fit as a row of `capability_estimates`. */
export function estimateRows(fitted: FittedLane) {
  return capabilityEstimates(fitted.fit).map((estimate) => {
    const rank = fitted.ranks.get(estimate.modelId);
    return {
      lane: fitted.lane,
      modelId: estimate.modelId,
      theta: estimate.theta,
      thetaHundredths: hundredths(estimate.theta),
      standardError: estimate.standardError,
      lower: estimate.lower,
      upper: estimate.upper,
      scores: estimate.scores,
      rank: rank?.rank ?? null,
      bestRank: rank?.bestRank ?? null,
      worstRank: rank?.worstRank ?? null,
    };
  });
}

/**
 * A whole fit as the read model, keeping only what reads need (not the observations' values): the
 * estimates, the benchmarks' parameters, and each model's benchmarks (to predict only where it has no
 * score). `bytes` estimates its size, for the cache of refits from history.
 */
export function laneFitOf(fitted: FittedLane, source: FitSource): { view: LaneFit; bytes: number } {
  const { fit } = fitted;
  const estimates = new Map(
    capabilityEstimates(fit).map((e) => [e.modelId, withRank(e, fitted.ranks.get(e.modelId), source)]),
  );
  const benchmarks = new Map<number, BenchmarkFit>(benchmarkFits(fit).map((b) => [b.id, b]));
  const benchmarkIds = Int32Array.from(fit.data.benchmarks, (b) => b.id);
  const modelStart = fit.data.modelStart.slice();
  const byModelBenchmark = fit.data.byModelBenchmark.slice();
  // Copies, so the cached view does not keep the fit's observations alive.
  const modelIndex = new Map(fit.modelIndex);
  const scoredOf = (modelId: number) => {
    const m = modelIndex.get(modelId);
    if (m === undefined) return undefined;
    const ids = new Set<number>();
    for (let k = modelStart[m]!; k < modelStart[m + 1]!; k++) ids.add(benchmarkIds[byModelBenchmark[k]!]!);
    return ids;
  };
  const ranking = [...estimates.values()]
    .filter((e) => e.rank !== null)
    .sort((a, b) => b.theta - a.theta || a.modelId - b.modelId);
  const bytes = 4 * (modelStart.length + byModelBenchmark.length) + 200 * estimates.size + 100 * benchmarks.size;
  return { view: new LaneFit(source, estimates, benchmarks, scoredOf, ranking), bytes };
}
