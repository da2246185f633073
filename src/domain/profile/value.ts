/** A model's overall score and blended price. */
export interface PricedScore {
  modelId: number;
  slug: string;
  score: number;
  blended: number;
}

/** A value leaderboard line: overall points per blended dollar, and its rank on that measure. */
export interface ValueEntry extends PricedScore {
  value: number;
  rank: number;
}

/**
 * Overall score per blended dollar (per million tokens), best first, then slug. A free model has
 * no defined value (division by zero) and is left out rather than given an invented one.
 */
export function valueRanking(rows: readonly PricedScore[]): ValueEntry[] {
  const priced = rows.filter((r) => r.blended > 0).map((r) => ({ ...r, value: r.score / r.blended, rank: 0 }));
  priced.sort((a, b) => b.value - a.value || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  priced.forEach((entry, i) => {
    const previous = priced[i - 1];
    entry.rank = previous && previous.value === entry.value ? previous.rank : i + 1;
  });
  return priced;
}
