import type { Context } from '../../context.js';
import { leaderboardPage, type StandingRow } from '../../db/queries/leaderboard.js';
import { confidenceOf } from '../../resolvers/profile/confidence.js';
import { decodeRankCursor, encodeRankCursor } from '../../resolvers/profile/cursor.js';
import { builder } from '../builder.js';
import { modelRowsById } from '../model-rows.js';
import { badInput, notFound } from '../errors.js';
import { Lane } from '../scalars.js';
import { ModelFilter } from './model-filter.js';
import { Model } from './model.js';
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
    rank: t.int({ description: '1 + the number of listed-or-not ranked models with a strictly higher score (ties share a rank); a filter hides rows but never changes ranks.', resolve: (e) => e.row.rank }),
    score: t.float({ description: 'Overall score (or the category score on a category leaderboard), 0–100.', resolve: (e) => e.row.score }),
    confidence: t.field({ type: Confidence, description: "How much evidence stands behind the model's profile.", resolve: (e) => confidenceOf(e.row.categoryCount, e.row.benchmarkCount) }),
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
  .objectRef<{ edges: { cursor: string; node: EntryShape }[]; totalCount: number; hasNextPage: boolean; hasPreviousPage: boolean }>('LeaderboardConnection')
  .implement({
    description: 'A page of a leaderboard, by score then slug.',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'How many models the leaderboard lists with this filter, across all pages.' }),
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
      description: 'Ranked models by overall score (or by category score when `category` is given), ties sharing a rank; cursors are stable across ties.',
      args: {
        lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
        category: t.arg.string({ description: 'A category slug: rank the models eligible in it by category score.' }),
        filter: t.arg({ type: ModelFilter, description: 'Show only matching models (ranks stay those among all ranked models).' }),
        weights: t.arg({ type: [CategoryWeightInput], description: "Category weights replacing the lane's for this query (overall leaderboard only)." }),
        first: t.arg.int({ defaultValue: 50, description: 'Page size, 0 to 100.' }),
        after: t.arg.string({ description: 'Return lines after this cursor.' }),
      },
      resolve: async (_root, args, ctx, info) => {
        const first = args.first ?? 50;
        if (first < 0 || first > 100) throw badInput(`first: must be between 0 and 100, got ${first}`, 'first');
        const after = args.after == null ? null : decodeRankCursor(args.after);
        if (args.after != null && !after) throw badInput('after: not a cursor of this leaderboard', 'after');
        const categoryId = await categoryArg(ctx, args.category);
        if (categoryId !== null && args.weights) throw badInput('weights: apply to the overall leaderboard only; omit them with a category', 'weights');
        const weights = await weightsArg(ctx, args.weights);
        const page = await leaderboardPage(ctx.db, { lane: args.lane ?? 'PROVISIONAL', categoryId, weights, filter: args.filter, day: ctx.today, first, after });
        const models = await modelRowsById(ctx, info, [['edges', 'node', 'model']], page.rows.map((r) => r.modelId));
        return {
          totalCount: page.totalCount,
          hasNextPage: page.hasNextPage,
          hasPreviousPage: after !== null,
          edges: page.rows.map((row) => ({ cursor: encodeRankCursor(row), node: { row, model: models.get(row.modelId) } })),
        };
      },
    }),
}));
