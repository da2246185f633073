/**
 * How the API rounds what it returns (METHODOLOGY.md §7): once, at the boundary, half away from
 * zero, on the decimal number a float stands for. Rules are decided on exact values before this.
 */

/** Decimals of prices, blended prices and costs (USD, and USD per million tokens). */
export const PRICE_DECIMALS = 6;

/** Decimals of every other figure: scores, averages, differences, spreads, ratios, speeds, latencies, ... */
export const FIGURE_DECIMALS = 4;

/** Powers of ten, exact as doubles up to 1e22; dividing by them (not multiplying by 1e-d) rounds correctly. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15] as const;

/** The most decimals one may ask for, so the snap (SNAP_EXTRA more) stays within POW10. */
const MAX_DECIMALS = 10;

/**
 * Decimals kept beyond the asked ones when snapping away float noise (as `tenths()` does with 4).
 * A figure computed from published ones (2–3 decimals, small divisors) is never moved by the snap
 * in a way that changes its rounding, while 54.549999999999997 becomes 54.55 and 1.005 (stored as
 * 1.00499999999999989…) becomes 1.005.
 */
const SNAP_EXTRA = 5;

/**
 * The largest count of snap steps used: 2^43 leaves 10 bits of headroom under 2^53, so a snap step
 * stays about a thousand times wider than the noise a few float operations leave on the value.
 */
const MAX_STEPS = 2 ** 43;

/**
 * `value` rounded half away from zero to `decimals` places, as the decimal number it stands for:
 * 0.7000000000000001 → 0.7, 54.549999999999997 → 54.55 at 2 places, 1.005 → 1.01, -0.00005 → -0.0001
 * at 4. The result is the double nearest that decimal, so `String(result)` has at most `decimals`
 * decimals. NaN and ±Infinity are returned unchanged (they have no decimal to round to; the caller
 * decides what they mean). Never returns -0. Allocates nothing, but for magnitudes past 2^43 / 10^decimals.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS} (${decimals})`);
  }
  if (!Number.isFinite(value)) return value;
  // Whole numbers (most scales, weights, Elo scores) have nothing to round; `+ 0` turns -0 into 0.
  if (Number.isInteger(value)) return value + 0;
  const magnitude = Math.abs(value);
  let snap = decimals + SNAP_EXTRA;
  // Large magnitudes keep fewer extra decimals, so the step count stays exact integer arithmetic.
  while (snap > decimals && magnitude * POW10[snap]! > MAX_STEPS) snap--;
  let whole: number;
  if (snap > decimals) {
    // Integer arithmetic from here on (all below 2^53), so the half-way case is decided exactly.
    const steps = Math.round(magnitude * POW10[snap]!);
    const perUnit = POW10[snap - decimals]!;
    const rest = steps % perUnit;
    whole = (steps - rest) / perUnit + (rest * 2 >= perUnit ? 1 : 0);
  } else {
    // Too many significant digits to snap (beyond any real figure): the exact binary value, rounded half
    // away from zero by toFixed, read back as the nearest double (whose shortest form has `decimals`).
    const fixed = Number(magnitude.toFixed(decimals));
    return fixed === 0 ? 0 : value < 0 ? -fixed : fixed;
  }
  if (whole === 0) return 0;
  const rounded = whole / POW10[decimals]!;
  return value < 0 ? -rounded : rounded;
}
