import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { Model } from '../../models/types/model.js';
import {
  biggestSwing,
  categoriesCompared,
  comparedCategories,
  comparedContext,
  comparedCoverage,
  comparedLatency,
  comparedPrices,
  comparedRelationship,
  comparedSpeed,
  comparisonVerdict,
  methodologyVersion,
  openComparison,
  overallDifference,
  overallMargin,
  overallStandings,
  workloadCosts,
  type ComparisonSource,
} from '../service.js';
import {
  ContextComparisonRef,
  LatencyComparisonRef,
  PriceComparisonRef,
  SpeedComparisonRef,
  VerdictRef,
  WorkloadCostRef,
} from './comparison-figures.js';
import { BenchmarkSpreadRef, CategoryComparisonRef, CoverageRef, OverallStandingRef } from './comparison-scores.js';
import { capabilitySection } from '../capability.js';
import { ComparisonCapabilityRef } from './comparison-capability.js';

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

// The fields come in three blocks (what was compared, the score-based parts, the figures), in
// the order the schema has always listed them.
const Comparison = builder.objectRef<ComparisonSource>('Comparison').implement({
  description:
    'A head-to-head or N-way comparison of 2 to 10 models (METHODOLOGY.md §4). ' +
    'Each part is computed only when selected.',
  fields: (t) => ({
    lane: t.field({ type: Lane, description: 'The lane the scores were taken from.', resolve: (s) => s.lane }),
    methodologyVersion: t.string({
      description:
        "The version of the methodology that produced the numbers: the rules' date, " +
        'then how many times weights or thresholds were updated.',
      resolve: (_s, _a, ctx) => methodologyVersion(ctx),
    }),
    models: t.field({
      type: [Model],
      description: 'The compared models, in the order asked for.',
      resolve: (s) => s.rows,
    }),
    relationship: t.field({
      type: Relationship,
      description: 'Siblings in one family, one provider, or several providers.',
      resolve: (s) => comparedRelationship(s),
    }),
  }),
});

builder.objectFields(Comparison, (t) => ({
  categoriesCompared: t.int({
    description: 'How many categories have at least one common benchmark.',
    resolve: (s) => categoriesCompared(s),
  }),
  categories: t.field({
    type: [CategoryComparisonRef],
    description:
      'Each compared category, with averages over the common benchmarks, leader, difference and decisive benchmark.',
    resolve: (s) => comparedCategories(s),
  }),
  biggestSwing: t.field({
    type: BenchmarkSpreadRef,
    nullable: true,
    description: 'The common benchmark with the largest spread across all categories; null without common benchmarks.',
    resolve: (s) => biggestSwing(s),
  }),
  coverage: t.field({
    type: [CoverageRef],
    description: 'Per model, the benchmarks the comparison left out because this model has no score on them.',
    resolve: (s) => comparedCoverage(s),
  }),
  overall: t.field({
    type: [OverallStandingRef],
    description: "Each model's own overall score and rank, in request order.",
    resolve: (s) => overallStandings(s),
  }),
  overallMargin: t.field({
    type: Margin,
    nullable: true,
    description: 'The overall gap between the two best ranked compared models; null with fewer than two ranked.',
    resolve: (s) => overallMargin(s),
  }),
  overallDifference: t.float({
    nullable: true,
    description: 'That gap in points; null with fewer than two ranked models.',
    resolve: (s) => overallDifference(s),
  }),
  capability: t.field({
    type: ComparisonCapabilityRef,
    description:
      'The compared models on the capability index (METHODOLOGY.md §6): intervals, P(A ahead of B) for every ' +
      'pair and the leader; read from the stored fit with the other score-based parts, never fitted here.',
    resolve: (s) => capabilitySection(s),
  }),
}));

builder.objectFields(Comparison, (t) => ({
  prices: t.field({ type: PriceComparisonRef, description: 'Prices side by side.', resolve: (s) => comparedPrices(s) }),
  speed: t.field({
    type: SpeedComparisonRef,
    description: 'Output speed side by side.',
    resolve: (s) => comparedSpeed(s),
  }),
  latency: t.field({
    type: LatencyComparisonRef,
    description: 'Time to first token side by side.',
    resolve: (s) => comparedLatency(s),
  }),
  context: t.field({
    type: ContextComparisonRef,
    description: 'Context windows side by side.',
    resolve: (s) => comparedContext(s),
  }),
  verdict: t.field({
    type: VerdictRef,
    description: 'Who wins each category, cost, speed, latency and context, and a one-sentence summary.',
    resolve: (s) => comparisonVerdict(s),
  }),
  workloadCost: t.field({
    type: [WorkloadCostRef],
    description:
      'What a token mix costs on each model: (input × input price + cached × cached price, ' +
      'or input price without one, + output × output price) / 1e6.',
    args: {
      inputTokens: t.arg.float({ required: true, description: 'Uncached input tokens.' }),
      outputTokens: t.arg.float({ required: true, description: 'Output tokens.' }),
      cachedInputTokens: t.arg.float({ defaultValue: 0, description: 'Cached input tokens.' }),
    },
    resolve: (s, args) => workloadCosts(s, args),
  }),
}));

builder.queryFields((t) => ({
  comparison: t.field({
    type: Comparison,
    nullable: true,
    description:
      'Compares 2 to 10 models. Unknown slugs are a NOT_FOUND error naming them; ' +
      'fewer than 2, more than 10 or a repeated slug is BAD_USER_INPUT.',
    args: {
      models: t.arg.stringList({
        required: true,
        description: 'Slugs of the models to compare, 2 to 10, in display order.',
      }),
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
      asOf: t.arg({
        type: 'Date',
        description:
          'Compare the models as they stood at the end of this day: ' +
          'prices, scores and ranks from the recorded history.',
      }),
    },
    resolve: (_root, args, ctx, info) => openComparison(ctx, info, args),
  }),
}));
