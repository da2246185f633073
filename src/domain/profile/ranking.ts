import { tenths } from '../scoring/equality.js';
import type { Methodology } from '../scoring/types.js';

/** Relative slack when comparing summed weights, so 0.1 + 0.2 counts as half of 0.6. */
const WEIGHT_EPSILON = 1e-9;

/** Whether enough is known to rank a model: `minBenchmarks` weight > 0 benchmarks in `minCategories` categories. */
export function meetsRankingThreshold(
  benchmarks: number,
  categories: number,
  methodology: Pick<Methodology, 'minBenchmarks' | 'minCategories'>,
): boolean {
  return benchmarks >= methodology.minBenchmarks && categories >= methodology.minCategories;
}

/** Whether a model is eligible in a category: scores on at least half of its total benchmark weight. */
export function isEligible(covered: number, total: number): boolean {
  if (!(total > 0)) return false;
  return 2 * covered >= total * (1 - WEIGHT_EPSILON);
}

/**
 * Rank of every entry: 1 + the number of entries with a strictly higher score, where
 * "strictly higher" means higher and not equal to one decimal place; ties share a rank.
 */
export function competitionRanks(scores: ReadonlyMap<number, number>): Map<number, number> {
  const keyed = [...scores].map(([id, score]) => ({ id, key: tenths(score) }));
  keyed.sort((a, b) => b.key - a.key);
  const ranks = new Map<number, number>();
  let rank = 1;
  keyed.forEach((entry, index) => {
    const previous = keyed[index - 1];
    if (previous !== undefined && previous.key !== entry.key) rank = index + 1;
    ranks.set(entry.id, rank);
  });
  return ranks;
}
