import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SourceFormatError, type SourceFile } from './types.js';

/** Reads a file from disk as a parser's input, named by its base name. */
export async function loadSourceFile(path: string): Promise<SourceFile> {
  return { file: basename(path), text: await readFile(path, 'utf8') };
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a real calendar day in YYYY-MM-DD form (2025-02-30 is not). */
export function isDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The day of an ISO timestamp or date (`2025-12-17T22:39:00Z` → `2025-12-17`), or undefined. */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = value.trim().slice(0, 10);
  return isDay(day) ? day : undefined;
}

/** The last YYYY-MM-DD in a file name (`openrouter_models_2026-08-01.json` → `2026-08-01`). */
export function dayInFileName(file: string): string | undefined {
  const all = basename(file).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  const last = all[all.length - 1];
  return last !== undefined && isDay(last) ? last : undefined;
}

/** The latest of some days, or undefined when there are none. */
export function latestDay(days: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of days) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

/**
 * The snapshot date: the caller's override, else the first candidate found (the file's own date
 * field or its name, in the order the parser prefers); a file with none must be given one.
 */
export function resolveSnapshotDate(
  file: string,
  override: string | undefined,
  ...found: (string | undefined)[]
): string {
  if (override !== undefined) {
    if (!isDay(override))
      throw new SourceFormatError(file, '', `snapshotDate ${JSON.stringify(override)} is not a day`);
    return override;
  }
  const day = found.find((d) => d !== undefined);
  if (day === undefined) {
    throw new SourceFormatError(file, '', 'no date in the file or its name: pass snapshotDate (YYYY-MM-DD)');
  }
  return day;
}

/**
 * Moves a decimal number's point without binary rounding noise: `shift("0.000002", 6)` is exactly 2,
 * where 0.000002 * 1e6 is 1.9999999999999998.
 */
export function shiftDecimal(value: number | string, places: number): number {
  const text = String(value).trim();
  const [mantissa, exponent = '0'] = text.split(/[eE]/);
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Reads a cell or field as a finite number; '' and null are missing; anything else non-numeric throws. */
export function numberOrUndefined(value: unknown, fail: (problem: string) => never): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : fail('is not a finite number');
  if (typeof value !== 'string') return fail(`must be a number, not ${typeof value}`);
  const text = value.trim();
  if (text === '') return undefined;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return fail(`${JSON.stringify(value)} is not a number`);
  return Number(text);
}

/** A positive whole number of tokens, or undefined (0, null and absent mean "not given"). */
export function tokensOrUndefined(value: unknown, fail: (problem: string) => never): number | undefined {
  const n = numberOrUndefined(value, fail);
  if (n === undefined || n === 0) return undefined;
  return Number.isInteger(n) && n > 0 ? n : fail(`${n} is not a whole, positive number of tokens`);
}

/** A string field, trimmed; '' and null are missing. */
export function textOrUndefined(value: unknown, fail: (problem: string) => never): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return fail(`must be a string, not ${typeof value}`);
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** A thrower for one entry: `failAt(file, 'entry 3')('pricing.prompt')('is not a number')`. */
export function failAt(file: string, location: string) {
  return (field: string) =>
    (problem: string): never => {
      throw new SourceFormatError(file, location, `${field} ${problem}`);
    };
}

/** Names an entry in messages: `entry 41 ("openai/gpt-4.1")`. */
export function entryLabel(index: number, id: unknown): string {
  return typeof id === 'string' && id !== '' ? `entry ${index} (${JSON.stringify(id)})` : `entry ${index}`;
}

/** The object without its undefined fields, so a missing figure is absent rather than present-and-undefined. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Orders strings by code unit, the same on every machine (localeCompare depends on the locale). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
