import type { Context } from '../../context.js';
import type { CapabilityInput } from '../../domain/comparison/capability.js';
import { denormalize } from '../../domain/capability/predict.js';
import type { Lane } from '../../domain/scoring/types.js';
import type { BenchmarkRow } from '../catalog/service.js';
import type { EstimateShape, FitSource, LaneFit } from './lane-fit.js';

export { fitCount } from './fitting.js';
export { LaneFit, type EstimateShape, type FitSource } from './lane-fit.js';
export type { CapabilityLoaders } from './loaders.js';
export { capabilityLines, decodeCapabilityCursor, encodeCapabilityCursor } from './lines.js';
export { capabilityColumnSql, readCapabilityColumn } from './queries/read.js';
export { refreshCapability, type LaneRefresh } from './refresh.js';
export { createCapabilityRefresher, type CapabilityRefresher } from './refresher.js';

const DEFAULT_LANE: Lane = 'PROVISIONAL';

/** The lane a capability field reads, and the day of the history when it is not the current fit. */
export interface CapabilityArgs {
  lane?: Lane | null;
  asOf?: string | null;
}

/** A predicted score as the API shows it: on the benchmark's own scale, and normalised 0–100. */
export interface PredictedScoreShape {
  benchmark: BenchmarkRow;
  value: number;
  normalized: number;
}

/** A lane's capability index as a whole: what its fit is of (null without one yet). */
export interface CapabilityIndexShape {
  lane: Lane;
  source: FitSource | null;
}

/** The fit a field reads: the stored one (batched with the request's other fields), or a refit from history. */
function fitFor(ctx: Context, args: CapabilityArgs, modelId: number | null, predicted = false): Promise<LaneFit> {
  const lane = args.lane ?? DEFAULT_LANE;
  if (args.asOf) return ctx.loaders.capabilityAsOf(lane, args.asOf);
  return ctx.loaders.capabilityFit.load({ lane, modelId, predicted });
}

/** A model's capability estimate in a lane; null when it is not in the fit (or there is no fit yet). */
export async function modelCapability(
  ctx: Context,
  modelId: number,
  args: CapabilityArgs,
): Promise<EstimateShape | null> {
  return (await fitFor(ctx, args, modelId)).estimate(modelId);
}

/**
 * A model's predicted score on every benchmark of the fit it has no score on in the lane (METHODOLOGY §6),
 * in catalog order; [] when it is not in the fit. Never mixed into its scores, profile or comparisons.
 */
export async function predictedScores(
  ctx: Context,
  modelId: number,
  args: CapabilityArgs,
): Promise<PredictedScoreShape[]> {
  const fit = await fitFor(ctx, args, modelId, true);
  const catalog = await ctx.loaders.catalog();
  const order = new Map(catalog.benchmarks.map((b, i) => [b.id, i]));
  return fit
    .predicted(modelId)
    .filter((p) => catalog.benchmarkById.has(p.benchmarkId))
    .sort((a, b) => order.get(a.benchmarkId)! - order.get(b.benchmarkId)!)
    .map((p) => {
      const benchmark = catalog.benchmarkById.get(p.benchmarkId)!;
      return { benchmark, value: denormalize(p.y, benchmark), normalized: 100 * p.y };
    });
}

/** A benchmark's fitted difficulty d in a lane; null when it is not in the fit. */
export async function benchmarkDifficulty(ctx: Context, benchmarkId: number, args: CapabilityArgs) {
  return (await fitFor(ctx, args, null)).benchmark(benchmarkId)?.difficulty ?? null;
}

/** A benchmark's fitted slope a = e^α in a lane; null when it is not in the fit. */
export async function benchmarkSlope(ctx: Context, benchmarkId: number, args: CapabilityArgs) {
  const fit = (await fitFor(ctx, args, null)).benchmark(benchmarkId);
  return fit ? Math.exp(fit.logSlope) : null;
}

/** A lane's capability index: what its stored fit (or the refit of a day) is of. */
export async function capabilityIndexOf(ctx: Context, args: CapabilityArgs): Promise<CapabilityIndexShape> {
  return { lane: args.lane ?? DEFAULT_LANE, source: (await fitFor(ctx, args, null)).source };
}

/** How many other ranked models are statistically tied with this one (worst − best rank); null when unranked. */
export function statisticallyTiedCount(estimate: EstimateShape): number | null {
  return estimate.worstRank === null || estimate.bestRank === null ? null : estimate.worstRank - estimate.bestRank;
}

/** A lane fit as the comparison's capability input, with the fit it came from; undefined without a fit. */
export interface ComparedCapability extends CapabilityInput {
  fit: LaneFit;
}

/** The comparison's capability input from a lane fit; undefined when the lane has no fit yet. */
export function comparedCapability(fit: LaneFit): ComparedCapability | undefined {
  return fit.source ? { estimates: fit.allEstimates(), fit } : undefined;
}
