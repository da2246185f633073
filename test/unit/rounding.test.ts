import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_DECIMALS, PRICE_DECIMALS, roundHalfAwayFromZero } from '../../src/domain/rounding.js';

/** How many decimals `String(n)` shows, exponent notation included (5e-7 has 7, 1e+21 none). */
function decimalsShown(n: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(n)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** `units / 10^shift` rounded half away from zero to `shift - drop` decimals, exactly (BigInt), as the nearest double. */
function exactRounding(units: bigint, drop: number, decimals: number): number {
  const divisor = 10n ** BigInt(drop);
  const magnitude = units < 0n ? -units : units;
  const whole = (magnitude * 2n + divisor) / (divisor * 2n);
  const rounded = Number(whole) / 10 ** decimals;
  return units < 0n && whole !== 0n ? -rounded : rounded;
}

const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const decimals = fc.integer({ min: 0, max: 10 });

describe('roundHalfAwayFromZero (METHODOLOGY.md §7)', () => {
  it('rounds prices to 6 decimals and every other figure to 4', () => {
    expect(PRICE_DECIMALS).toBe(6);
    expect(FIGURE_DECIMALS).toBe(4);
  });

  it('reads float noise as the decimal number it stands for', () => {
    expect(roundHalfAwayFromZero(0.7000000000000001, 4)).toBe(0.7);
    expect(roundHalfAwayFromZero(4.999999999999999, 4)).toBe(5);
    expect(roundHalfAwayFromZero(4.999999999999999, 0)).toBe(5);
    expect(roundHalfAwayFromZero(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundHalfAwayFromZero(Number('54.549999999999997'), 4)).toBe(54.55);
    expect(roundHalfAwayFromZero(Number('54.549999999999997'), 1)).toBe(54.6);
    expect(roundHalfAwayFromZero((54.6 + 54.5) / 2, 1)).toBe(54.6);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAwayFromZero(8 / 1.6, 4)).toBe(5);
    expect(roundHalfAwayFromZero(108 / 80, 4)).toBe(1.35);
    expect(roundHalfAwayFromZero(1.02 - 0.76, 4)).toBe(0.26);
    // A workload cost: 1,234,567 tokens at $0.50 per million is $0.6172835, half-way at 6 decimals.
    expect(roundHalfAwayFromZero((1_234_567 * 0.5) / 1e6, 6)).toBe(0.617284);
    expect(roundHalfAwayFromZero((123_457 * 0.075) / 1e6, 6)).toBe(0.009259);
  });

  it('takes half-way cases away from zero', () => {
    expect(roundHalfAwayFromZero(0.00005, 4)).toBe(0.0001);
    expect(roundHalfAwayFromZero(-0.00005, 4)).toBe(-0.0001);
    expect(roundHalfAwayFromZero(0.0000005, 6)).toBe(0.000001);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(0.5, 0)).toBe(1);
    expect(roundHalfAwayFromZero(1.5, 0)).toBe(2);
    expect(roundHalfAwayFromZero(0.12345, 4)).toBe(0.1235);
    expect(roundHalfAwayFromZero(0.123449, 4)).toBe(0.1234);
  });

  it('keeps what needs no rounding, and never returns -0', () => {
    expect(roundHalfAwayFromZero(31, 4)).toBe(31);
    expect(roundHalfAwayFromZero(2.1, 4)).toBe(2.1);
    expect(roundHalfAwayFromZero(0.000001, 6)).toBe(0.000001);
    expect(roundHalfAwayFromZero(0.00000049, 6)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.00000049, 6), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 4), 0)).toBe(true);
  });

  it('handles large magnitudes without leaving exact integer arithmetic', () => {
    expect(roundHalfAwayFromZero(60_000_000.1234567, 6)).toBe(60_000_000.123457);
    expect(roundHalfAwayFromZero(1_234_567.891, 4)).toBe(1_234_567.891);
    expect(roundHalfAwayFromZero(Number.MAX_SAFE_INTEGER, 4)).toBe(Number.MAX_SAFE_INTEGER);
    expect(roundHalfAwayFromZero(-(2 ** 60), 6)).toBe(-(2 ** 60));
    expect(roundHalfAwayFromZero(1e20, 4)).toBe(1e20);
    expect(roundHalfAwayFromZero(Number.MAX_VALUE, 6)).toBe(Number.MAX_VALUE);
    expect(decimalsShown(roundHalfAwayFromZero(Number('123456789.123456789'), 4))).toBeLessThanOrEqual(4);
    expect(roundHalfAwayFromZero(5e-324, 4)).toBe(0);
  });

  it('returns NaN and ±Infinity unchanged: they have no decimals to round', () => {
    expect(roundHalfAwayFromZero(NaN, 4)).toBeNaN();
    expect(roundHalfAwayFromZero(Infinity, 6)).toBe(Infinity);
    expect(roundHalfAwayFromZero(-Infinity, 4)).toBe(-Infinity);
  });

  it('refuses a number of decimals it cannot honour', () => {
    for (const bad of [-1, 1.5, 11, NaN]) expect(() => roundHalfAwayFromZero(1, bad)).toThrow(RangeError);
  });

  it('shows at most the asked decimals, for every finite double', () => {
    fc.assert(
      fc.property(anyDouble, decimals, (value, d) => {
        expect(decimalsShown(roundHalfAwayFromZero(value, d))).toBeLessThanOrEqual(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric around zero', () => {
    fc.assert(
      fc.property(anyDouble, decimals, (value, d) => {
        expect(roundHalfAwayFromZero(-value, d) + 0).toBe(-roundHalfAwayFromZero(value, d) + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyDouble, decimals, (value, d) => {
        const once = roundHalfAwayFromZero(value, d);
        expect(roundHalfAwayFromZero(once, d)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('moves a value by at most half a unit of the last decimal kept', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), decimals, (value, d) => {
        const bound = 0.55 * 10 ** -d + Math.abs(value) * 2 ** -50;
        expect(Math.abs(roundHalfAwayFromZero(value, d) - value)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 2000 },
    );
  });

  it('never reverses the order of two values', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, decimals, (a, b, d) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(roundHalfAwayFromZero(low, d)).toBeLessThanOrEqual(roundHalfAwayFromZero(high, d));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds a decimal with up to 3 digits more as that decimal, exactly (the 1.005 case)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (units, d, drop) => {
          const value = Number(units) / 10 ** (d + drop);
          expect(roundHalfAwayFromZero(value, d)).toBe(exactRounding(units, drop, d));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rounds a sum or a product of decimals to the decimal result (the 0.7000000000000001 case)', () => {
    const cents = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(roundHalfAwayFromZero(a / 100 + b / 100, 4)).toBe((a + b) / 100);
        expect(roundHalfAwayFromZero((a / 100) * (b / 100), 4)).toBe(exactRounding(BigInt(a) * BigInt(b), 0, 4));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('roundHalfAwayFromZero beyond the snap range', () => {
  it('rounds values too large to snap (a counterexample fast-check found) to the asked decimals', () => {
    expect(roundHalfAwayFromZero(458964331556693.94, 1)).toBe(458964331556693.9);
    expect(roundHalfAwayFromZero(-458964331556693.94, 1)).toBe(-458964331556693.9);
    expect(String(roundHalfAwayFromZero(4503599627370495.5, 0))).toBe('4503599627370496');
  });
});
