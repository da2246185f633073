import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { Category } from '../../catalog/types/category.js';
import { ModelFilter } from '../../models/types/model-filter.js';
import { Model } from '../../models/types/model.js';
import {
  categoryLeaders,
  categoryOf,
  frontier,
  valueLeaderboard,
  type CategoryLeadersShape,
  type FrontierPointShape,
  type ValueEntryShape,
} from '../service.js';
import { LeaderboardEntry } from './leaderboard.js';

const CategoryLeaders = builder.objectRef<CategoryLeadersShape>('CategoryLeaders').implement({
  description: 'The two best models eligible in a category: the first two lines of its leaderboard.',
  fields: (t) => ({
    category: t.field({
      type: Category,
      description: 'The category.',
      resolve: (c, _a, ctx) => categoryOf(ctx, c.categoryId),
    }),
    leader: t.field({
      type: LeaderboardEntry,
      nullable: true,
      description: 'The first line; null when no model is eligible.',
      resolve: (c) => c.leader,
    }),
    runnerUp: t.field({
      type: LeaderboardEntry,
      nullable: true,
      description: 'The second line; null with fewer than two eligible models.',
      resolve: (c) => c.runnerUp,
    }),
  }),
});

const ValueEntryRef = builder.objectRef<ValueEntryShape>('ValueEntry').implement({
  description: 'A ranked model by overall points per blended dollar.',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Rank by value (equal values share a rank).' }),
    model: t.field({ type: Model, description: 'The model.', resolve: (e) => e.model as never }),
    overall: t.float({ description: 'Overall score.', resolve: (e) => e.score }),
    blendedPrice: t.float({ description: 'Blended price, USD per million tokens.', resolve: (e) => e.blended }),
    scorePerDollar: t.float({ description: 'Overall score divided by the blended price.', resolve: (e) => e.value }),
  }),
});

const CostDimension = builder.enumType('CostDimension', {
  description: 'Which price the frontier weighs quality against.',
  values: {
    BLENDED: { description: 'Blended price, (3 × input + output) / 4.' },
    INPUT: { description: 'Input price.' },
    OUTPUT: { description: 'Output price.' },
  },
});

const FrontierPoint = builder.objectRef<FrontierPointShape>('FrontierPoint').implement({
  description:
    'A model on the price/quality frontier: ' +
    'no other model is both at least as cheap and at least as good, and better on one.',
  fields: (t) => ({
    model: t.field({ type: Model, description: 'The model.', resolve: (p) => p.model as never }),
    cost: t.exposeFloat('cost', { description: 'Its price in the chosen dimension, USD per million tokens.' }),
    quality: t.exposeFloat('quality', {
      description: 'Its overall score, or its category score for a category frontier.',
    }),
  }),
});

const laneArg = { type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' } as const;

builder.queryFields((t) => ({
  categoryLeaders: t.field({
    type: [CategoryLeaders],
    description: 'For every category with an eligible model, its leader and runner-up across all eligible models.',
    args: { lane: t.arg(laneArg) },
    resolve: (_root, args, ctx, info) => categoryLeaders(ctx, info, args.lane),
  }),
}));

builder.queryFields((t) => ({
  valueLeaderboard: t.field({
    type: [ValueEntryRef],
    description:
      'Ranked models by overall score per blended dollar, best value first ' +
      '(free models are left out: their value is undefined).',
    args: {
      lane: t.arg(laneArg),
      filter: t.arg({ type: ModelFilter, description: 'Consider only matching models.' }),
      first: t.arg.int({ defaultValue: 50, description: 'How many lines, 0 to 100.' }),
    },
    resolve: (_root, args, ctx, info) => valueLeaderboard(ctx, info, args),
  }),
}));

builder.queryFields((t) => ({
  frontier: t.field({
    type: [FrontierPoint],
    description:
      'The Pareto frontier of quality against price among ranked (or category-eligible) models, cheapest first.',
    args: {
      lane: t.arg(laneArg),
      cost: t.arg({
        type: CostDimension,
        defaultValue: 'BLENDED',
        description: 'Which price to weigh against quality.',
      }),
      quality: t.arg.string({
        description: 'A category slug to use its category score as quality; the overall score when omitted.',
      }),
      filter: t.arg({ type: ModelFilter, description: 'Consider only matching models.' }),
    },
    resolve: (_root, args, ctx, info) => frontier(ctx, info, args),
  }),
}));
