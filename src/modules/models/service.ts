import { sql, type SQL } from 'drizzle-orm';
import type { DBQueryConfig } from 'drizzle-orm/relations';
import type { Context } from '../../context.js';
import type { relations } from '../../db/relations.js';
import { models } from '../../db/tables/index.js';
import { effectiveRows } from '../../domain/scores.js';
import { normalize } from '../../domain/scoring/normalize.js';
import type { Lane } from '../../domain/scoring/types.js';
import { badInput } from '../../schema/errors.js';
import { withBenchmark } from '../catalog/service.js';
import { modelFilterSql, type ModelFilterValues } from './queries/model-filter.js';
import type { ScoreRow } from './queries/model-scores.js';

export { loadScoresAsOf } from './queries/as-of.js';
export { CURRENT_SCORE, loadCurrentScores, packedScoresSql, unpackScores } from './queries/scoring.js';
export { modelFilterSql, type ModelColumns, type ModelFilterValues } from './queries/model-filter.js';
export { priceAsOf } from './queries/prices.js';
export type { ScoreRow } from './queries/model-scores.js';
export { modelRowsAt, modelRowsById, type ModelWithPrice } from './model-rows.js';

type ModelQuery<Mode extends 'one' | 'many'> = DBQueryConfig<Mode, typeof relations, (typeof relations)['models']>;

/** The plugin's query planner of a field: merges what the service asks for with what the operation selects. */
type Plan<Own, Mode extends 'one' | 'many', Q extends ModelQuery<Mode>> = (own: Own) => Q;

/** The longest `filter.search` a model list takes: a substring search, not a document. */
const MAX_SEARCH_LENGTH = 200;

const ORDER_COLUMNS = { SLUG: 'slug', NAME: 'name', CONTEXT_WINDOW: 'contextWindow' } as const;

/** How a model list is sorted (GraphQL `ModelOrder`). */
export interface ModelOrderValues {
  field: keyof typeof ORDER_COLUMNS;
  direction?: 'ASC' | 'DESC' | null;
}

/** A model list's arguments: its filter and its ordering. */
export interface ModelListArgs {
  filter?: ModelFilterValues | null;
  orderBy?: ModelOrderValues | null;
}

/** Which scores of a model to show: the lane, every score or only the effective ones, now or on a day. */
export interface ModelScoresArgs {
  lane?: Lane | null;
  all?: boolean | null;
  asOf?: string | null;
}

interface ListQuery {
  where: { RAW: (table: typeof models) => SQL };
  orderBy: Partial<Record<(typeof ORDER_COLUMNS)[keyof typeof ORDER_COLUMNS], 'asc' | 'desc'>>;
}

/** The model a slug names, with what the operation selects below it; undefined when none has it. */
export function findModel<Q extends ModelQuery<'one'>>(
  ctx: Context,
  plan: Plan<{ where: { slug: string } }, 'one', Q>,
  slug: string,
) {
  return ctx.db.query.models.findFirst(plan({ where: { slug } }));
}

/** A page of the models matching a filter, in the asked order (the plan adds the page bounds). */
export function listModels<Q extends ModelQuery<'many'>>(
  ctx: Context,
  plan: Plan<ListQuery, 'many', Q>,
  args: ModelListArgs,
) {
  const search = args.filter?.search;
  if (search != null && search.length > MAX_SEARCH_LENGTH) {
    throw badInput(`filter.search is longer than ${MAX_SEARCH_LENGTH} characters`, 'filter.search');
  }
  const column = ORDER_COLUMNS[args.orderBy?.field ?? 'SLUG'];
  const direction = args.orderBy?.direction === 'DESC' ? 'desc' : 'asc';
  return ctx.db.query.models.findMany(
    plan({
      where: { RAW: (table) => modelFilterSql(table, args.filter, ctx.today) ?? sql`true` },
      orderBy: { [column]: direction },
    }),
  );
}

/** How many models match a filter, across all pages. */
export function countModels(ctx: Context, filter: ModelFilterValues | null | undefined): Promise<number> {
  return ctx.db.$count(models, modelFilterSql(models, filter, ctx.today));
}

/** A model by id, batched with the request's other lookups. */
export function loadModel(ctx: Context, id: number) {
  return ctx.loaders.modelById.load(id);
}

/**
 * A model's scores in a lane: the effective one per benchmark, or with `all` every one the lane
 * admits. Through a loader rather than the planned query: one statement per request (with the
 * catalog), and no per-row selection bookkeeping for what can be thousands of rows.
 */
export async function modelScores(ctx: Context, modelId: number, args: ModelScoresArgs): Promise<ScoreRow[]> {
  const lane = args.lane ?? 'PROVISIONAL';
  const rows = await ctx.loaders.modelScores.load({ modelId, lane, asOf: args.asOf ?? null });
  return args.all ? rows : effectiveRows(rows, lane);
}

/** The benchmark a score is on. */
export function scoreBenchmark(ctx: Context, score: ScoreRow) {
  return withBenchmark(ctx, score.benchmarkId, (benchmark) => benchmark);
}

/** A score on the 0–100 scale of its benchmark. */
export function normalizedScore(ctx: Context, score: ScoreRow): number | Promise<number> {
  return withBenchmark(ctx, score.benchmarkId, (benchmark) => normalize(score.value, benchmark));
}
