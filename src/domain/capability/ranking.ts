import { MIN_RANKED_SCORES, type CapabilityEstimate } from './types.js';

/** A ranked model: its estimate, its rank and the bounds of that rank. */
export interface CapabilityRank extends CapabilityEstimate {
  rank: number;
  /** 1 + the ranked models whose interval lies wholly above this one's. */
  bestRank: number;
  /** The ranked models whose interval does not lie wholly below this one's, itself included. */
  worstRank: number;
}

/** Snap to this many steps per unit first, so float noise cannot decide a rounding (as equality.ts). */
const SNAP_STEPS = 100_000;
const STEPS_PER_HUNDREDTH = SNAP_STEPS / 100;

/** θ counted in whole hundredths, rounded half away from zero: the precision ranks compare at. */
export function hundredths(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round a non-finite value (${value})`);
  const steps = Math.round(Math.abs(value) * SNAP_STEPS);
  const whole = Math.floor((steps + STEPS_PER_HUNDREDTH / 2) / STEPS_PER_HUNDREDTH);
  return value < 0 && whole !== 0 ? -whole : whole;
}

/** Whether two 95 % intervals overlap: the models are statistically tied. */
export function intervalsOverlap(a: CapabilityEstimate, b: CapabilityEstimate): boolean {
  return a.lower <= b.upper && b.lower <= a.upper;
}

/** How many of the ascending `sorted` values are strictly greater than `value`. */
function countAbove(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return sorted.length - low;
}

/** How many of the ascending `sorted` values are at least `value`. */
function countAtLeast(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! >= value) high = mid;
    else low = mid + 1;
  }
  return sorted.length - low;
}

/**
 * The capability ranking (METHODOLOGY §6): the models with at least 5 scores in the fit, by θ
 * (highest first), then model id. Rank is 1 + the ranked models with a strictly higher θ to 2
 * decimals; the bounds count whole intervals above and below. Sorted counts make it O(n log n).
 */
export function rankCapabilities(estimates: readonly CapabilityEstimate[]): CapabilityRank[] {
  const ranked = estimates.filter((estimate) => estimate.scores >= MIN_RANKED_SCORES);
  const keys = Float64Array.from(ranked, (estimate) => hundredths(estimate.theta)).sort();
  const lowers = Float64Array.from(ranked, (estimate) => estimate.lower).sort();
  const uppers = Float64Array.from(ranked, (estimate) => estimate.upper).sort();
  return ranked
    .map((estimate) => ({
      ...estimate,
      rank: 1 + countAbove(keys, hundredths(estimate.theta)),
      // Wholly above: its lower end is above this upper end; not wholly below: its upper end reaches this lower end.
      bestRank: 1 + countAbove(lowers, estimate.upper),
      worstRank: countAtLeast(uppers, estimate.lower),
    }))
    .sort((a, b) => b.theta - a.theta || a.modelId - b.modelId);
}

/** The ranked models statistically tied with `modelId` (intervals overlap), in ranking order; [] when unranked. */
export function statisticallyTied(ranking: readonly CapabilityRank[], modelId: number): number[] {
  const self = ranking.find((entry) => entry.modelId === modelId);
  if (self === undefined) return [];
  return ranking
    .filter((entry) => entry.modelId !== modelId && intervalsOverlap(self, entry))
    .map((entry) => entry.modelId);
}
