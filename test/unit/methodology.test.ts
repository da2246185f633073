import { describe, expect, it } from 'vitest';
import {
  METHODOLOGY_VERSION,
  defaultCategoryWeight,
  defaultMethodology,
} from '../../src/resolvers/scoring/methodology.js';
import { category } from './fixtures/rows.js';

describe('methodology', () => {
  it('builds the default methodology from the categories’ own weights', () => {
    const methodology = defaultMethodology([category(1, { weight: 20 }), category(2, { weight: 12 })]);
    expect(methodology.version).toBe(METHODOLOGY_VERSION);
    expect(methodology.minBenchmarks).toBe(8);
    expect(methodology.minCategories).toBe(2);
    expect([...methodology.categoryWeights]).toEqual([
      [1, 20],
      [2, 12],
    ]);
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
