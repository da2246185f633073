/**
 * The methodology's notion of "equal". Scores and averages are equal when they agree
 * rounded to one decimal place; prices, speeds, latencies and context windows only when
 * they are exactly equal.
 */
import type { SqlTag } from '../sql-twin.js';

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

/**
 * `tenths()` in SQL, its twin (test/integration/rule-twins.test.ts runs both on the same rows): the
 * same float8 operations, so both agree on every score. `floor(x + 0.5)` is `Math.round` here: they
 * differ only at 0.49999999999999994 steps, which still make 0 tenths. Neither PostgreSQL's `round()`
 * of a float8 (half to even) nor a cast to numeric (15 significant digits) would agree.
 */
export function tenthsSql<F>(tag: SqlTag<F>, value: F): F {
  // Literals, not parameters: 100000 is SNAP_STEPS, 10000 STEPS_PER_TENTH and 5000 half of it.
  return tag`(sign((${value})::float8) * floor((floor(abs((${value})::float8) * 100000 + 0.5) + 5000) / 10000))::int`;
}

/** Whether two scores or averages are equal: they agree rounded to one decimal place. */
export function scoresEqual(a: number, b: number): boolean {
  return tenths(a) === tenths(b);
}

/** Sort comparator putting higher scores first and treating one-decimal-equal scores as a tie (0). */
export function byScoreDescending(a: number, b: number): number {
  return tenths(b) - tenths(a);
}

/** Whether two prices, speeds, latencies or context windows are equal: exactly, with no tolerance. */
export function figuresEqual(a: number, b: number): boolean {
  return a === b;
}
