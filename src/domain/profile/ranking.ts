import { tenths } from '../scoring/equality.js';
import type { Methodology } from '../scoring/types.js';
import type { SqlTag } from '../sql-twin.js';

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

/**
 * `competitionRanks` in SQL, its twin: `rank()` over a key already in tenths (a stored `*_tenths`
 * column, or `tenthsSql`), highest first, so equal keys share a rank and the next rank skips them.
 * The key is never null where it runs (a descending order would put nulls first).
 */
export function rankSql<F>(tag: SqlTag<F>, tenthsKey: F, partitionBy?: F): F {
  const partition = partitionBy === undefined ? tag`` : tag`partition by ${partitionBy} `;
  return tag`rank() over (${partition}order by ${tenthsKey} desc)`;
}
