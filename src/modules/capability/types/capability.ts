import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { Benchmark } from '../../catalog/types/benchmark.js';
import { Model } from '../../models/types/model.js';
import {
  benchmarkDifficulty,
  benchmarkSlope,
  capabilityIndexOf,
  modelCapability,
  predictedScores,
  statisticallyTiedCount,
  type CapabilityIndexShape,
  type EstimateShape,
  type PredictedScoreShape,
} from '../service.js';

/** The lane argument of every capability field. */
const LANE_ARG = {
  type: Lane,
  defaultValue: 'PROVISIONAL',
  description: 'Which scores the fit is of.',
} as const;

/** The day argument of every capability field. */
const AS_OF_ARG = {
  type: 'Date',
  description:
    'Refit from the scores as they stood at the end of this day (computed on request, cached per past day) ' +
    'instead of reading the current fit.',
} as const;

/** One model's place on the capability index. */
export const CapabilityEstimate = builder.objectRef<EstimateShape>('CapabilityEstimate').implement({
  description:
    "A model's place on the capability index (METHODOLOGY.md §6), a second method beside the weighted overall " +
    'score: one ability θ fitted to all its scores at once, on a scale where the average model is near 0.',
  fields: (t) => ({
    value: t.float({
      description: 'The ability θ: higher is more capable. Differences matter, not the zero.',
      resolve: (e) => e.theta,
    }),
    low: t.float({ description: 'Lower end of the 95 % interval, θ − 1.96 se.', resolve: (e) => e.lower }),
    high: t.float({ description: 'Upper end of the 95 % interval, θ + 1.96 se.', resolve: (e) => e.upper }),
    se: t.float({
      description: 'Standard error of θ: how uncertain the fit is about it.',
      resolve: (e) => e.standardError,
    }),
    rank: t.int({
      nullable: true,
      description:
        '1 + the ranked models with a higher θ (to 2 decimals; ties share a rank); ' +
        'null when the model has fewer than 5 scores in the fit (tracked, not ranked).',
      resolve: (e) => e.rank,
    }),
    bestRank: t.int({
      nullable: true,
      description:
        "The best rank the uncertainty allows: 1 + the ranked models whose interval lies wholly above this one's.",
      resolve: (e) => e.bestRank,
    }),
    worstRank: t.int({
      nullable: true,
      description: "The worst rank it allows: the ranked models whose interval does not lie wholly below this one's.",
      resolve: (e) => e.worstRank,
    }),
    statisticallyTiedCount: t.int({
      nullable: true,
      description:
        'How many other ranked models are statistically tied with this one (intervals overlap); null when unranked.',
      resolve: (e) => statisticallyTiedCount(e),
    }),
    scoresUsed: t.exposeInt('scores', { description: "How many of the model's scores the fit used." }),
    fittedAt: t.string({
      description: 'When the fit ran (ISO 8601): a write refits in the background, so this may trail it by moments.',
      resolve: (e) => e.source.fittedAt.toISOString(),
    }),
    asOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day of the history the fit is of; null for the current fit.',
      resolve: (e) => e.source.asOf,
    }),
    methodologyVersion: t.string({
      description: 'The version of the rules (METHODOLOGY.md) the fit follows.',
      resolve: (e) => e.source.methodologyVersion,
    }),
  }),
});

/** A model's predicted score on a benchmark it has no score on. */
const PredictedScore = builder.objectRef<PredictedScoreShape>('PredictedScore').implement({
  description:
    'What the capability index predicts a model would score on a benchmark it has no score on: an estimate, ' +
    'never a published score, and never used by profiles, leaderboards or comparisons.',
  fields: (t) => ({
    benchmark: t.field({ type: Benchmark, description: 'The benchmark.', resolve: (p) => p.benchmark }),
    value: t.exposeFloat('value', {
      description: "The prediction on the benchmark's own scale (as a score's `value`).",
    }),
    normalized: t.exposeFloat('normalized', { description: 'The prediction on the 0–100 higher-is-better scale.' }),
    predicted: t.boolean({ description: 'Always true: this value is predicted, not published.', resolve: () => true }),
  }),
});

/** A lane's capability index as a whole. */
const CapabilityIndex = builder.objectRef<CapabilityIndexShape>('CapabilityIndex').implement({
  description:
    "What a lane's capability index (METHODOLOGY.md §6) is of. It is refitted in the background after every " +
    'write; until the first fit, every capability figure is null.',
  fields: (t) => ({
    lane: t.field({ type: Lane, description: 'The lane.', resolve: (i) => i.lane }),
    fittedAt: t.string({
      nullable: true,
      description: 'When the fit ran (ISO 8601); null until the first fit.',
      resolve: (i) => i.source?.fittedAt.toISOString() ?? null,
    }),
    asOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day of the history the fit is of; null for the current fit.',
      resolve: (i) => i.source?.asOf ?? null,
    }),
    scoresChangedAt: t.string({
      nullable: true,
      description: 'The latest score change (recorded, superseded, retracted) the current fit includes (ISO 8601).',
      resolve: (i) => i.source?.scoresChangedAt?.toISOString() ?? null,
    }),
    methodologyVersion: t.string({
      nullable: true,
      description: 'The version of the rules the fit follows; null until the first fit.',
      resolve: (i) => i.source?.methodologyVersion ?? null,
    }),
    models: t.int({ description: 'Models in the fit (0 without one).', resolve: (i) => i.source?.models ?? 0 }),
    rankedModels: t.int({
      description: 'Models with at least 5 scores in the fit, which are ranked.',
      resolve: (i) => i.source?.rankedModels ?? 0,
    }),
    benchmarks: t.int({ description: 'Benchmarks in the fit.', resolve: (i) => i.source?.benchmarks ?? 0 }),
    scoresUsed: t.int({ description: 'Scores the fit used.', resolve: (i) => i.source?.scoresUsed ?? 0 }),
    rounds: t.int({ nullable: true, description: 'Rounds the solver took.', resolve: (i) => i.source?.rounds ?? null }),
    converged: t.boolean({
      nullable: true,
      description: 'Whether the solver met its stopping rule before 500 rounds.',
      resolve: (i) => i.source?.converged ?? null,
    }),
  }),
});

builder.drizzleObjectFields(Model, (t) => ({
  capability: t.field({
    type: CapabilityEstimate,
    nullable: true,
    description:
      'The capability index (METHODOLOGY.md §6): θ, its interval, rank and rank bounds; null when the model is not ' +
      'in the fit (fewer than 3 scores on benchmarks with at least 3 scores) or the lane has no fit yet.',
    args: { lane: t.arg(LANE_ARG), asOf: t.arg(AS_OF_ARG) },
    resolve: (m, args, ctx) => modelCapability(ctx, m.id, args),
  }),
  predictedScores: t.field({
    type: [PredictedScore],
    description:
      'Predicted scores on the benchmarks of the fit this model has no score on in the lane, in catalog order; ' +
      'each marked predicted. Empty when the model is not in the fit.',
    args: { lane: t.arg(LANE_ARG), asOf: t.arg(AS_OF_ARG) },
    resolve: (m, args, ctx) => predictedScores(ctx, m.id, args),
  }),
}));

builder.objectFields(Benchmark, (t) => ({
  difficulty: t.float({
    nullable: true,
    description:
      'Fitted difficulty d (capability index, METHODOLOGY.md §6): the θ at which a model is predicted halfway up ' +
      "this benchmark's scale; null when the benchmark is not in the fit (fewer than 3 scores, or a composite).",
    args: { lane: t.arg(LANE_ARG), asOf: t.arg(AS_OF_ARG) },
    resolve: (b, args, ctx) => benchmarkDifficulty(ctx, b.id, args),
  }),
  slope: t.float({
    nullable: true,
    description:
      'Fitted slope a: how sharply the benchmark separates models around its difficulty (1 is typical); ' +
      'null when the benchmark is not in the fit.',
    args: { lane: t.arg(LANE_ARG), asOf: t.arg(AS_OF_ARG) },
    resolve: (b, args, ctx) => benchmarkSlope(ctx, b.id, args),
  }),
}));

builder.queryFields((t) => ({
  capabilityIndex: t.field({
    type: CapabilityIndex,
    description: "What a lane's capability index is of: when it was fitted, on which data, and its size.",
    args: { lane: t.arg(LANE_ARG), asOf: t.arg(AS_OF_ARG) },
    resolve: (_root, args, ctx) => capabilityIndexOf(ctx, args),
  }),
}));
