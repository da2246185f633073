import type { ModelPrices, PriceComparison } from '../../../domain/comparison/prices.js';
import type { Comparison } from '../../../domain/comparison/compare.js';
import type { VerdictEntry } from '../../../domain/comparison/verdict.js';
import type { WorkloadCost } from '../../../domain/comparison/workload.js';
import { builder } from '../../../schema/builder.js';
import { Category } from '../../catalog/types/category.js';
import { Model } from '../../models/types/model.js';
import { categoryOrNull, modelOrNull, withLookup, type WithLookup as With } from '../service.js';

/** One model's prices in a comparison. */
export const ModelPricesRef = builder.objectRef<With<ModelPrices>>('ModelPrices').implement({
  description: "One compared model's prices (USD per million tokens) and each over the cheapest model's.",
  fields: (t) => ({
    model: t.field({ type: Model, description: 'The model.', resolve: (p) => p.lookup.model(p.modelId) as never }),
    input: t.exposeFloat('input', { description: 'Input price.' }),
    output: t.exposeFloat('output', { description: 'Output price.' }),
    cachedInput: t.exposeFloat('cachedInput', {
      nullable: true,
      description: 'Cached-input price; null when it has none.',
    }),
    blended: t.exposeFloat('blended', { description: 'Blended price, (3 × input + output) / 4.' }),
    inputRatio: t.float({
      nullable: true,
      description: 'Input price over the cheapest input price; null when undefined.',
      resolve: (p) => p.relative.input,
    }),
    outputRatio: t.float({
      nullable: true,
      description: 'Output price over the cheapest; null when undefined.',
      resolve: (p) => p.relative.output,
    }),
    cachedInputRatio: t.float({
      nullable: true,
      description: 'Cached-input price over the cheapest; null when undefined.',
      resolve: (p) => p.relative.cachedInput,
    }),
    blendedRatio: t.float({
      nullable: true,
      description: 'Blended price over the cheapest; null when undefined.',
      resolve: (p) => p.relative.blended,
    }),
  }),
});

/** Prices side by side. */
export const PriceComparisonRef = builder.objectRef<With<PriceComparison>>('PriceComparison').implement({
  description:
    'Prices side by side. Each ratio is the most expensive over the cheapest among the models with that price; ' +
    'null when fewer than two have it or the cheapest is $0.',
  fields: (t) => ({
    cheapest: t.field({
      type: Model,
      nullable: true,
      description: 'The model with the lowest blended price; null on an exact tie.',
      resolve: (p) => modelOrNull(p.lookup, p.cheapest) as never,
    }),
    inputRatio: t.float({ nullable: true, description: 'Input price ratio.', resolve: (p) => p.ratio.input }),
    outputRatio: t.float({
      nullable: true,
      description: 'Output price ratio ("5.0x on output").',
      resolve: (p) => p.ratio.output,
    }),
    cachedInputRatio: t.float({
      nullable: true,
      description: 'Cached-input price ratio.',
      resolve: (p) => p.ratio.cachedInput,
    }),
    blendedRatio: t.float({ nullable: true, description: 'Blended price ratio.', resolve: (p) => p.ratio.blended }),
    models: t.field({
      type: [ModelPricesRef],
      description: 'Per model, in request order.',
      resolve: (p) => withLookup(p.models, p.lookup),
    }),
  }),
});

/** Output speed side by side. */
export const SpeedComparisonRef = builder
  .objectRef<With<{ fastest: number | null; ratio: number | null }>>('SpeedComparison')
  .implement({
    description: 'Output speed side by side, over the models whose speed is known.',
    fields: (t) => ({
      fastest: t.field({
        type: Model,
        nullable: true,
        description: 'Highest tokens per second; null with fewer than two speeds or a tie.',
        resolve: (s) => modelOrNull(s.lookup, s.fastest) as never,
      }),
      ratio: t.float({
        nullable: true,
        description: 'Fastest speed over the slowest (108 / 80 = 1.35); null with fewer than two speeds.',
        resolve: (s) => s.ratio,
      }),
    }),
  });

/** Time to first token side by side. */
export const LatencyComparisonRef = builder
  .objectRef<With<{ fastest: number | null; difference: number | null }>>('LatencyComparison')
  .implement({
    description: 'Time to first token side by side, over the models whose latency is known.',
    fields: (t) => ({
      fastest: t.field({
        type: Model,
        nullable: true,
        description: 'Lowest time to first token; null with fewer than two latencies or a tie.',
        resolve: (l) => modelOrNull(l.lookup, l.fastest) as never,
      }),
      difference: t.float({
        nullable: true,
        description: 'Highest minus lowest time to first token, in seconds; null with fewer than two.',
        resolve: (l) => l.difference,
      }),
    }),
  });

/** Context windows side by side. */
export const ContextComparisonRef = builder
  .objectRef<With<{ largest: number | null; tie: boolean }>>('ContextComparison')
  .implement({
    description: 'Context windows side by side.',
    fields: (t) => ({
      largest: t.field({
        type: Model,
        nullable: true,
        description: 'The model with the largest window; null when two or more share it.',
        resolve: (c) => modelOrNull(c.lookup, c.largest) as never,
      }),
      tie: t.exposeBoolean('tie', { description: 'Whether two or more models share the largest window.' }),
    }),
  });

/** A workload's cost on one model. */
export const WorkloadCostRef = builder.objectRef<With<WorkloadCost>>('WorkloadCost').implement({
  description: "What a caller's token mix costs on one compared model.",
  fields: (t) => ({
    model: t.field({ type: Model, description: 'The model.', resolve: (w) => w.lookup.model(w.modelId) as never }),
    usd: t.float({ description: 'Cost in USD.', resolve: (w) => w.cost }),
    ratioToCheapest: t.float({
      nullable: true,
      description: "This cost over the cheapest model's; null when the cheapest costs $0.",
      resolve: (w) => w.ratio,
    }),
  }),
});

/** What a verdict entry is about. */
export const VerdictPriority = builder.enumType('VerdictPriority', {
  description: 'What a verdict entry is about.',
  values: {
    CATEGORY: { description: 'A compared category (highest category average).' },
    COST: { description: 'Lowest blended price.' },
    SPEED: { description: 'Highest output speed.' },
    LATENCY: { description: 'Lowest time to first token.' },
    CONTEXT: { description: 'Largest context window.' },
  },
});

/** Whether a verdict entry has a winner. */
export const VerdictOutcome = builder.enumType('VerdictOutcome', {
  description: 'Whether a verdict entry has a winner, and why not.',
  values: {
    WIN: { description: 'One model wins it.' },
    TIE: { description: 'The best models are equal.' },
    NOT_ENOUGH_DATA: { description: 'Fewer than two models have the figure.' },
  },
});

/** One line of the verdict. */
export const VerdictEntryRef = builder.objectRef<With<VerdictEntry>>('VerdictEntry').implement({
  description: 'Who wins one priority.',
  fields: (t) => ({
    priority: t.expose('priority', { type: VerdictPriority, description: 'What the entry is about.' }),
    category: t.field({
      type: Category,
      nullable: true,
      description: 'The category, for a CATEGORY entry.',
      resolve: (e) => categoryOrNull(e.lookup, e.categoryId),
    }),
    winner: t.field({
      type: Model,
      nullable: true,
      description: 'The winning model; null on a tie or without enough data.',
      resolve: (e) => modelOrNull(e.lookup, e.winner) as never,
    }),
    outcome: t.expose('outcome', { type: VerdictOutcome, description: 'Win, tie, or not enough data.' }),
  }),
});

/** The verdict. */
export const VerdictRef = builder.objectRef<With<Comparison['verdict']>>('Verdict').implement({
  description: 'Who wins what, and a plain-English sentence built only from those entries.',
  fields: (t) => ({
    summary: t.exposeString('summary', { description: 'One sentence summing up the entries.' }),
    entries: t.field({
      type: [VerdictEntryRef],
      description: 'One entry per compared category, then cost, speed, latency and context.',
      resolve: (v) => withLookup(v.entries, v.lookup),
    }),
  }),
});
