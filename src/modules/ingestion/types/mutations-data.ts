import { methodologyVersionName } from '../../../domain/scoring/methodology.js';
import { builder } from '../../../schema/builder.js';
import { Provenance } from '../../../schema/scalars.js';
import { Model } from '../../models/types/model.js';
import { mutationErrors } from './mutation-errors.js';
import { CategoryWeightInput } from '../../leaderboard/types/profile.js';
import { MAX_SCORES_PER_BATCH, recordScores, retractScore, setModelPricing, updateMethodology } from '../service.js';

const ScoreInput = builder.inputType('ScoreInput', {
  description: 'One published value of a model on a benchmark.',
  fields: (t) => ({
    model: t.string({ required: true, description: 'The model slug.' }),
    benchmark: t.string({ required: true, description: 'The benchmark slug.' }),
    value: t.float({ required: true, description: "The value, inside the benchmark's scale." }),
    source: t.string({ required: true, description: 'URL of the page it was published on (http(s)).' }),
    provenance: t.field({
      type: Provenance,
      required: true,
      description: 'INDEPENDENT (third party) or SELF_REPORTED (vendor).',
    }),
    measuredOn: t.string({ description: 'When it was measured, YYYY-MM-DD.' }),
  }),
});

const RecordScoresInput = builder.inputType('RecordScoresInput', {
  description: `A batch of up to ${MAX_SCORES_PER_BATCH} scores, written all or nothing.`,
  fields: (t) => ({ scores: t.field({ type: [ScoreInput], required: true, description: 'The scores.' }) }),
});

const RecordScoresPayload = builder
  .objectRef<{ created: number; updated: number; unchanged: number; changed: boolean }>('RecordScoresPayload')
  .implement({
    description:
      'What a batch of scores did. A changed value is recorded as a new score; the old one stays as history.',
    fields: (t) => ({
      created: t.exposeInt('created', { description: 'New scores.' }),
      updated: t.exposeInt('updated', {
        description: 'Scores whose value changed (the previous value kept as history).',
      }),
      unchanged: t.exposeInt('unchanged', { description: 'Scores already recorded with the same value.' }),
      changed: t.exposeBoolean('changed', { description: 'Whether anything was written.' }),
    }),
  });

const SetModelPricingInput = builder.inputType('SetModelPricingInput', {
  description: "A model's prices from a day on; earlier days keep their earlier price.",
  fields: (t) => ({
    model: t.string({ required: true, description: 'The model slug.' }),
    input: t.float({ required: true, description: 'USD per million input tokens (≥ 0).' }),
    output: t.float({ required: true, description: 'USD per million output tokens (≥ 0).' }),
    cachedInput: t.float({ description: 'USD per million cached input tokens (≥ 0); none when omitted.' }),
    effectiveFrom: t.string({ required: true, description: 'The day the price takes effect, YYYY-MM-DD.' }),
  }),
});

const ModelChangePayload = builder.objectRef<{ row: unknown; changed: boolean }>('SetModelPricingPayload').implement({
  description: 'The model after its price change.',
  fields: (t) => ({
    model: t.field({
      type: Model,
      description: 'The model (its `pricing` is as of today; pass `asOf` for another day).',
      resolve: (p) => p.row as never,
    }),
    changed: t.exposeBoolean('changed', { description: 'False when that price was already recorded for that day.' }),
  }),
});

const RetractScoreInput = builder.inputType('RetractScoreInput', {
  description: 'A score to stop counting, with why.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The score id (Score.id).' }),
    reason: t.string({ required: true, description: 'Why it is retracted (kept with the score).' }),
  }),
});

const ChangedPayload = builder.objectRef<{ changed: boolean }>('RetractScorePayload').implement({
  description: 'Whether the score was retracted now (false when it already was).',
  fields: (t) => ({ changed: t.exposeBoolean('changed', { description: 'Whether anything was written.' }) }),
});

const UpdateMethodologyInput = builder.inputType('UpdateMethodologyInput', {
  description: 'New ranking thresholds and category weights; what is left out stays as it is.',
  fields: (t) => ({
    categoryWeights: t.field({
      type: [CategoryWeightInput],
      description: 'The weight of every category in the overall score (a category left out weighs 0).',
    }),
    minBenchmarks: t.int({ description: 'Weighted benchmarks with a score needed to be ranked.' }),
    minCategories: t.int({ description: 'Categories with a score needed to be ranked.' }),
    note: t.string({ description: 'Why the methodology changed.' }),
  }),
});

const MethodologyPayload = builder
  .objectRef<{ version: number; changed: boolean }>('UpdateMethodologyPayload')
  .implement({
    description: 'The methodology in force after the update.',
    fields: (t) => ({
      methodologyVersion: t.string({
        description: 'Its version name, as comparisons report it.',
        resolve: (p) => methodologyVersionName(p.version),
      }),
      changed: t.exposeBoolean('changed', { description: 'False when the input matched the methodology in force.' }),
    }),
  });

builder.mutationFields((t) => ({
  recordScores: t.field({
    type: RecordScoresPayload,
    description:
      `Records up to ${MAX_SCORES_PER_BATCH} scores atomically (scope: write): one bad entry refuses the batch, ` +
      'and the error names every bad entry by index and field.',
    errors: mutationErrors('RecordScores'),
    args: { input: t.arg({ type: RecordScoresInput, required: true, description: 'The batch.' }) },
    resolve: (_r, { input }, ctx) => recordScores(ctx, input.scores),
  }),
  setModelPricing: t.field({
    type: ModelChangePayload,
    description: "Records a model's prices from a day on (scope: write); history is kept and `asOf` reads it.",
    errors: mutationErrors('SetModelPricing'),
    args: { input: t.arg({ type: SetModelPricingInput, required: true, description: 'The prices.' }) },
    resolve: (_r, { input }, ctx) => setModelPricing(ctx, input),
  }),
  retractScore: t.field({
    type: ChangedPayload,
    description: 'Retracts a score with a reason (scope: write): kept on record, no longer counted.',
    errors: mutationErrors('RetractScore'),
    args: { input: t.arg({ type: RetractScoreInput, required: true, description: 'The score and the reason.' }) },
    resolve: (_r, { input }, ctx) => retractScore(ctx, input),
  }),
  updateMethodology: t.field({
    type: MethodologyPayload,
    description:
      'Updates category weights and ranking thresholds (scope: admin); ' +
      'bumps methodologyVersion and recomputes every profile.',
    errors: mutationErrors('UpdateMethodology'),
    args: { input: t.arg({ type: UpdateMethodologyInput, required: true, description: 'The new rules.' }) },
    resolve: (_r, { input }, ctx) => updateMethodology(ctx, input),
  }),
}));
