import type { Profile } from '../profile/profiles.js';
import type { EffectiveScores } from '../scoring/effective.js';
import type { Catalog, ModelFacts } from '../scoring/types.js';
import {
  type CapabilityComparison,
  type CapabilityInput,
  type CapabilityVerdict,
  compareCapability,
} from './capability.js';
import { type CategoryComparison, compareCategories } from './categories.js';
import { commonBenchmarks } from './common.js';
import { type ContextComparison, compareContext } from './context.js';
import { type Coverage, coverage } from './coverage.js';
import { type LatencyComparison, compareLatency } from './latency.js';
import { type OverallComparison, compareOverall } from './overall.js';
import { type PriceComparison, comparePrices } from './prices.js';
import { type Relationship, relationship } from './relationship.js';
import { type SpeedComparison, compareSpeed } from './speed.js';
import { type BenchmarkSpread, benchmarkSpread, widestSpread } from './spread.js';
import { verdictSummary } from './summary.js';
import { type VerdictEntry, verdictEntries } from './verdict.js';
import { type Workload, type WorkloadComparison, compareWorkload } from './workload.js';

/** Fewest models a comparison takes. */
export const MIN_COMPARED_MODELS = 2;

/** Most models a comparison takes. */
export const MAX_COMPARED_MODELS = 10;

/** Everything a comparison is computed from, all in one lane. */
export interface ComparisonInput {
  catalog: Catalog;
  /** The compared models; every per-model list in the answer keeps this order. */
  models: readonly ModelFacts[];
  effective: EffectiveScores;
  /** The lane's §3 profiles of all models, so each compared model keeps its own overall and rank. */
  profiles: ReadonlyMap<number, Profile>;
  /** An optional token mix to price. */
  workload?: Workload;
  /** The capability index of the lane, when there is one: adds `capability` and the verdict's capability part. */
  capability?: CapabilityInput;
}

/** A head-to-head or N-way comparison (METHODOLOGY §4); rows are referred to by id. */
export interface Comparison {
  modelIds: number[];
  /** Weight > 0 benchmarks every compared model has an effective score on, in catalog order. */
  commonBenchmarkIds: number[];
  categories: CategoryComparison[];
  categoriesCompared: number;
  /** The common benchmark with the largest spread; null without common benchmarks. */
  biggestSwing: BenchmarkSpread | null;
  coverage: Coverage[];
  overall: OverallComparison;
  prices: PriceComparison;
  /** Null when no workload was asked for. */
  workload: WorkloadComparison | null;
  speed: SpeedComparison;
  latency: LatencyComparison;
  context: ContextComparison;
  relationship: Relationship;
  /** The compared models on the capability index; only when the input has one. */
  capability?: CapabilityComparison;
  verdict: { entries: VerdictEntry[]; summary: string; capability?: CapabilityVerdict };
}

/** Reject a model set a comparison cannot be made of (2–10 distinct models), naming the problem. */
export function checkComparedModels(models: readonly Pick<ModelFacts, 'id'>[]): void {
  if (models.length < MIN_COMPARED_MODELS || models.length > MAX_COMPARED_MODELS) {
    throw new RangeError(
      `a comparison takes ${MIN_COMPARED_MODELS} to ${MAX_COMPARED_MODELS} models, got ${models.length}`,
    );
  }
  const seen = new Set<number>();
  for (const model of models) {
    if (seen.has(model.id)) throw new RangeError(`model ${model.id} is listed more than once`);
    seen.add(model.id);
  }
}

/** Compare 2–10 models on their common benchmarks, prices, speed, latency and context. */
export function compareModels(input: ComparisonInput): Comparison {
  const { catalog, models, effective, profiles } = input;
  checkComparedModels(models);
  const modelIds = models.map((model) => model.id);
  const common = commonBenchmarks(catalog, modelIds, effective);
  const categories = compareCategories(catalog, modelIds, common, effective);
  const slugs = new Map(catalog.benchmarks.map((benchmark) => [benchmark.id, benchmark.slug]));
  const biggestSwing = widestSpread(
    common.map((benchmark) => benchmarkSpread(benchmark, modelIds, effective)),
    (benchmarkId) => slugs.get(benchmarkId) ?? '',
  );
  const prices = comparePrices(models);
  const speed = compareSpeed(models);
  const latency = compareLatency(models);
  const context = compareContext(models);
  const entries = verdictEntries({ categories, prices, speed, latency, context });
  const capability = input.capability && compareCapability(modelIds, input.capability);
  const modelNames = new Map(models.map((model) => [model.id, model.name]));
  const categoryNames = new Map(catalog.categories.map((category) => [category.id, category.name]));
  const summary = verdictSummary(
    entries,
    {
      modelName: (modelId) => modelNames.get(modelId) ?? String(modelId),
      categoryName: (categoryId) => categoryNames.get(categoryId) ?? String(categoryId),
    },
    models.length,
    capability?.verdict,
  );
  return {
    modelIds,
    commonBenchmarkIds: common.map((benchmark) => benchmark.id),
    categories,
    categoriesCompared: categories.length,
    biggestSwing,
    coverage: coverage(catalog, modelIds, effective),
    overall: compareOverall(models, profiles),
    prices,
    workload: input.workload === undefined ? null : compareWorkload(models, input.workload),
    speed,
    latency,
    context,
    relationship: relationship(models),
    ...(capability && { capability }),
    verdict: { entries, summary, ...(capability && { capability: capability.verdict }) },
  };
}
