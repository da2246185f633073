import type { Context } from '../../../context.js';
import { filteredModelSlugs, leaderboardPage, type StandingPage, type StandingRow } from '../queries/leaderboard.js';
import type { ModelFilterValues } from '../../models/queries/model-filter.js';
import type { StandingsSpec } from '../queries/standings.js';
import { categoryLeaderboard, overallLeaderboard } from '../../../domain/profile/leaderboard.js';
import { pageAfter } from '../../../domain/profile/page.js';
import { computeProfiles } from '../../../domain/profile/profiles.js';
import { tenths } from '../../../domain/scoring/equality.js';
import { confidenceOf } from '../../../domain/profile/confidence.js';
import { decodeRankCursor, encodeRankCursor, type RankCursor } from '../../../domain/profile/cursor.js';
import { builder } from '../../../schema/builder.js';
import { modelRowsById } from '../../models/model-rows.js';
import { badInput, notFound } from '../../../schema/errors.js';
import { Lane } from '../../../schema/scalars.js';
import { ModelFilter } from '../../models/types/model-filter.js';
import { Model } from '../../models/types/model.js';
import { CategoryWeightInput, Confidence, weightsArg } from './profile.js';

/** A leaderboard line with its model row. */
export interface EntryShape {
  row: Pick<StandingRow, 'rank' | 'score' | 'benchmarkCount' | 'categoryCount' | 'modelId'>;
  model: unknown;
}

/** One line of a leaderboard. */
export const LeaderboardEntry = builder.objectRef<EntryShape>('LeaderboardEntry').implement({
  description: 'A ranked model on a leaderboard.',
  fields: (t) => ({
    rank: t.int({
      description:
        '1 + the number of listed-or-not ranked models with a strictly higher score (ties share a rank); a filter hides rows but never changes ranks.',
      resolve: (e) => e.row.rank,
    }),
    score: t.float({
      description: 'Overall score (or the category score on a category leaderboard), 0–100.',
      resolve: (e) => e.row.score,
    }),
    confidence: t.field({
      type: Confidence,
      description: "How much evidence stands behind the model's profile.",
      resolve: (e) => confidenceOf(e.row.categoryCount, e.row.benchmarkCount),
    }),
    model: t.field({ type: Model, description: 'The model.', resolve: (e) => e.model as never }),
  }),
});

const LeaderboardEdge = builder.objectRef<{ cursor: string; node: EntryShape }>('LeaderboardEdge').implement({
  description: 'A leaderboard line with its cursor.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque position of this line, for `after`.' }),
    node: t.field({ type: LeaderboardEntry, description: 'The line.', resolve: (e) => e.node }),
  }),
});

const LeaderboardConnection = builder
  .objectRef<{
    edges: { cursor: string; node: EntryShape }[];
    totalCount: number;
    hasNextPage: boolean;
    hasPreviousPage: boolean;
  }>('LeaderboardConnection')
  .implement({
    description: 'A page of a leaderboard, by score then slug.',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        description: 'How many models the leaderboard lists with this filter, across all pages.',
      }),
      edges: t.field({ type: [LeaderboardEdge], description: 'The lines of this page.', resolve: (c) => c.edges }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: 'Where this page sits.',
        resolve: (c) => ({
          hasNextPage: c.hasNextPage,
          hasPreviousPage: c.hasPreviousPage,
          startCursor: c.edges[0]?.cursor ?? null,
          endCursor: c.edges.at(-1)?.cursor ?? null,
        }),
      }),
    }),
  });

/**
 * A leaderboard page as of a past day: the pure §3 functions over the score history, paged in the
 * same order and with the same cursors as the stored standings. Slower (all scores of that day
 * are read), which is the price of a question only the history can answer.
 */
async function pastPage(
  ctx: Context,
  spec: Omit<StandingsSpec, 'categoryId'> & {
    categoryId: number | null;
    filter?: ModelFilterValues | null;
    day: string;
    first: number;
    after: RankCursor | null;
  },
): Promise<StandingPage> {
  const [view, slugs] = await Promise.all([
    ctx.loaders.laneViewAsOf(spec.lane, spec.day),
    filteredModelSlugs(ctx.db, spec.filter, spec.day),
  ]);
  const profiles = spec.weights
    ? computeProfiles(view.catalog, view.effective, view.methodology, spec.weights)
    : view.profiles;
  const slugOf = (id: number) => slugs.get(id) ?? '';
  const entries = (
    spec.categoryId === null
      ? overallLeaderboard(profiles, slugOf)
      : categoryLeaderboard(profiles, spec.categoryId, slugOf)
  )
    .filter((e) => slugs.has(e.modelId))
    .map((e) => {
      const counts = profiles.get(e.modelId)!.counts;
      return {
        ...e,
        slug: slugOf(e.modelId),
        tenths: tenths(e.score),
        benchmarkCount: counts.benchmarks,
        categoryCount: counts.categories,
      };
    });
  const page = pageAfter(entries, spec.after, spec.first);
  return { rows: page.rows, hasNextPage: page.hasNextPage, totalCount: entries.length };
}

/** The category id a slug names, or a NOT_FOUND error naming it. */
export async function categoryArg(ctx: Context, slug: string | null | undefined): Promise<number | null> {
  if (slug == null) return null;
  const category = (await ctx.loaders.catalog()).categoryBySlug.get(slug);
  if (!category) throw notFound(`category: no category has the slug "${slug}"`, { argument: 'category' });
  return category.id;
}

builder.queryFields((t) => ({
  leaderboard: t.field({
    type: LeaderboardConnection,
    description:
      'Ranked models by overall score (or by category score when `category` is given), ties sharing a rank; cursors are stable across ties.',
    args: {
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
      category: t.arg.string({ description: 'A category slug: rank the models eligible in it by category score.' }),
      filter: t.arg({
        type: ModelFilter,
        description: 'Show only matching models (ranks stay those among all ranked models).',
      }),
      weights: t.arg({
        type: [CategoryWeightInput],
        description: "Category weights replacing the lane's for this query (overall leaderboard only).",
      }),
      first: t.arg.int({ defaultValue: 50, description: 'Page size, 0 to 100.' }),
      after: t.arg.string({ description: 'Return lines after this cursor.' }),
      asOf: t.arg({
        type: 'Date',
        description: 'The leaderboard as it stood at the end of this day, computed from the recorded score history.',
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = args.first ?? 50;
      if (first < 0 || first > 100) throw badInput(`first: must be between 0 and 100, got ${first}`, 'first');
      const after = args.after == null ? null : decodeRankCursor(args.after);
      if (args.after != null && !after) throw badInput('after: not a cursor of this leaderboard', 'after');
      const categoryId = await categoryArg(ctx, args.category);
      if (categoryId !== null && args.weights)
        throw badInput('weights: apply to the overall leaderboard only; omit them with a category', 'weights');
      const weights = await weightsArg(ctx, args.weights);
      const spec = {
        lane: args.lane ?? 'PROVISIONAL',
        categoryId,
        weights,
        filter: args.filter,
        first,
        after,
      } as const;
      const page = args.asOf
        ? await pastPage(ctx, { ...spec, day: args.asOf })
        : await leaderboardPage(ctx.db, { ...spec, day: ctx.today });
      const models = await modelRowsById(
        ctx,
        info,
        [['edges', 'node', 'model']],
        page.rows.map((r) => r.modelId),
      );
      return {
        totalCount: page.totalCount,
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after !== null,
        edges: page.rows.map((row) => ({
          cursor: encodeRankCursor(row),
          node: { row, model: models.get(row.modelId) },
        })),
      };
    },
  }),
}));
