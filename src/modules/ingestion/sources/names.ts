/** A model name reduced to what identifies it across sources. */
export interface NormalizedName {
  /** Lower-case tokens joined by '-', without vendor prefix, date or variant (`claude-sonnet-4-5`). */
  key: string;
  /** Reasoning mode, effort, thinking budget or tier, in a fixed order (`reasoning-32k`, `non-reasoning-high`). */
  variant?: string;
  /** The date in the name: `2025-04-14`, `2024-07` (year and month) or `--06-13` (month and day). */
  date?: string;
}

/** A date as far as a name gives it. */
export interface DateParts {
  year?: number;
  month: number;
  day?: number;
}

const MONTH = `(${[
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
].join('|')})\\.?`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_DATE = /(?<!\d)((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/g;
// "Oct '24", "Mar' 25", "June 2024", "june-24": the month-and-year labels Artificial Analysis and others append.
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s*(?:'\\s*|\\s+|-)((?:20)?\\d{2})\\b`, 'g');
const EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh', 'max'];
const TRAILING_EFFORTS = new Set(['minimal', 'low', 'medium', 'high', 'xhigh']);
const REASONING = new Set(['reasoning', 'thinking']);
// Leading brand words that some sources add and others drop ("Meta-Llama-3.1", "Amazon Nova Pro").
const BRANDS = new Set(['meta', 'amazon', 'aws', 'microsoft', 'google', 'openai', 'anthropic', 'mistralai', 'nvidia']);
const SYNONYMS: Record<string, string> = { it: 'instruct' };
const PRECISIONS = new Set(['fp8', 'fp16', 'bf16', 'int4', 'int8']);
const SIZE = /^([ae]?\d+(\.\d+)?[bm]|\d+x\d+b)$/;

const isMonthDay = (mm: number, dd: number) => mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;

/** Parses the `date` of a NormalizedName back into its parts. */
export function dateParts(date: string): DateParts {
  const [a = '', b = '', c = ''] = date.replace(/^--/, '').split('-');
  if (date.startsWith('--')) return { month: Number(a), day: Number(b) };
  return c ? { year: Number(a), month: Number(b), day: Number(c) } : { year: Number(a), month: Number(b) };
}

function formatDate(d: DateParts): string {
  const two = (n: number) => String(n).padStart(2, '0');
  if (d.year === undefined) return `--${two(d.month)}-${two(d.day ?? 1)}`;
  return d.day === undefined ? `${d.year}-${two(d.month)}` : `${d.year}-${two(d.month)}-${two(d.day)}`;
}

// Two date fragments of one name ("R1 0528 (May '25)") combine when they agree; the first wins otherwise.
function mergeDate(into: DateParts | undefined, d: DateParts): DateParts {
  if (!into) return d;
  const agree = into.month === d.month && (into.year ?? d.year) === (d.year ?? into.year);
  if (!agree || (into.day !== undefined && d.day !== undefined && into.day !== d.day)) return into;
  return { year: into.year ?? d.year, month: into.month, day: into.day ?? d.day };
}

// A date written as tokens: MM-DD-YYYY, MM-YYYY, MM-DD, MMDD, or Mistral's and Qwen's YYMM (2407, 2507).
function tokenDate(tokens: string[], i: number): { date: DateParts; used: number } | undefined {
  const [t, u, v] = [tokens[i] ?? '', tokens[i + 1] ?? '', tokens[i + 2] ?? ''];
  const two = /^\d{2}$/;
  if (two.test(t) && two.test(u) && /^20\d{2}$/.test(v) && isMonthDay(+t, +u)) {
    return { date: { year: +v, month: +t, day: +u }, used: 3 };
  }
  if (two.test(t) && /^(19|20)\d{2}$/.test(u) && +t >= 1 && +t <= 12) return { date: { year: +u, month: +t }, used: 2 };
  if (two.test(t) && two.test(u) && isMonthDay(+t, +u)) return { date: { month: +t, day: +u }, used: 2 };
  if (!/^\d{4}$/.test(t)) return undefined;
  const [hi, lo] = [Number(t.slice(0, 2)), Number(t.slice(2))];
  if (isMonthDay(hi, lo)) return { date: { month: hi, day: lo }, used: 1 };
  if (hi >= 23 && hi <= 29 && lo >= 1 && lo <= 12) return { date: { year: 2000 + hi, month: lo }, used: 1 };
  return undefined;
}

// Route prefixes, display prefixes ("OpenAI: "), and the suffixes some sources hang off an id.
function prepare(name: string, variants: string[]): string {
  let s = name.trim().toLowerCase();
  s = s.replace(/^[^:()/]{1,40}:\s+/, '');
  s = s.slice(s.lastIndexOf('/') + 1).replace(/\+/g, ' plus ');
  s = s.replace(/:\d+$/, '').replace(/:(free|thinking)$/, (_, v: string) => {
    variants.push(v);
    return '';
  });
  return s.replace(/_(\d+k|minimal|low|medium|high|xhigh|thinking)$/, (_, v: string) => {
    variants.push(v);
    return '';
  });
}

function extractDates(s: string, dates: DateParts[]): string {
  const full = s.replace(FULL_DATE, (_, y: string, m: string, d: string) => {
    dates.push({ year: +y, month: +m, day: +d });
    return ' ';
  });
  return full.replace(MONTH_YEAR, (_, mon: string, yy: string) => {
    dates.push({ year: yy.length === 2 ? 2000 + Number(yy) : Number(yy), month: MONTHS.indexOf(mon.slice(0, 3)) + 1 });
    return ' ';
  });
}

// Walks the tokens once: variant words go to `variants`, date tokens to `dates`, the rest to the key.
function splitTokens(tokens: string[], variants: string[], dates: DateParts[]): string[] {
  const key: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const [t = '', next = ''] = [tokens[i], tokens[i + 1]];
    if ((t === 'non' || t === 'no') && REASONING.has(next)) {
      variants.push('non-reasoning');
      i += 1;
    } else if (t === 'adaptive' && REASONING.has(next)) {
      variants.push('adaptive-reasoning');
      i += 1;
    } else if (REASONING.has(t)) {
      variants.push('reasoning');
      if (/^\d+k$/.test(next)) variants.push(tokens[++i] ?? '');
    } else if (EFFORTS.includes(t) && next === 'effort') {
      variants.push(t);
      i += 1;
    } else {
      const found = i > 0 ? tokenDate(tokens, i) : undefined;
      if (found) {
        dates.push(found.date);
        i += found.used - 1;
      } else key.push(SYNONYMS[t] ?? t);
    }
  }
  while (key.length > 1 && TRAILING_EFFORTS.has(key[key.length - 1] ?? '')) variants.push(key.pop() ?? '');
  // Serving details, not identities: a first version's "v1" / "1.0", a revision ("-001"), the precision ("FP8").
  if (key.length > 3 && /^v?1\.0$/.test(key.slice(-2).join('.'))) key.splice(-2);
  else if (key.length > 1 && /^(v1|0\d\d)$/.test(key[key.length - 1] ?? '')) key.pop();
  key.splice(0, key.length, ...key.filter((t) => !PRECISIONS.has(t)));
  if (key.length > 1 && BRANDS.has(key[0] ?? '')) key.shift();
  // "Instruct" is how a sized open model's chat tune is named, and sources drop it at will ("Gemma 3 27B",
  // "gemma-3-27b-it"); without a size ("gpt-3.5-turbo-instruct") it names a model of its own, so it stays.
  return key.some((t) => SIZE.test(t)) ? key.filter((t) => t !== 'instruct') : key;
}

// One spelling per variant part, in a fixed order, so "(high, Reasoning)" and "reasoning-high" compare equal.
function canonicalVariant(parts: readonly string[]): string | undefined {
  const rank = (p: string) =>
    p.endsWith('reasoning') ? 0 : EFFORTS.includes(p) ? 1 + EFFORTS.indexOf(p) / 10 : /^\d+k$/.test(p) ? 2 : 3;
  const mapped = parts.map((p) => (p === 'thinking' ? 'reasoning' : p)).filter((p) => p !== '');
  const unique = [...new Set(mapped)].filter(
    (p) => !(p === 'reasoning' && (mapped.includes('non-reasoning') || mapped.includes('adaptive-reasoning'))),
  );
  unique.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return unique.length > 0 ? unique.join('-') : undefined;
}

/** One variant from several spellings of it (an id's `_high` and a name's `(Reasoning)` → `reasoning-high`). */
export function mergeVariants(...variants: (string | undefined)[]): string | undefined {
  return canonicalVariant(variants.flatMap((v) => variantParts(v)));
}

/** The parts of a variant string: `non-reasoning-high` → `non-reasoning`, `high`. */
export function variantParts(variant: string | undefined): string[] {
  return (variant ?? '').split('-').reduce<string[]>((parts, p) => {
    const last = parts[parts.length - 1];
    if (p === 'reasoning' && (last === 'non' || last === 'adaptive')) parts[parts.length - 1] = `${last}-${p}`;
    else if (p !== '') parts.push(p);
    return parts;
  }, []);
}

/**
 * Reduces a model name or id to a comparable key: lower case, no vendor prefix or route, no punctuation;
 * dates (`-2025-04-14`, `-20250514`, `(2025-04-14)`, `-0613`, `(Oct '24)`, `2407`) and variants (`(high)`,
 * `-thinking`, `(Reasoning)`, `_32K`, `:free`) are split off; `preview`, `exp`, `latest` stay in the key.
 */
export function normalizeModelName(name: string): NormalizedName {
  const variants: string[] = [];
  const dates: DateParts[] = [];
  const prepared = extractDates(prepare(name, variants), dates);
  const key = splitTokens(prepared.split(/[^a-z0-9]+/).filter(Boolean), variants, dates).join('-');
  const variant = canonicalVariant(variants);
  const date = dates.reduce<DateParts | undefined>(mergeDate, undefined);
  return { key, ...(variant ? { variant } : {}), ...(date ? { date: formatDate(date) } : {}) };
}
