import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { countModels, findModel, listModels, loadModel, modelScores, priceAsOf } from '../service.js';
import { ModelFilter, ModelOrder } from './model-filter.js';
import { Pricing } from './pricing.js';
import { Score } from './score.js';

/** A large language model. */
export const Model = builder.drizzleNode('models', {
  name: 'Model',
  description: 'A large language model with its prices, speed, context window and benchmark scores.',
  id: { column: (m) => m.id, description: 'Opaque global ID.' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case key, e.g. "gpt-4-1".' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "GPT-4.1".' }),
    provider: t.relation('provider', { description: 'Who makes the model.' }),
    family: t.relation('family', { nullable: true, description: 'The family of sibling models, if any.' }),
    releaseDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Public release day; null when unknown.',
      resolve: (m) => m.releaseDate,
    }),
    openWeights: t.exposeBoolean('openWeights', { description: 'Whether the weights are published.' }),
    contextWindow: t.exposeInt('contextWindow', { description: 'Context window in tokens.' }),
    maxOutputTokens: t.exposeInt('maxOutputTokens', {
      nullable: true,
      description: 'Most tokens one response can have; null when unknown.',
    }),
    parametersBillions: t.exposeFloat('parametersBillions', {
      nullable: true,
      description: 'Parameter count in billions; null when undisclosed.',
    }),
    outputTokensPerSecond: t.exposeFloat('outputTokensPerSecond', {
      nullable: true,
      description: 'Output speed in tokens per second; null when not measured.',
    }),
    timeToFirstTokenSeconds: t.exposeFloat('timeToFirstTokenSeconds', {
      nullable: true,
      description: 'Seconds until the first token arrives; null when not measured.',
    }),
  }),
});

// Prices and scores: the fields that take arguments, after the plain ones.
builder.drizzleObjectFields(Model, (t) => ({
  pricing: t.field({
    type: Pricing,
    nullable: true,
    description:
      'Prices in effect today (or on `asOf`): the latest recorded price effective on or before that day; ' +
      'null when none is in effect yet.',
    args: { asOf: t.arg({ type: 'Date', description: 'Read the price in effect on this day instead of today.' }) },
    select: (args, ctx) => ({ with: { prices: priceAsOf(args.asOf ?? ctx.today) } }),
    resolve: (m) => m.prices[0] ?? null,
  }),
  scores: t.field({
    type: [Score],
    description:
      'The scores that count in the lane: one per benchmark, chosen as METHODOLOGY.md §2 says; ' +
      'with `all`, every score the lane admits.',
    args: {
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
      all: t.arg.boolean({
        defaultValue: false,
        description: 'Return every current score in the lane, not just the effective one per benchmark.',
      }),
      asOf: t.arg({
        type: 'Date',
        description:
          'The scores as they stood at the end of this day: recorded by then, not yet superseded or retracted.',
      }),
    },
    resolve: (m, args, ctx) => modelScores(ctx, m.id, args),
  }),
}));

builder.objectField(Score, 'model', (t) =>
  t.field({
    type: Model,
    description: 'The model this value is of.',
    resolve: (score, _args, ctx) => loadModel(ctx, score.modelId),
  }),
);

builder.queryFields((t) => ({
  model: t.drizzleField({
    type: 'models',
    nullable: true,
    description: 'One model by slug; null when no model has it.',
    args: { slug: t.arg.string({ required: true, description: 'The model slug, e.g. "gpt-4-1".' }) },
    resolve: (query, _root, args, ctx) => findModel(ctx, query, args.slug),
  }),
  models: t.drizzleConnection(
    {
      type: 'models',
      description: 'Models matching a filter, paginated (at most 100 a page).',
      args: {
        filter: t.arg({ type: ModelFilter, description: 'Conditions every returned model meets.' }),
        orderBy: t.arg({ type: ModelOrder, description: 'Sort order; by slug when omitted.' }),
      },
      totalCount: (_root, args, ctx) => countModels(ctx, args.filter),
      resolve: (query, _root, args, ctx) => listModels(ctx, query, args),
    },
    {
      name: 'ModelConnection',
      description: 'A page of models.',
      // Replaces the plugin's bare totalCount field only to describe it; it resolves the same way.
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many models match the filter, across all pages.',
          extensions: { pothosDrizzleTotalCount: true },
          resolve: (parent) => (parent as { totalCount?: () => number }).totalCount?.() ?? 0,
        }),
      }),
    },
    { name: 'ModelEdge', description: 'One model in a page, with its cursor.' },
  ),
}));
