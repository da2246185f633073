import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { ModelFilter } from '../../models/types/model-filter.js';
import { Model } from '../../models/types/model.js';
import {
  entryConfidence,
  leaderboard,
  leaderboardPageInfo,
  type EdgeShape,
  type EntryShape,
  type LeaderboardShape,
} from '../service.js';
import { CategoryWeightInput, Confidence } from './profile.js';

/** One line of a leaderboard. */
export const LeaderboardEntry = builder.objectRef<EntryShape>('LeaderboardEntry').implement({
  description: 'A ranked model on a leaderboard.',
  fields: (t) => ({
    rank: t.int({
      description:
        '1 + the number of listed-or-not ranked models with a strictly higher score (ties share a rank); ' +
        'a filter hides rows but never changes ranks.',
      resolve: (e) => e.row.rank,
    }),
    score: t.float({
      description: 'Overall score (or the category score on a category leaderboard), 0–100.',
      resolve: (e) => e.row.score,
    }),
    confidence: t.field({
      type: Confidence,
      description: "How much evidence stands behind the model's profile.",
      resolve: (e) => entryConfidence(e),
    }),
    model: t.field({ type: Model, description: 'The model.', resolve: (e) => e.model as never }),
  }),
});

const LeaderboardEdge = builder.objectRef<EdgeShape>('LeaderboardEdge').implement({
  description: 'A leaderboard line with its cursor.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque position of this line, for `after`.' }),
    node: t.field({ type: LeaderboardEntry, description: 'The line.', resolve: (e) => e.node }),
  }),
});

const LeaderboardConnection = builder.objectRef<LeaderboardShape>('LeaderboardConnection').implement({
  description: 'A page of a leaderboard, by score then slug.',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', {
      description: 'How many models the leaderboard lists with this filter, across all pages.',
    }),
    edges: t.field({ type: [LeaderboardEdge], description: 'The lines of this page.', resolve: (c) => c.edges }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Where this page sits.',
      resolve: (c) => leaderboardPageInfo(c),
    }),
  }),
});

builder.queryFields((t) => ({
  leaderboard: t.field({
    type: LeaderboardConnection,
    description:
      'Ranked models by overall score (or by category score when `category` is given), ties sharing a rank; ' +
      'cursors are stable across ties.',
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
    resolve: (_root, args, ctx, info) => leaderboard(ctx, info, args),
  }),
}));
