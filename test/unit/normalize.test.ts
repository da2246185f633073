import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/domain/scoring/normalize.js';
import { benchmark } from './fixtures/rows.js';

describe('normalize', () => {
  it('keeps a percent value bit for bit', () => {
    for (const value of [0, 23.6, 54.6, 87.4, 100, 66.30000000000001]) {
      expect(normalize(value, benchmark(1, 1))).toBe(value);
    }
  });

  it('maps another scale onto 0..100', () => {
    const elo = benchmark(1, 1, { scaleMin: 1000, scaleMax: 2000 });
    expect(normalize(1500, elo)).toBe(50);
    expect(normalize(1000, elo)).toBe(0);
    expect(normalize(2000, elo)).toBe(100);
    expect(normalize(8.78, benchmark(2, 1, { scaleMin: 0, scaleMax: 10 }))).toBeCloseTo(87.8, 10);
  });

  it('turns a lower-is-better value into 100 − n', () => {
    expect(normalize(12.2, benchmark(1, 1, { higherIsBetter: false }))).toBeCloseTo(87.8, 10);
    const seconds = benchmark(2, 1, { higherIsBetter: false, scaleMin: 0, scaleMax: 60 });
    expect(normalize(15, seconds)).toBe(75);
  });

  it('refuses an empty or inverted scale, naming the benchmark', () => {
    expect(() => normalize(1, benchmark(1, 1, { slug: 'flat', scaleMin: 5, scaleMax: 5 }))).toThrow(/flat/);
    expect(() => normalize(1, benchmark(1, 1, { scaleMin: 100, scaleMax: 0 }))).toThrow(RangeError);
  });
});
