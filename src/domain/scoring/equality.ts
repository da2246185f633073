/**
 * The methodology's notion of "equal". Scores and averages are equal when they agree
 * rounded to one decimal place; prices, speeds, latencies and context windows only when
 * they are exactly equal.
 */

/**
 * Values are first snapped to this many steps per unit (5 decimals). Published scores carry
 * at most 2–3 decimals, so the snap never changes a real figure, while it absorbs the noise
 * that weighted averages leave behind (54.549999999… is the average 54.55, not 54.54).
 */
const SNAP_STEPS = 100_000;
const STEPS_PER_TENTH = SNAP_STEPS / 10;

/** The value counted in whole tenths, rounded half away from zero after absorbing float noise. */
export function tenths(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round a non-finite value (${value})`);
  // Integer arithmetic from here on, so the half-way case is decided exactly.
  const steps = Math.round(Math.abs(value) * SNAP_STEPS);
  const whole = Math.floor((steps + STEPS_PER_TENTH / 2) / STEPS_PER_TENTH);
  return value < 0 && whole !== 0 ? -whole : whole;
}

/** The value rounded to one decimal place the way equality sees it (54.549999 → 54.6). */
export function roundToTenth(value: number): number {
  return tenths(value) / 10;
}

/** Whether two scores or averages are equal: they agree rounded to one decimal place. */
export function scoresEqual(a: number, b: number): boolean {
  return tenths(a) === tenths(b);
}

/** Whether score `a` is strictly higher than `b`: higher and not equal under the one-decimal rule. */
export function scoreHigher(a: number, b: number): boolean {
  return tenths(a) > tenths(b);
}

/** Sort comparator putting higher scores first and treating one-decimal-equal scores as a tie (0). */
export function byScoreDescending(a: number, b: number): number {
  return tenths(b) - tenths(a);
}

/** Whether two prices, speeds, latencies or context windows are equal: exactly, with no tolerance. */
export function figuresEqual(a: number, b: number): boolean {
  return a === b;
}
