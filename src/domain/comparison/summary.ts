import type { CapabilityVerdict } from './capability.js';
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

/** What each winner wins, in order of their first win, and the subjects that are ties or lack data. */
interface Tally {
  winners: Map<number, { categories: string[]; wins: string[] }>;
  ties: string[];
  gaps: string[];
}

/** Counts one outcome under its subject: a win (as a category led or a figure's words), a tie or a gap. */
function tallyOutcome(
  tally: Tally,
  outcome: Pick<VerdictEntry, 'outcome' | 'winner'>,
  subject: string,
  win: string | null,
): void {
  if (outcome.outcome === 'WIN' && outcome.winner !== null) {
    let won = tally.winners.get(outcome.winner);
    if (won === undefined) tally.winners.set(outcome.winner, (won = { categories: [], wins: [] }));
    if (win === null) won.categories.push(subject);
    else won.wins.push(win);
  } else if (outcome.outcome === 'TIE') {
    tally.ties.push(subject);
  } else {
    tally.gaps.push(subject);
  }
}

/** One clause per winner: "X leads coding and knowledge, and is faster". */
function winnerClauses(tally: Tally, names: SummaryNames): Clause[] {
  return [...tally.winners].map(([modelId, won]) => {
    const parts = [...(won.categories.length > 0 ? [`leads ${joinList(won.categories)}`] : []), ...won.wins];
    // A serial comma keeps "leads coding and knowledge, and is faster" from reading as one list.
    const serial = parts.length > 2 || (parts.length === 2 && won.categories.length > 1);
    const predicate =
      parts.length === 1 || !serial
        ? joinList(parts)
        : `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
    return { text: `${names.modelName(modelId)} ${predicate}`, opensWithModelName: true };
  });
}

/** The capability index in words (METHODOLOGY §6): its leader's win, or the best two "statistically tied". */
const CAPABILITY = {
  subject: 'the capability index',
  pair: 'is ahead on the capability index',
  many: 'is first on the capability index',
};

/** "A and B are statistically tied on the capability index" (with "the best two" among three or more). */
function capabilityTieClause(capability: CapabilityVerdict, names: SummaryNames, many: boolean): Clause {
  const [first, second] = capability.tied.map((id) => names.modelName(id));
  const who = many ? `${first} and ${second}, the best two,` : `${first} and ${second}`;
  return { text: `${who} are statistically tied on ${CAPABILITY.subject}`, opensWithModelName: true };
}

/**
 * The verdict as one plain-English sentence, built only from the entries (and the capability
 * verdict, when given, as the last of them): first each winner (in order of their first win) with
 * everything they win, then ties, then a statistical tie on the capability index, then figures too
 * few models have. Every entry is mentioned exactly once.
 */
export function verdictSummary(
  entries: readonly VerdictEntry[],
  names: SummaryNames,
  modelCount: number,
  capability?: CapabilityVerdict | null,
): string {
  const style = modelCount > 2 ? 'many' : 'pair';
  const tally: Tally = { winners: new Map(), ties: [], gaps: [] };
  for (const entry of entries) {
    if (entry.priority === 'CATEGORY') tallyOutcome(tally, entry, names.categoryName(entry.categoryId ?? -1), null);
    else tallyOutcome(tally, entry, SUBJECTS[entry.priority], WINS[entry.priority][style]);
  }
  // A statistical tie gets a clause of its own (it names the tied models), so it is not tallied.
  if (capability && capability.outcome !== 'TIE')
    tallyOutcome(tally, capability, CAPABILITY.subject, CAPABILITY[style]);

  const clauses = winnerClauses(tally, names);
  const { ties, gaps } = tally;
  if (ties.length > 0) {
    clauses.push({
      text: `${joinList(ties)} ${ties.length === 1 ? 'is a tie' : 'are ties'}`,
      opensWithModelName: false,
    });
  }
  if (capability?.outcome === 'TIE') clauses.push(capabilityTieClause(capability, names, style === 'many'));
  if (gaps.length > 0) {
    clauses.push({ text: `too few models have figures to compare ${joinList(gaps)}`, opensWithModelName: false });
  }
  const [first] = clauses;
  if (first === undefined) return 'Nothing to compare.';
  // A sentence opens with a capital, except on a model name, which keeps its own casing.
  if (!first.opensWithModelName) first.text = first.text.charAt(0).toUpperCase() + first.text.slice(1);
  return `${clauses.map((clause) => clause.text).join('; ')}.`;
}
