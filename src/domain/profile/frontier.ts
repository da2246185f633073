import { tenths } from '../scoring/equality.js';

/** A model as the frontier sees it: what it costs and how good it is. */
export interface FrontierCandidate {
  modelId: number;
  slug: string;
  cost: number;
  quality: number;
}

/**
 * The Pareto frontier: the models no other model beats on both quality and cost (one is at least
 * as cheap and at least as good, and strictly better on one). Quality is compared to one decimal
 * place (METHODOLOGY.md "equal"), cost exactly. Ordered by cost, then quality, then slug.
 */
export function paretoFrontier(candidates: readonly FrontierCandidate[]): FrontierCandidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      a.cost - b.cost || tenths(b.quality) - tenths(a.quality) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  const frontier: FrontierCandidate[] = [];
  let bestCheaper = -Infinity;
  for (let i = 0; i < sorted.length;) {
    const cost = sorted[i]!.cost;
    let j = i;
    while (j < sorted.length && sorted[j]!.cost === cost) j++;
    // At one cost only the best quality survives; it must also beat every cheaper model.
    const top = tenths(sorted[i]!.quality);
    if (top > bestCheaper) {
      for (let k = i; k < j && tenths(sorted[k]!.quality) === top; k++) frontier.push(sorted[k]!);
      bestCheaper = top;
    }
    i = j;
  }
  return frontier;
}
