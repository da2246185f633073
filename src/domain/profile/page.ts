import { tenths } from '../scoring/equality.js';
import type { RankCursor } from './cursor.js';

/** A leaderboard line with what keyset pagination orders by. */
export interface PageableEntry {
  slug: string;
  score: number;
}

/**
 * One page of a leaderboard already sorted by score (tenths, desc) then slug: the lines after
 * the cursor, in the same total order the database pages use.
 */
export function pageAfter<E extends PageableEntry>(
  entries: readonly E[],
  after: RankCursor | null,
  first: number,
): { rows: E[]; hasNextPage: boolean } {
  const rest = after
    ? entries.filter((e) => tenths(e.score) < after.tenths || (tenths(e.score) === after.tenths && e.slug > after.slug))
    : entries;
  return { rows: rest.slice(0, first), hasNextPage: rest.length > first };
}
