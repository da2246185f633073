import type { CategoryComparison } from '../../../domain/comparison/categories.js';
import type { OverallStanding } from '../../../domain/comparison/overall.js';
import type { BenchmarkSpread } from '../../../domain/comparison/spread.js';
import { builder } from '../../../schema/builder.js';
import { Benchmark } from '../../catalog/types/benchmark.js';
import { Category } from '../../catalog/types/category.js';
import { Model } from '../../models/types/model.js';
import { benchmarksOf, categoryAverages, modelOrNull, withLookup, type WithLookup as With } from '../service.js';

export type { ComparedRow, Lookup } from '../service.js';

/** A model's number in a comparison. */
export const ModelValue = builder
  .objectRef<With<{ modelId: number; value: number; normalized?: number }>>('ModelValue')
  .implement({
    description: "One compared model's value.",
    fields: (t) => ({
      model: t.field({ type: Model, description: 'The model.', resolve: (v) => v.lookup.model(v.modelId) as never }),
      value: t.exposeFloat('value', { description: 'The value (for a benchmark, as published in its unit).' }),
      normalized: t.float({
        nullable: true,
        description:
          'For a benchmark value, the value on the 0–100 normalised scale; null for averages (already normalised).',
        resolve: (v) => v.normalized ?? null,
      }),
    }),
  });

/** How far apart the models are on one benchmark. */
export const BenchmarkSpreadRef = builder.objectRef<With<BenchmarkSpread>>('BenchmarkSpread').implement({
  description: 'How far apart the compared models are on one common benchmark.',
  fields: (t) => ({
    benchmark: t.field({
      type: Benchmark,
      description: 'The benchmark.',
      resolve: (s) => s.lookup.benchmark(s.benchmarkId),
    }),
    spread: t.exposeFloat('spread', { description: 'Highest minus lowest normalised value (0–100 points).' }),
    values: t.field({
      type: [ModelValue],
      description: "Each compared model's value, in the order the models were asked for.",
      resolve: (s) => withLookup(s.readings, s.lookup),
    }),
  }),
});

/** One compared category. */
export const CategoryComparisonRef = builder.objectRef<With<CategoryComparison>>('CategoryComparison').implement({
  description: 'One category with at least one common benchmark: averages, leader and where the gap comes from.',
  fields: (t) => ({
    category: t.field({
      type: Category,
      description: 'The category.',
      resolve: (c) => c.lookup.category(c.categoryId),
    }),
    leader: t.field({
      type: Model,
      nullable: true,
      description: 'The model with the highest average; null when the top two are equal to one decimal place.',
      resolve: (c) => modelOrNull(c.lookup, c.leader) as never,
    }),
    difference: t.exposeFloat('difference', { description: 'Highest average minus the second highest (≥ 0).' }),
    averages: t.field({
      type: [ModelValue],
      description:
        "Each model's weighted average of normalised values over the category's common benchmarks, " +
        'in request order.',
      resolve: (c) => categoryAverages(c),
    }),
    benchmarks: t.field({
      type: [Benchmark],
      description: 'The common benchmarks of this category the averages are over.',
      resolve: (c) => benchmarksOf(c.lookup, c.benchmarkIds),
    }),
    decisiveBenchmark: t.field({
      type: BenchmarkSpreadRef,
      description:
        'The common benchmark with the largest spread: ' +
        'where the category creates the most daylight (ties: slug order).',
      resolve: (c) => ({ ...c.decisive, lookup: c.lookup }),
    }),
  }),
});

/** A compared model's benchmarks left out of the comparison. */
export const CoverageRef = builder.objectRef<With<{ modelId: number; missing: number[] }>>('ModelCoverage').implement({
  description: 'What a comparison left out for one model.',
  fields: (t) => ({
    model: t.field({ type: Model, description: 'The model.', resolve: (c) => c.lookup.model(c.modelId) as never }),
    missing: t.field({
      type: [Benchmark],
      description:
        'Benchmarks (weight > 0) where another compared model has a score in the lane and this one has none.',
      resolve: (c) => benchmarksOf(c.lookup, c.missing),
    }),
  }),
});

/** A compared model's own standing. */
export const OverallStandingRef = builder.objectRef<With<OverallStanding>>('OverallStanding').implement({
  description:
    "A compared model's own overall score and rank (METHODOLOGY.md §3), not limited to the common benchmarks.",
  fields: (t) => ({
    model: t.field({ type: Model, description: 'The model.', resolve: (s) => s.lookup.model(s.modelId) as never }),
    score: t.float({
      nullable: true,
      description: 'Overall score (0–100); null without any category score.',
      resolve: (s) => s.overall,
    }),
    ranked: t.exposeBoolean('ranked', { description: 'Whether the model has enough scores to be ranked.' }),
    rank: t.int({
      nullable: true,
      description: 'Rank among all ranked models; null when tracked but unranked.',
      resolve: (s) => s.rank,
    }),
  }),
});
