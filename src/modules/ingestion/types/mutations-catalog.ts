import { builder } from '../../../schema/builder.js';
import { Benchmark } from '../../catalog/types/benchmark.js';
import { Category } from '../../catalog/types/category.js';
import { Family } from '../../catalog/types/family.js';
import { Provider } from '../../catalog/types/provider.js';
import { Model } from '../../models/types/model.js';
import { upsertBenchmark, upsertCategory, upsertFamily, upsertModel, upsertProvider } from '../service.js';
import { mutationErrors } from './mutation-errors.js';

const payload = <T>(name: string, field: string, ref: T, what: string) =>
  builder.objectRef<{ row: unknown; changed: boolean }>(name).implement({
    description: `The ${what} as stored after the upsert.`,
    fields: (t) => ({
      [field]: t.field({ type: ref as never, description: `The ${what}.`, resolve: (p) => p.row as never }),
      changed: t.exposeBoolean('changed', {
        description: 'False when the input matched what was stored: nothing was written and no history added.',
      }),
    }),
  });

const UpsertProviderPayload = payload('UpsertProviderPayload', 'provider', Provider, 'provider');
const UpsertFamilyPayload = payload('UpsertFamilyPayload', 'family', Family, 'family');
const UpsertCategoryPayload = payload('UpsertCategoryPayload', 'category', Category, 'category');
const UpsertBenchmarkPayload = payload('UpsertBenchmarkPayload', 'benchmark', Benchmark, 'benchmark');
const UpsertModelPayload = payload('UpsertModelPayload', 'model', Model, 'model');

const UpsertProviderInput = builder.inputType('UpsertProviderInput', {
  description: 'A provider, created or updated by slug.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Kebab-case key.' }),
    name: t.string({ required: true, description: 'Display name, stored byte for byte.' }),
    website: t.string({ description: 'An http(s) URL.' }),
  }),
});
const UpsertFamilyInput = builder.inputType('UpsertFamilyInput', {
  description: 'A model family, created or updated by slug.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Kebab-case key.' }),
    name: t.string({ required: true, description: 'Display name.' }),
    provider: t.string({ required: true, description: 'The provider slug.' }),
  }),
});
const UpsertCategoryInput = builder.inputType('UpsertCategoryInput', {
  description: 'A benchmark category, created or updated by slug.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Kebab-case key.' }),
    name: t.string({ required: true, description: 'Display name.' }),
    description: t.string({ required: true, description: 'What it measures.' }),
    weight: t.float({ required: true, description: 'Default weight in the overall score (≥ 0).' }),
  }),
});
const BenchmarkUnitInput = builder.enumType('BenchmarkUnitInput', {
  description: 'How a benchmark reports values.',
  values: {
    percent: { description: '0 to 100.' },
    elo: { description: 'An Elo-style rating.' },
    score: { description: 'A score on its own scale.' },
  },
});
const UpsertBenchmarkInput = builder.inputType('UpsertBenchmarkInput', {
  description: 'A benchmark, created or updated by slug.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Kebab-case key.' }),
    name: t.string({ required: true, description: 'Display name.' }),
    category: t.string({ required: true, description: 'The category slug.' }),
    unit: t.field({ type: BenchmarkUnitInput, required: true, description: 'Unit of its values.' }),
    higherIsBetter: t.boolean({ required: true, description: 'Whether higher is better.' }),
    scaleMin: t.float({ required: true, description: 'Lowest value of the scale.' }),
    scaleMax: t.float({ required: true, description: 'Highest value (greater than scaleMin; 100 for percent).' }),
    weight: t.float({ required: true, description: 'Weight in its category (0 = display-only).' }),
    url: t.string({ description: 'Where it is described (http(s) URL).' }),
  }),
});
const UpsertModelInput = builder.inputType('UpsertModelInput', {
  description:
    'A model with its current prices, created or updated by slug' + ' (the data/ format of a models.json entry).',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Kebab-case key.' }),
    name: t.string({ required: true, description: 'Display name.' }),
    provider: t.string({ required: true, description: 'The provider slug.' }),
    family: t.string({ required: true, description: "A family slug of the model's provider." }),
    releaseDate: t.string({ description: 'Release day, YYYY-MM-DD.' }),
    contextWindow: t.int({ required: true, description: 'Context window in tokens (> 0).' }),
    maxOutputTokens: t.int({ description: 'Most tokens per response.' }),
    inputPricePerMTok: t.float({ required: true, description: 'USD per million input tokens (≥ 0).' }),
    outputPricePerMTok: t.float({ required: true, description: 'USD per million output tokens (≥ 0).' }),
    cachedInputPricePerMTok: t.float({ description: 'USD per million cached input tokens (≥ 0).' }),
    outputTokensPerSecond: t.float({ description: 'Output speed (> 0).' }),
    timeToFirstTokenSeconds: t.float({ description: 'Seconds to first token (≥ 0).' }),
    openWeights: t.boolean({ required: true, description: 'Whether the weights are published.' }),
    parameters: t.float({ description: 'Parameters in billions.' }),
  }),
});

builder.mutationType({
  description:
    'Writes. Every mutation needs `Authorization: Bearer <key>` with the right scope ' +
    'and returns a payload or a typed error.',
});

builder.mutationFields((t) => ({
  upsertProvider: t.field({
    type: UpsertProviderPayload,
    description: 'Creates or updates a provider by slug (scope: write).',
    errors: mutationErrors('UpsertProvider'),
    args: { input: t.arg({ type: UpsertProviderInput, required: true, description: 'The provider.' }) },
    resolve: (_r, { input }, ctx) => upsertProvider(ctx, input),
  }),
  upsertFamily: t.field({
    type: UpsertFamilyPayload,
    description: 'Creates or updates a model family by slug (scope: write).',
    errors: mutationErrors('UpsertFamily'),
    args: { input: t.arg({ type: UpsertFamilyInput, required: true, description: 'The family.' }) },
    resolve: (_r, { input }, ctx) => upsertFamily(ctx, input),
  }),
  upsertCategory: t.field({
    type: UpsertCategoryPayload,
    description: 'Creates or updates a category by slug (scope: write).',
    errors: mutationErrors('UpsertCategory'),
    args: { input: t.arg({ type: UpsertCategoryInput, required: true, description: 'The category.' }) },
    resolve: (_r, { input }, ctx) => upsertCategory(ctx, input),
  }),
  upsertBenchmark: t.field({
    type: UpsertBenchmarkPayload,
    description: 'Creates or updates a benchmark by slug (scope: write); stored profiles are recomputed.',
    errors: mutationErrors('UpsertBenchmark'),
    args: { input: t.arg({ type: UpsertBenchmarkInput, required: true, description: 'The benchmark.' }) },
    resolve: (_r, { input }, ctx) => upsertBenchmark(ctx, input),
  }),
  upsertModel: t.field({
    type: UpsertModelPayload,
    description:
      'Creates or updates a model by slug (scope: write). ' +
      'A changed price is recorded from today on; use setModelPricing to date it.',
    errors: mutationErrors('UpsertModel'),
    args: { input: t.arg({ type: UpsertModelInput, required: true, description: 'The model.' }) },
    resolve: (_r, { input }, ctx) => upsertModel(ctx, input),
  }),
}));
