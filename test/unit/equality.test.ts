import { describe, expect, it } from 'vitest';
import { byScoreDescending, figuresEqual, scoresEqual, tenths } from '../../src/domain/scoring/equality.js';
import { roundToTenth, scoreHigher } from './fixtures/equality.js';

describe('one-decimal equality for scores and averages', () => {
  it('treats float noise at a half-way point as the half-way value (54.55 vs 54.549999)', () => {
    expect(scoresEqual(54.55, 54.549999)).toBe(true);
    expect(scoresEqual(54.55, 54.549999999999997)).toBe(true);
    expect(roundToTenth(54.549999)).toBe(54.6);
    expect(roundToTenth((54.5 + 54.6) / 2)).toBe(54.6);
  });

  it('rounds half away from zero, exactly at the half-way point', () => {
    expect(tenths(0.05)).toBe(1);
    expect(tenths(0.15)).toBe(2);
    expect(tenths(1.25)).toBe(13);
    expect(tenths(-0.05)).toBe(-1);
    expect(tenths(-0.04)).toBe(0);
    expect(Object.is(tenths(-0.04), 0)).toBe(true);
  });

  it('tells apart values that differ at one decimal place', () => {
    expect(scoresEqual(54.55, 54.54)).toBe(false);
    expect(scoresEqual(54.5499, 54.55)).toBe(false);
    expect(scoresEqual(80.04, 79.96)).toBe(true);
    expect(scoresEqual(0.1 + 0.2, 0.3)).toBe(true);
  });

  it('"strictly higher" means higher and not equal to one decimal place', () => {
    expect(scoreHigher(80.04, 79.96)).toBe(false);
    expect(scoreHigher(80.06, 79.96)).toBe(true);
    expect(scoreHigher(79.96, 80.06)).toBe(false);
    expect(byScoreDescending(80.04, 79.96)).toBe(0);
    expect(byScoreDescending(70, 80)).toBeGreaterThan(0);
  });

  it('refuses non-finite values instead of calling them equal or unequal', () => {
    expect(() => tenths(Number.NaN)).toThrow(RangeError);
    expect(() => scoresEqual(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });

  it('compares prices, speeds, latencies and context windows exactly', () => {
    expect(figuresEqual(0.4, 0.4)).toBe(true);
    expect(figuresEqual(0.1 + 0.2, 0.3)).toBe(false);
    expect(figuresEqual(1_047_576, 1_047_577)).toBe(false);
  });
});
