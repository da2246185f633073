import type { CategoryFacts, Methodology } from './types.js';

/** The version of the rules in METHODOLOGY.md this code implements. */
export const METHODOLOGY_VERSION = '2026-11-25';

/** Effective scores on at least this many weight > 0 benchmarks to be ranked. */
export const DEFAULT_MIN_BENCHMARKS = 8;

/** ... spread over at least this many categories. */
export const DEFAULT_MIN_CATEGORIES = 2;

/** Default category weights in the overall score, by category slug (METHODOLOGY §3). */
export const DEFAULT_CATEGORY_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  agentic: 22,
  coding: 20,
  reasoning: 17,
  multimodal: 12,
  knowledge: 12,
  multilingual: 7,
  'instruction-following': 5,
  math: 5,
});

/** Weight of any category the table above does not name. */
export const OTHER_CATEGORY_WEIGHT = 5;

/** The default weight of a category by its slug (5 for a category the methodology does not name). */
export function defaultCategoryWeight(slug: string): number {
  return Object.hasOwn(DEFAULT_CATEGORY_WEIGHTS, slug)
    ? (DEFAULT_CATEGORY_WEIGHTS[slug] ?? OTHER_CATEGORY_WEIGHT)
    : OTHER_CATEGORY_WEIGHT;
}

/** The name of a methodology version: the rules' date, then how many times weights or thresholds were updated. */
export function methodologyVersionName(version: number): string {
  return `${METHODOLOGY_VERSION}.${version}`;
}

/** The methodology of a recorded version: its thresholds, with the categories' current weights. */
export function methodologyOf(
  categories: readonly CategoryFacts[],
  recorded: { version: number; minBenchmarks: number; minCategories: number },
): Methodology {
  return {
    version: methodologyVersionName(recorded.version),
    minBenchmarks: recorded.minBenchmarks,
    minCategories: recorded.minCategories,
    categoryWeights: new Map(categories.map((category) => [category.id, category.weight])),
  };
}
