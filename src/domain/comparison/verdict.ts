import type { CategoryComparison } from './categories.js';
import type { ContextComparison } from './context.js';
import type { LatencyComparison } from './latency.js';
import type { PriceComparison } from './prices.js';
import type { SpeedComparison } from './speed.js';

/** What a verdict entry is about. */
export type VerdictPriority = 'CATEGORY' | 'COST' | 'SPEED' | 'LATENCY' | 'CONTEXT';

/** Why an entry has or lacks a winner, so the summary can tell a tie from a gap in the data. */
export type VerdictOutcome = 'WIN' | 'TIE' | 'NOT_ENOUGH_DATA';

/** One line of the verdict. */
export interface VerdictEntry {
  priority: VerdictPriority;
  /** The compared category for a CATEGORY entry; null otherwise. */
  categoryId: number | null;
  /** The model that wins it; null on a tie or where fewer than two models have the figure. */
  winner: number | null;
  outcome: VerdictOutcome;
}

/** What the verdict is built from: the already-computed parts of the comparison. */
export interface VerdictInputs {
  categories: readonly CategoryComparison[];
  prices: PriceComparison;
  speed: SpeedComparison;
  latency: LatencyComparison;
  context: ContextComparison;
}

/** WIN with a winner; otherwise NOT_ENOUGH_DATA under two figures, else TIE. */
function outcomeOf(winner: number | null, figures: number): VerdictOutcome {
  if (winner !== null) return 'WIN';
  return figures < 2 ? 'NOT_ENOUGH_DATA' : 'TIE';
}

/** Build one entry from its winner and how many models have the figure. */
function entry(
  priority: VerdictPriority,
  categoryId: number | null,
  winner: number | null,
  figures: number,
): VerdictEntry {
  const outcome = outcomeOf(winner, figures);
  return { priority, categoryId, winner: outcome === 'WIN' ? winner : null, outcome };
}

/** One entry per compared category (in catalog order), then COST, SPEED, LATENCY and CONTEXT. */
export function verdictEntries(inputs: VerdictInputs): VerdictEntry[] {
  const { categories, prices, speed, latency, context } = inputs;
  return [
    ...categories.map((category) => entry('CATEGORY', category.categoryId, category.leader, category.averages.length)),
    entry('COST', null, prices.cheapest, prices.models.length),
    entry('SPEED', null, speed.fastest, speed.models.filter((m) => m.outputTokensPerSecond !== null).length),
    entry('LATENCY', null, latency.fastest, latency.models.filter((m) => m.timeToFirstTokenSeconds !== null).length),
    entry('CONTEXT', null, context.largest, context.models.length),
  ];
}
