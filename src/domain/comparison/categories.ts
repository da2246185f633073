import { weightedAverage } from '../profile/category-score.js';
import { scoresEqual } from '../scoring/equality.js';
import type { EffectiveScores } from '../scoring/effective.js';
import type { BenchmarkFacts, Catalog } from '../scoring/types.js';
import { type BenchmarkSpread, benchmarkSpread, widestSpread } from './spread.js';

/** A model's category average over the category's common benchmarks. */
export interface CategoryAverage {
  modelId: number;
  average: number;
}

/** One compared category: averages, leader, difference and decisive benchmark. */
export interface CategoryComparison {
  categoryId: number;
  /** The category's common benchmarks, in catalog order. */
  benchmarkIds: number[];
  /** One per compared model, in the order the models were given. */
  averages: CategoryAverage[];
  /** The model with the highest average; null when the top two are equal to one decimal place. */
  leader: number | null;
  /** Highest average minus the second highest (≥ 0). */
  difference: number;
  /** The common benchmark with the largest spread. */
  decisive: BenchmarkSpread;
}

/** Leader and difference from the averages; the leader is null when the top two are equal. */
export function categoryLeader(averages: readonly CategoryAverage[]): { leader: number | null; difference: number } {
  const sorted = [...averages].sort((a, b) => b.average - a.average);
  const [top, second] = sorted;
  if (top === undefined) return { leader: null, difference: 0 };
  if (second === undefined) return { leader: top.modelId, difference: 0 };
  return {
    leader: scoresEqual(top.average, second.average) ? null : top.modelId,
    difference: top.average - second.average,
  };
}

/** Every category with at least one common benchmark, in catalog order. */
export function compareCategories(
  catalog: Catalog,
  modelIds: readonly number[],
  common: readonly BenchmarkFacts[],
  effective: EffectiveScores,
): CategoryComparison[] {
  const slugs = new Map(catalog.benchmarks.map((benchmark) => [benchmark.id, benchmark.slug]));
  const slugOf = (benchmarkId: number): string => slugs.get(benchmarkId) ?? '';
  const compared: CategoryComparison[] = [];
  for (const category of catalog.categories) {
    const benchmarks = common.filter((benchmark) => benchmark.categoryId === category.id);
    if (benchmarks.length === 0) continue;
    const averages = modelIds.map((modelId) => ({
      modelId,
      // Every model scores every common benchmark, so the average always exists.
      average: weightedAverage(benchmarks, effective.get(modelId)) ?? 0,
    }));
    const decisive = widestSpread(
      benchmarks.map((benchmark) => benchmarkSpread(benchmark, modelIds, effective)),
      slugOf,
    );
    if (decisive === null) continue;
    compared.push({
      categoryId: category.id,
      benchmarkIds: benchmarks.map((benchmark) => benchmark.id),
      averages,
      ...categoryLeader(averages),
      decisive,
    });
  }
  return compared;
}
