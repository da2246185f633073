import { categoryTopTwo, pricedStandings } from '../queries/leaderboard.js';
import { paretoFrontier } from '../../../domain/profile/frontier.js';
import { valueRanking } from '../../../domain/profile/value.js';
import { builder } from '../../../schema/builder.js';
import { modelRowsById } from '../../models/model-rows.js';
import { Lane } from '../../../schema/scalars.js';
import { Category } from '../../catalog/types/category.js';
import { LeaderboardEntry, categoryArg, type EntryShape } from './leaderboard.js';
import { ModelFilter } from '../../models/types/model-filter.js';
import { Model } from '../../models/types/model.js';

const CategoryLeaders = builder
  .objectRef<{ categoryId: number; leader: EntryShape | null; runnerUp: EntryShape | null }>('CategoryLeaders')
  .implement({
    description: 'The two best models eligible in a category: the first two lines of its leaderboard.',
    fields: (t) => ({
      category: t.field({
        type: Category,
        description: 'The category.',
        resolve: async (c, _a, ctx) => (await ctx.loaders.catalog()).categoryById.get(c.categoryId)!,
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

const ValueEntryRef = builder
  .objectRef<{ model: unknown; score: number; blended: number; value: number; rank: number }>('ValueEntry')
  .implement({
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

const FrontierPoint = builder.objectRef<{ model: unknown; cost: number; quality: number }>('FrontierPoint').implement({
  description:
    'A model on the price/quality frontier: no other model is both at least as cheap and at least as good, and better on one.',
  fields: (t) => ({
    model: t.field({ type: Model, description: 'The model.', resolve: (p) => p.model as never }),
    cost: t.exposeFloat('cost', { description: 'Its price in the chosen dimension, USD per million tokens.' }),
    quality: t.exposeFloat('quality', {
      description: 'Its overall score, or its category score for a category frontier.',
    }),
  }),
});

builder.queryFields((t) => ({
  categoryLeaders: t.field({
    type: [CategoryLeaders],
    description: 'For every category with an eligible model, its leader and runner-up across all eligible models.',
    args: { lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }) },
    resolve: async (_root, args, ctx, info) => {
      const top = await categoryTopTwo(ctx.db, args.lane ?? 'PROVISIONAL');
      const models = await modelRowsById(
        ctx,
        info,
        [
          ['leader', 'model'],
          ['runnerUp', 'model'],
        ],
        top.map((r) => r.modelId),
      );
      const byCategory = new Map<
        number,
        { categoryId: number; leader: EntryShape | null; runnerUp: EntryShape | null }
      >();
      for (const r of top) {
        const entry = byCategory.get(r.categoryId) ?? { categoryId: r.categoryId, leader: null, runnerUp: null };
        const shape: EntryShape = {
          row: {
            rank: r.rank,
            score: r.score,
            modelId: r.modelId,
            benchmarkCount: r.benchmarkCount,
            categoryCount: r.categoryCount,
          },
          model: models.get(r.modelId),
        };
        if (r.position === 1) entry.leader = shape;
        else entry.runnerUp = shape;
        byCategory.set(r.categoryId, entry);
      }
      const catalog = await ctx.loaders.catalog();
      return catalog.categories.filter((c) => byCategory.has(c.id)).map((c) => byCategory.get(c.id)!);
    },
  }),
  valueLeaderboard: t.field({
    type: [ValueEntryRef],
    description:
      'Ranked models by overall score per blended dollar, best value first (free models are left out: their value is undefined).',
    args: {
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
      filter: t.arg({ type: ModelFilter, description: 'Consider only matching models.' }),
      first: t.arg.int({ defaultValue: 50, description: 'How many lines, 0 to 100.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = Math.max(0, Math.min(100, args.first ?? 50));
      const rows = await pricedStandings(ctx.db, {
        lane: args.lane ?? 'PROVISIONAL',
        filter: args.filter,
        day: ctx.today,
      });
      const ranked = valueRanking(rows).slice(0, first);
      const models = await modelRowsById(
        ctx,
        info,
        [['model']],
        ranked.map((r) => r.modelId),
      );
      return ranked.map((r) => ({ ...r, model: models.get(r.modelId) }));
    },
  }),
  frontier: t.field({
    type: [FrontierPoint],
    description:
      'The Pareto frontier of quality against price among ranked (or category-eligible) models, cheapest first.',
    args: {
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
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
    resolve: async (_root, args, ctx, info) => {
      const categoryId = await categoryArg(ctx, args.quality);
      const rows = await pricedStandings(ctx.db, {
        lane: args.lane ?? 'PROVISIONAL',
        categoryId,
        filter: args.filter,
        day: ctx.today,
      });
      const dimension = args.cost === 'INPUT' ? 'input' : args.cost === 'OUTPUT' ? 'output' : 'blended';
      const points = paretoFrontier(
        rows.map((r) => ({ modelId: r.modelId, slug: r.slug, cost: r[dimension], quality: r.score })),
      );
      const models = await modelRowsById(
        ctx,
        info,
        [['model']],
        points.map((p) => p.modelId),
      );
      return points.map((p) => ({ model: models.get(p.modelId), cost: p.cost, quality: p.quality }));
    },
  }),
}));
