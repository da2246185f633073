import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { CapabilityEstimate } from '../../capability/types/capability.js';
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

/** How a leaderboard ranks models. */
const LeaderboardMethod = builder.enumType('LeaderboardMethod', {
  description: 'How a leaderboard ranks models: two methods side by side (METHODOLOGY.md §3 and §6).',
  values: {
    WEIGHTED: { description: 'By the weighted average of category scores (§3), the default.' },
    CAPABILITY: {
      description:
        'By the capability index (§6): one ability per model fitted to all its scores at once, robust to ' +
        'which benchmarks each vendor reports; models with at least 5 scores in the fit are ranked.',
    },
  },
});

/** One line of a leaderboard. */
export const LeaderboardEntry = builder.objectRef<EntryShape>('LeaderboardEntry').implement({
  description: 'A ranked model on a leaderboard.',
  fields: (t) => ({
    rank: t.int({
      description:
        '1 + the number of listed-or-not ranked models with a strictly higher score (ties share a rank); ' +
        'a filter hides rows but never changes ranks. With method CAPABILITY: the capability rank, ' +
        '1 + the ranked models with a higher θ (to 2 decimals).',
      resolve: (e) => e.row.rank,
    }),
    score: t.float({
      description:
        'Overall score (or the category score on a category leaderboard), 0–100. With method CAPABILITY: the ' +
        'capability index θ (not on a 0–100 scale; `capability` has its interval).',
      resolve: (e) => e.row.score,
    }),
    confidence: t.field({
      type: Confidence,
      description:
        "How much evidence stands behind the model's (weighted, §3) profile, whichever the method; with method " +
        "CAPABILITY, the interval's width says how sure the index is.",
      resolve: (e) => entryConfidence(e),
    }),
    model: t.field({ type: Model, description: 'The model.', resolve: (e) => e.model as never }),
    capability: t.field({
      type: CapabilityEstimate,
      nullable: true,
      description:
        "With method CAPABILITY, the line's estimate: θ, interval, rank bounds and how many are statistically " +
        'tied with it; null with method WEIGHTED (ask `model { capability }` there).',
      resolve: (e) => e.capability ?? null,
    }),
    statisticallyTiedWith: t.field({
      type: [Model],
      nullable: true,
      description:
        'With method CAPABILITY, the first 10 ranked models statistically tied with this one (their 95 % ' +
        'intervals overlap), in leaderboard order; `capability.statisticallyTiedCount` counts them all. ' +
        'Null with method WEIGHTED.',
      resolve: (e) => (e.tied ?? null) as never,
    }),
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
      'cursors are stable across ties. With method CAPABILITY: the ranked models of the capability index by θ, ' +
      'ties (equal to 2 decimals) sharing a rank and listed by slug; its cursors are its own.',
    args: {
      method: t.arg({
        type: LeaderboardMethod,
        defaultValue: 'WEIGHTED',
        description: 'How to rank; CAPABILITY takes no `category` or `weights`.',
      }),
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
