import { describe, expect, it } from 'vitest';
import {
  METHODOLOGY_VERSION,
  defaultCategoryWeight,
  methodologyOf,
  methodologyVersionName,
} from '../../src/domain/scoring/methodology.js';
import { defaultMethodology } from './fixtures/methodology.js';
import { category } from './fixtures/rows.js';

describe('methodology', () => {
  it('builds the default methodology from the categories’ own weights', () => {
    const methodology = defaultMethodology([category(1, { weight: 20 }), category(2, { weight: 12 })]);
    // Version 0: the rules of METHODOLOGY_VERSION before any recorded update of weights or thresholds.
    expect(methodology.version).toBe(`${METHODOLOGY_VERSION}.0`);
    expect(methodology.minBenchmarks).toBe(8);
    expect(methodology.minCategories).toBe(2);
    expect([...methodology.categoryWeights]).toEqual([
      [1, 20],
      [2, 12],
    ]);
  });

  it('names later versions by their update count, and keeps their thresholds', () => {
    const methodology = methodologyOf([category(1, { weight: 3 })], { version: 4, minBenchmarks: 5, minCategories: 1 });
    expect(methodology.version).toBe(methodologyVersionName(4));
    expect(methodologyVersionName(4)).toBe(`${METHODOLOGY_VERSION}.4`);
    expect([methodology.minBenchmarks, methodology.minCategories]).toEqual([5, 1]);
    expect([...methodology.categoryWeights]).toEqual([[1, 3]]);
  });

  it('knows the §3 default weights, and 5 for any other category', () => {
    expect(defaultCategoryWeight('agentic')).toBe(22);
    expect(defaultCategoryWeight('coding')).toBe(20);
    expect(defaultCategoryWeight('reasoning')).toBe(17);
    expect(defaultCategoryWeight('multimodal')).toBe(12);
    expect(defaultCategoryWeight('knowledge')).toBe(12);
    expect(defaultCategoryWeight('multilingual')).toBe(7);
    expect(defaultCategoryWeight('instruction-following')).toBe(5);
    expect(defaultCategoryWeight('math')).toBe(5);
    expect(defaultCategoryWeight('safety')).toBe(5);
    expect(defaultCategoryWeight('toString')).toBe(5);
  });
});
