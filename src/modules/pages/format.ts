// Numbers for display, rounded as the reference page does. The API sends exact values rounded to 4
// (6 for prices) decimals; a page shows fewer, rounded half away from zero. A missing figure is "n/a".

/** What the page shows for a figure the API does not have. */
export const NA = 'n/a';

type Figure = number | null | undefined;

/** `x` rounded half away from zero to `digits` decimals, as text with exactly that many decimals. */
export function fixed(x: Figure, digits = 1): string {
  if (x == null || !Number.isFinite(x)) return NA;
  const factor = 10 ** digits;
  // The API's values have at most 6 decimals, so a nudge far below that decides binary near-halves
  // (1.45 is stored as 1.4499999...) the way a reader rounds them.
  const rounded = (Math.sign(x) * Math.round(Math.abs(x) * factor + 1e-7)) / factor;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(digits);
}

/** A score, an average, a difference or a spread: one decimal (59.8). */
export function score(x: Figure): string {
  return fixed(x, 1);
}

/** A price in USD per million tokens: $2, $0.40, $3.44, $0.035. */
export function usd(x: Figure): string {
  if (x == null || !Number.isFinite(x)) return NA;
  if (Number.isInteger(x)) return `$${x}`;
  if (x >= 1) return `$${fixed(x, 2)}`;
  // Cheap models' prices need more than cents; trailing zeros beyond the cents go.
  return `$${fixed(x, 4).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

/** A ratio: "5.0x" (one decimal unless asked for more). */
export function ratio(x: Figure, digits = 1): string {
  const text = fixed(x, digits);
  return text === NA ? NA : `${text}x`;
}

/** Output speed: "108 tok/s". */
export function speed(x: Figure): string {
  const text = fixed(x, 0);
  return text === NA ? NA : `${text} tok/s`;
}

/** A duration in seconds: "1.02 s". */
export function seconds(x: Figure): string {
  const text = fixed(x, 2);
  return text === NA ? NA : `${text} s`;
}

/** A token count as people write context windows: 1M, 128K (131,072 too), 200K, 1.5M. */
export function tokens(x: Figure): string {
  if (x == null || !Number.isFinite(x)) return NA;
  // Windows that are multiples of 1,024 but not of 1,000 are quoted in binary units (131,072 is "128K").
  const unit = x % 1024 === 0 && x % 1000 !== 0 ? 1024 : 1000;
  const trim = (t: string) => t.replace(/\.0$/, '');
  if (x >= unit * unit) return `${trim(fixed(x / unit / unit, 1))}M`;
  if (x >= unit) return `${trim(fixed(x / unit, 0))}K`;
  return String(x);
}

/** A rank: "#25", or "unranked". */
export function rank(x: Figure): string {
  return x == null ? 'unranked' : `#${x}`;
}

/** An English list: "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 benchmark", "3 benchmarks" ("1 category", "3 categories" with the plural given). */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
