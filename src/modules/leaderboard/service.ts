import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { confidenceOf, type Confidence } from '../../domain/profile/confidence.js';
import { decodeRankCursor, encodeRankCursor } from '../../domain/profile/cursor.js';
import { paretoFrontier } from '../../domain/profile/frontier.js';
import type { Profile } from '../../domain/profile/profiles.js';
import { valueRanking } from '../../domain/profile/value.js';
import { resolveWeightInputs, WeightInputError, type WeightInput } from '../../domain/profile/weights.js';
import type { Lane } from '../../domain/scoring/types.js';
import { badInput, notFound } from '../../schema/errors.js';
import type { CategoryRow } from '../catalog/service.js';
import { modelRowsById, type ModelFilterValues } from '../models/service.js';
import { capabilityLeaderboard } from './capability.js';
import { pastPage, profilesAsOf } from './past.js';
import { categoryTopTwo, leaderboardPage, pricedStandings, type CategoryTopRow } from './queries/leaderboard.js';
import { toProfile } from './queries/profiles.js';
import type {
  CategoryLeadersShape,
  CategoryStandingShape,
  EntryShape,
  FrontierPointShape,
  LeaderboardShape,
  LeaderboardSpec,
  ValueEntryShape,
} from './shapes.js';

export type { LeaderboardLoaders } from './loaders.js';
export { loadComparisonFacts, toProfile } from './queries/profiles.js';
export { ensureProfiles, refreshProfiles } from './refresh.js';
export type {
  CategoryLeadersShape,
  CategoryStandingShape,
  EdgeShape,
  EntryShape,
  FrontierPointShape,
  LeaderboardShape,
  ValueEntryShape,
} from './shapes.js';

const DEFAULT_LANE: Lane = 'PROVISIONAL';

/** A category of the catalog by id (every stored category id names one). */
export async function categoryOf(ctx: Context, categoryId: number): Promise<CategoryRow> {
  return (await ctx.loaders.catalog()).categoryById.get(categoryId)!;
}

/** The category id a slug names, or a NOT_FOUND error naming it; null without a slug. */
export async function categoryArg(ctx: Context, slug: string | null | undefined): Promise<number | null> {
  if (slug == null) return null;
  const category = (await ctx.loaders.catalog()).categoryBySlug.get(slug);
  if (!category) throw notFound(`category: no category has the slug "${slug}"`, { argument: 'category' });
  return category.id;
}

/** Caller weights as category id → weight, validated; null when none were given. */
export async function weightsArg(
  ctx: Context,
  inputs: readonly WeightInput[] | null | undefined,
): Promise<Map<number, number> | null> {
  if (inputs == null) return null;
  const catalog = await ctx.loaders.catalog();
  try {
    return resolveWeightInputs(inputs, new Map(catalog.categories.map((c) => [c.slug, c.id])));
  } catch (error) {
    if (error instanceof WeightInputError) throw badInput(error.message, error.path);
    throw error;
  }
}

/** How a leaderboard ranks: by the §3 weighted overall score, or by the §6 capability index. */
export type LeaderboardMethod = 'WEIGHTED' | 'CAPABILITY';

/** The arguments of `Query.leaderboard`. */
export interface LeaderboardArgs {
  method?: LeaderboardMethod | null;
  lane?: Lane | null;
  category?: string | null;
  filter?: ModelFilterValues | null;
  weights?: readonly WeightInput[] | null;
  first?: number | null;
  after?: string | null;
  asOf?: string | null;
}

/** The leaderboard arguments checked and resolved, or a BAD_USER_INPUT / NOT_FOUND error naming the culprit. */
async function leaderboardSpec(ctx: Context, args: LeaderboardArgs): Promise<LeaderboardSpec> {
  const first = args.first ?? 50;
  if (first < 0 || first > 100) throw badInput(`first: must be between 0 and 100, got ${first}`, 'first');
  const after = args.after == null ? null : decodeRankCursor(args.after);
  if (args.after != null && !after) throw badInput('after: not a cursor of this leaderboard', 'after');
  const categoryId = await categoryArg(ctx, args.category);
  if (categoryId !== null && args.weights)
    throw badInput('weights: apply to the overall leaderboard only; omit them with a category', 'weights');
  const weights = await weightsArg(ctx, args.weights);
  return { lane: args.lane ?? DEFAULT_LANE, categoryId, weights, filter: args.filter, first, after };
}

/**
 * A leaderboard page: from the stored standings, or (`asOf`) computed from the score history,
 * with the listed models loaded in one planned query; with method CAPABILITY, the capability index's.
 */
export async function leaderboard(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: LeaderboardArgs,
): Promise<LeaderboardShape> {
  if (args.method === 'CAPABILITY') return capabilityLeaderboard(ctx, info, args);
  const spec = await leaderboardSpec(ctx, args);
  const page = args.asOf
    ? await pastPage(ctx, { ...spec, day: args.asOf })
    : await leaderboardPage(ctx.db, { ...spec, day: ctx.today });
  const ids = page.rows.map((r) => r.modelId);
  const models = await modelRowsById(ctx, info, [['edges', 'node', 'model']], ids);
  return {
    totalCount: page.totalCount,
    hasNextPage: page.hasNextPage,
    hasPreviousPage: spec.after !== null,
    edges: page.rows.map((row) => ({ cursor: encodeRankCursor(row), node: { row, model: models.get(row.modelId) } })),
  };
}

/** Relay page info of a leaderboard page. */
export function leaderboardPageInfo(page: LeaderboardShape) {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.edges.at(-1)?.cursor ?? null,
  };
}

/** How much evidence stands behind a leaderboard line's profile. */
export function entryConfidence(entry: EntryShape): Confidence {
  return confidenceOf(entry.row.categoryCount, entry.row.benchmarkCount);
}

/** Leader and runner-up per category, from the top-two rows and their loaded models. */
function leadersByCategory(
  top: readonly CategoryTopRow[],
  models: ReadonlyMap<number, unknown>,
): Map<number, CategoryLeadersShape> {
  const byCategory = new Map<number, CategoryLeadersShape>();
  for (const r of top) {
    const entry = byCategory.get(r.categoryId) ?? { categoryId: r.categoryId, leader: null, runnerUp: null };
    const { rank, score, modelId, benchmarkCount, categoryCount } = r;
    const shape: EntryShape = {
      row: { rank, score, modelId, benchmarkCount, categoryCount },
      model: models.get(modelId),
    };
    if (r.position === 1) entry.leader = shape;
    else entry.runnerUp = shape;
    byCategory.set(r.categoryId, entry);
  }
  return byCategory;
}

/** Every category with an eligible model, in catalog order, with its leader and runner-up. */
export async function categoryLeaders(
  ctx: Context,
  info: GraphQLResolveInfo,
  lane: Lane | null | undefined,
): Promise<CategoryLeadersShape[]> {
  const top = await categoryTopTwo(ctx.db, lane ?? DEFAULT_LANE);
  const paths = [
    ['leader', 'model'],
    ['runnerUp', 'model'],
  ];
  const models = await modelRowsById(
    ctx,
    info,
    paths,
    top.map((r) => r.modelId),
  );
  const byCategory = leadersByCategory(top, models);
  const catalog = await ctx.loaders.catalog();
  return catalog.categories.filter((c) => byCategory.has(c.id)).map((c) => byCategory.get(c.id)!);
}

/** Ranked models by overall points per blended dollar, best first, at most `first` (clamped to 0–100). */
export async function valueLeaderboard(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { lane?: Lane | null; filter?: ModelFilterValues | null; first?: number | null },
): Promise<ValueEntryShape[]> {
  const first = Math.max(0, Math.min(100, args.first ?? 50));
  const rows = await pricedStandings(ctx.db, { lane: args.lane ?? DEFAULT_LANE, filter: args.filter, day: ctx.today });
  const ranked = valueRanking(rows).slice(0, first);
  const ids = ranked.map((r) => r.modelId);
  const models = await modelRowsById(ctx, info, [['model']], ids);
  return ranked.map((r) => ({ ...r, model: models.get(r.modelId) }));
}

/** Which price the frontier weighs against quality. */
export type CostDimension = 'BLENDED' | 'INPUT' | 'OUTPUT';

/** The price/quality Pareto frontier among ranked (or category-eligible) models, cheapest first. */
export async function frontier(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { lane?: Lane | null; cost?: CostDimension | null; quality?: string | null; filter?: ModelFilterValues | null },
): Promise<FrontierPointShape[]> {
  const categoryId = await categoryArg(ctx, args.quality);
  const lane = args.lane ?? DEFAULT_LANE;
  const rows = await pricedStandings(ctx.db, { lane, categoryId, filter: args.filter, day: ctx.today });
  const dimension = args.cost === 'INPUT' ? 'input' : args.cost === 'OUTPUT' ? 'output' : 'blended';
  const points = paretoFrontier(
    rows.map((r) => ({ modelId: r.modelId, slug: r.slug, cost: r[dimension], quality: r.score })),
  );
  const ids = points.map((p) => p.modelId);
  const models = await modelRowsById(ctx, info, [['model']], ids);
  return points.map((p) => ({ model: models.get(p.modelId), cost: p.cost, quality: p.quality }));
}

/** A model's own standing in a lane: stored, or (`asOf`) computed from the score history; caller weights re-rank. */
export async function modelProfile(
  ctx: Context,
  modelId: number,
  args: { lane?: Lane | null; weights?: readonly WeightInput[] | null; asOf?: string | null },
): Promise<Profile> {
  const lane = args.lane ?? DEFAULT_LANE;
  const weights = await weightsArg(ctx, args.weights);
  const profile = args.asOf
    ? (await profilesAsOf(ctx, lane, args.asOf, weights)).get(modelId)
    : await ctx.loaders.profile.load({ lane, modelId, weights });
  // A model without any score has no stored profile: it gets the empty one.
  return profile ?? toProfile(modelId, undefined);
}

/** A profile's category scores with its rank in each (null where it is not eligible). */
export function categoryStandings(profile: Profile): CategoryStandingShape[] {
  return [...profile.categoryScores].map(([categoryId, score]) => ({
    categoryId,
    score,
    rank: profile.categoryRanks.get(categoryId) ?? null,
  }));
}
