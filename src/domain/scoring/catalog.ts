import type { BenchmarkFacts, Catalog } from './types.js';

/** Whether a benchmark takes part in aggregates (weight > 0) rather than being display-only. */
export function isAggregated(benchmark: BenchmarkFacts): boolean {
  return benchmark.weight > 0;
}

/** The aggregated (weight > 0) benchmarks of each catalog category, in catalog order. */
export function aggregatedBenchmarksByCategory(catalog: Catalog): Map<number, BenchmarkFacts[]> {
  const byCategory = new Map<number, BenchmarkFacts[]>();
  for (const category of catalog.categories) byCategory.set(category.id, []);
  for (const benchmark of catalog.benchmarks) {
    // A benchmark of a category missing from the catalog has no weight to count under.
    if (isAggregated(benchmark)) byCategory.get(benchmark.categoryId)?.push(benchmark);
  }
  return byCategory;
}

/** Sum of the weights of the given benchmarks. */
export function totalWeight(benchmarks: readonly BenchmarkFacts[]): number {
  return benchmarks.reduce((sum, benchmark) => sum + benchmark.weight, 0);
}
