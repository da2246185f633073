import type { VerdictEntry, VerdictPriority } from './verdict.js';

/** How the summary names things; the caller knows the rows behind the ids. */
export interface SummaryNames {
  modelName: (modelId: number) => string;
  categoryName: (categoryId: number) => string;
}

type Figure = Exclude<VerdictPriority, 'CATEGORY'>;

/** What a win means in words, head-to-head (comparative) and N-way (superlative). */
const WINS: Record<Figure, { pair: string; many: string }> = {
  COST: { pair: 'is cheaper', many: 'is the cheapest' },
  SPEED: { pair: 'is faster', many: 'is the fastest' },
  LATENCY: { pair: 'has lower latency', many: 'has the lowest latency' },
  CONTEXT: { pair: 'has the larger context window', many: 'has the largest context window' },
};

/** The figure's name as the subject of a tie or a gap. */
const SUBJECTS: Record<Figure, string> = { COST: 'cost', SPEED: 'speed', LATENCY: 'latency', CONTEXT: 'context' };

/** "a", "a and b", "a, b and c". */
function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A clause, and whether it opens with a model name, whose casing is the model's own ("o3"). */
interface Clause {
  text: string;
  opensWithModelName: boolean;
}

/**
 * The verdict as one plain-English sentence, built only from the entries: first each winner
 * (in order of their first win) with everything they win, then ties, then figures too few
 * models have. Every entry is mentioned exactly once.
 */
export function verdictSummary(entries: readonly VerdictEntry[], names: SummaryNames, modelCount: number): string {
  const style = modelCount > 2 ? 'many' : 'pair';
  const winners = new Map<number, { categories: string[]; wins: string[] }>();
  const ties: string[] = [];
  const gaps: string[] = [];
  for (const entry of entries) {
    const subject =
      entry.priority === 'CATEGORY' ? names.categoryName(entry.categoryId ?? -1) : SUBJECTS[entry.priority];
    if (entry.outcome === 'WIN' && entry.winner !== null) {
      let won = winners.get(entry.winner);
      if (won === undefined) winners.set(entry.winner, (won = { categories: [], wins: [] }));
      if (entry.priority === 'CATEGORY') won.categories.push(subject);
      else won.wins.push(WINS[entry.priority][style]);
    } else if (entry.outcome === 'TIE') {
      ties.push(subject);
    } else {
      gaps.push(subject);
    }
  }

  const clauses: Clause[] = [];
  for (const [modelId, won] of winners) {
    const parts = [...(won.categories.length > 0 ? [`leads ${joinList(won.categories)}`] : []), ...won.wins];
    // A serial comma keeps "leads coding and knowledge, and is faster" from reading as one list.
    const serial = parts.length > 2 || (parts.length === 2 && won.categories.length > 1);
    const predicate =
      parts.length === 1 || !serial
        ? joinList(parts)
        : `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
    clauses.push({ text: `${names.modelName(modelId)} ${predicate}`, opensWithModelName: true });
  }
  if (ties.length > 0) {
    clauses.push({
      text: `${joinList(ties)} ${ties.length === 1 ? 'is a tie' : 'are ties'}`,
      opensWithModelName: false,
    });
  }
  if (gaps.length > 0) {
    clauses.push({ text: `too few models have figures to compare ${joinList(gaps)}`, opensWithModelName: false });
  }
  const [first] = clauses;
  if (first === undefined) return 'Nothing to compare.';
  // A sentence opens with a capital, except on a model name, which keeps its own casing.
  if (!first.opensWithModelName) first.text = first.text.charAt(0).toUpperCase() + first.text.slice(1);
  return `${clauses.map((clause) => clause.text).join('; ')}.`;
}
