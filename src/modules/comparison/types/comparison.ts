import { GraphQLError } from 'graphql';
import type { CatalogIndex } from '../../catalog/service.js';
import { toModelFacts, type ModelWithPrice } from '../model-facts.js';
import { comparePrices } from '../../../domain/comparison/prices.js';
import { compareContext } from '../../../domain/comparison/context.js';
import { compareLatency } from '../../../domain/comparison/latency.js';
import { relationship } from '../../../domain/comparison/relationship.js';
import {
  checkComparedSlugs,
  ComparisonInputError,
  openSession,
  orderBySlugs,
  type ComparisonSession,
} from '../../../domain/comparison/session.js';
import { compareSpeed } from '../../../domain/comparison/speed.js';
import { compareWorkload } from '../../../domain/comparison/workload.js';
import { methodologyVersionName } from '../../../domain/scoring/methodology.js';
import { builder } from '../../../schema/builder.js';
import { modelRowsAt } from '../../models/model-rows.js';
import { badInput } from '../../../schema/errors.js';
import { Lane } from '../../../schema/scalars.js';
import {
  ContextComparisonRef,
  LatencyComparisonRef,
  PriceComparisonRef,
  SpeedComparisonRef,
  VerdictRef,
  WorkloadCostRef,
} from './comparison-figures.js';
import {
  BenchmarkSpreadRef,
  CategoryComparisonRef,
  CoverageRef,
  OverallStandingRef,
  type ComparedRow,
  type Lookup,
} from './comparison-scores.js';
import { Model } from '../../models/types/model.js';

type Session = ComparisonSession<ModelWithPrice, CatalogIndex>;

const Relationship = builder.enumType('Relationship', {
  description: 'How the compared models are related.',
  values: {
    SIBLINGS: { description: 'All in one family.' },
    SAME_PROVIDER: { description: 'All from one provider, not all in one family.' },
    CROSS_PROVIDER: { description: 'From more than one provider.' },
  },
});

const Margin = builder.enumType('Margin', {
  description: 'How far apart the two best ranked compared models are overall.',
  values: {
    TIE: { description: 'Equal to one decimal place.' },
    NARROW: { description: 'Less than 3 points apart.' },
    CLEAR: { description: '3 to less than 10 points apart.' },
    DECISIVE: { description: '10 points or more apart.' },
  },
});

function missingRow(kind: string, id: number): never {
  throw new Error(`comparison refers to unknown ${kind} ${id}`);
}

/** Id lookups over the compared models only: enough for the figures that need no scores. */
function figuresLookup(s: Session): Lookup {
  return {
    model: (id) => (s.rowById.get(id) as ComparedRow | undefined) ?? missingRow('model', id),
    benchmark: (id) => missingRow('benchmark', id),
    category: (id) => missingRow('category', id),
  };
}

/** Loads the scores (once per request) and returns the comparison with full id lookups. */
async function scored(s: Session) {
  const { view, result } = await s.scored();
  const { benchmarkById, categoryById } = view.catalog;
  const lookup: Lookup = {
    ...figuresLookup(s),
    benchmark: (id) => benchmarkById.get(id) ?? missingRow('benchmark', id),
    category: (id) => categoryById.get(id) ?? missingRow('category', id),
  };
  return { result, lookup };
}

const Comparison = builder.objectRef<Session>('Comparison').implement({
  description:
    'A head-to-head or N-way comparison of 2 to 10 models (METHODOLOGY.md §4). Each part is computed only when selected.',
  fields: (t) => ({
    lane: t.field({ type: Lane, description: 'The lane the scores were taken from.', resolve: (s) => s.lane }),
    methodologyVersion: t.string({
      description:
        "The version of the methodology that produced the numbers: the rules' date, then how many times weights or thresholds were updated.",
      resolve: async (_s, _a, ctx) => methodologyVersionName((await ctx.loaders.catalog()).methodology.version),
    }),
    models: t.field({
      type: [Model],
      description: 'The compared models, in the order asked for.',
      resolve: (s) => s.rows,
    }),
    relationship: t.field({
      type: Relationship,
      description: 'Siblings in one family, one provider, or several providers.',
      resolve: (s) => relationship(s.facts),
    }),
    categoriesCompared: t.int({
      description: 'How many categories have at least one common benchmark.',
      resolve: async (s) => (await s.scored()).result.categoriesCompared,
    }),
    categories: t.field({
      type: [CategoryComparisonRef],
      description:
        'Each compared category, with averages over the common benchmarks, leader, difference and decisive benchmark.',
      resolve: async (s) => {
        const { result, lookup } = await scored(s);
        return result.categories.map((c) => ({ ...c, lookup }));
      },
    }),
    biggestSwing: t.field({
      type: BenchmarkSpreadRef,
      nullable: true,
      description:
        'The common benchmark with the largest spread across all categories; null without common benchmarks.',
      resolve: async (s) => {
        const { result, lookup } = await scored(s);
        return result.biggestSwing && { ...result.biggestSwing, lookup };
      },
    }),
    coverage: t.field({
      type: [CoverageRef],
      description: 'Per model, the benchmarks the comparison left out because this model has no score on them.',
      resolve: async (s) => {
        const { result, lookup } = await scored(s);
        return result.coverage.map((c) => ({ ...c, lookup }));
      },
    }),
    overall: t.field({
      type: [OverallStandingRef],
      description: "Each model's own overall score and rank, in request order.",
      resolve: async (s) => {
        const { result, lookup } = await scored(s);
        return result.overall.standings.map((o) => ({ ...o, lookup }));
      },
    }),
    overallMargin: t.field({
      type: Margin,
      nullable: true,
      description: 'The overall gap between the two best ranked compared models; null with fewer than two ranked.',
      resolve: async (s) => (await s.scored()).result.overall.margin?.level ?? null,
    }),
    overallDifference: t.float({
      nullable: true,
      description: 'That gap in points; null with fewer than two ranked models.',
      resolve: async (s) => (await s.scored()).result.overall.margin?.difference ?? null,
    }),
    prices: t.field({
      type: PriceComparisonRef,
      description: 'Prices side by side.',
      resolve: (s) => ({ ...comparePrices(s.facts), lookup: figuresLookup(s) }),
    }),
    speed: t.field({
      type: SpeedComparisonRef,
      description: 'Output speed side by side.',
      resolve: (s) => ({ ...compareSpeed(s.facts), lookup: figuresLookup(s) }),
    }),
    latency: t.field({
      type: LatencyComparisonRef,
      description: 'Time to first token side by side.',
      resolve: (s) => ({ ...compareLatency(s.facts), lookup: figuresLookup(s) }),
    }),
    context: t.field({
      type: ContextComparisonRef,
      description: 'Context windows side by side.',
      resolve: (s) => ({ ...compareContext(s.facts), lookup: figuresLookup(s) }),
    }),
    verdict: t.field({
      type: VerdictRef,
      description: 'Who wins each category, cost, speed, latency and context, and a one-sentence summary.',
      resolve: async (s) => {
        const { result, lookup } = await scored(s);
        return { ...result.verdict, lookup };
      },
    }),
    workloadCost: t.field({
      type: [WorkloadCostRef],
      description:
        'What a token mix costs on each model: (input × input price + cached × cached price, or input price without one, + output × output price) / 1e6.',
      args: {
        inputTokens: t.arg.float({ required: true, description: 'Uncached input tokens.' }),
        outputTokens: t.arg.float({ required: true, description: 'Output tokens.' }),
        cachedInputTokens: t.arg.float({ defaultValue: 0, description: 'Cached input tokens.' }),
      },
      resolve: (s, args) => {
        const workload = {
          inputTokens: args.inputTokens,
          outputTokens: args.outputTokens,
          cachedInputTokens: args.cachedInputTokens ?? 0,
        };
        for (const [name, tokens] of Object.entries(workload)) {
          if (!Number.isFinite(tokens) || tokens < 0)
            throw badInput(`${name} must be a number of tokens ≥ 0, got ${tokens}`, name);
        }
        const lookup = figuresLookup(s);
        return compareWorkload(s.facts, workload).models.map((w) => ({ ...w, lookup }));
      },
    }),
  }),
});

/** Everywhere a Comparison answer holds a Model, so one planned query serves every selection of it. */
const MODEL_PATHS = [
  ['models'],
  ['overall', 'model'],
  ['categories', 'leader'],
  ['categories', 'averages', 'model'],
  ['categories', 'decisiveBenchmark', 'values', 'model'],
  ['biggestSwing', 'values', 'model'],
  ['coverage', 'model'],
  ['prices', 'cheapest'],
  ['prices', 'models', 'model'],
  ['speed', 'fastest'],
  ['latency', 'fastest'],
  ['context', 'largest'],
  ['verdict', 'entries', 'winner'],
  ['workloadCost', 'model'],
];

builder.queryFields((t) => ({
  comparison: t.field({
    type: Comparison,
    nullable: true,
    description:
      'Compares 2 to 10 models. Unknown slugs are a NOT_FOUND error naming them; fewer than 2, more than 10 or a repeated slug is BAD_USER_INPUT.',
    args: {
      models: t.arg.stringList({
        required: true,
        description: 'Slugs of the models to compare, 2 to 10, in display order.',
      }),
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
      asOf: t.arg({
        type: 'Date',
        description:
          'Compare the models as they stood at the end of this day: prices, scores and ranks from the recorded history.',
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      try {
        checkComparedSlugs(args.models);
        const rows = await modelRowsAt(ctx, info, MODEL_PATHS, { slug: { in: args.models } }, args.asOf ?? ctx.today);
        return openSession(args.lane ?? 'PROVISIONAL', orderBySlugs(args.models, rows), toModelFacts, (lane, ids) =>
          ctx.loaders.comparisonInputs(lane, ids, args.asOf),
        );
      } catch (error) {
        if (error instanceof ComparisonInputError) {
          throw new GraphQLError(error.message, {
            extensions: { code: error.code, argument: 'models', ...(error.slugs.length ? { slugs: error.slugs } : {}) },
          });
        }
        throw error;
      }
    },
  }),
}));
