import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../src/domain/profile/confidence.js';
import { categoryLeaderboard, overallLeaderboard } from '../../src/domain/profile/leaderboard.js';
import { type Profile, computeProfiles } from '../../src/domain/profile/profiles.js';
import { competitionRanks, isEligible } from '../../src/domain/profile/ranking.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import { defaultMethodology } from './fixtures/methodology.js';
import type { Catalog, Methodology } from '../../src/domain/scoring/types.js';
import { benchmark, category, scores } from './fixtures/rows.js';

// Category 1 weighs 20 (benchmarks 11 w1, 12 w3, 13 display-only), category 2 weighs 12
// (21–24, w1 each), category 3 weighs 5 (31 w1, 32 w1, 33 w2).
const catalog: Catalog = {
  categories: [category(1, { weight: 20 }), category(2, { weight: 12 }), category(3, { weight: 5 })],
  benchmarks: [
    benchmark(11, 1),
    benchmark(12, 1, { weight: 3 }),
    benchmark(13, 1, { weight: 0 }),
    benchmark(21, 2),
    benchmark(22, 2),
    benchmark(23, 2),
    benchmark(24, 2),
    benchmark(31, 3),
    benchmark(32, 3),
    benchmark(33, 3, { weight: 2 }),
  ],
};
const methodology = defaultMethodology(catalog.categories);

/** Profiles of the given [modelId, benchmarkId, value] rows. */
function profilesOf(
  rows: readonly [number, number, number][],
  rules: Methodology = methodology,
  override?: ReadonlyMap<number, number>,
): Map<number, Profile> {
  return computeProfiles(catalog, effectiveScores(scores(1, rows), 'PROVISIONAL'), rules, override);
}

/** The profile of one model; fails the test when there is none. */
function profileOf(profiles: ReadonlyMap<number, Profile>, modelId: number): Profile {
  const profile = profiles.get(modelId);
  if (profile === undefined) throw new Error(`no profile for model ${modelId}`);
  return profile;
}

const slugOf = (modelId: number): string => ({ 1: 'zeta', 2: 'alpha', 3: 'mid', 4: 'beta' })[modelId] ?? `m${modelId}`;

describe('category score and overall score', () => {
  const rows: [number, number, number][] = [
    [1, 11, 40],
    [1, 12, 80],
    [1, 13, 0],
    [1, 21, 50],
  ];

  it('weight-averages the normalised scores of weight > 0 benchmarks; display-only ones never count', () => {
    const profile = profileOf(profilesOf(rows), 1);
    expect(profile.categoryScores.get(1)).toBe(70);
    expect(profile.categoryScores.get(2)).toBe(50);
    expect(profile.categoryScores.has(3)).toBe(false);
    expect(profile.counts).toEqual({ categories: 2, benchmarks: 3 });
  });

  it('weight-averages category scores, renormalised over the categories the model has', () => {
    expect(profileOf(profilesOf(rows), 1).overall).toBe((20 * 70 + 12 * 50) / 32);
  });

  it('uses the lane’s weights, falling back to the category’s own weight', () => {
    const lane = { ...methodology, categoryWeights: new Map([[1, 1]]) };
    expect(profileOf(profilesOf(rows, lane), 1).overall).toBeCloseTo((1 * 70 + 12 * 50) / 13, 12);
  });

  it('an override replaces the lane’s weights; a category it leaves out weighs 0', () => {
    expect(profileOf(profilesOf(rows, methodology, new Map([[2, 1]])), 1).overall).toBe(50);
    expect(
      profileOf(
        profilesOf(
          rows,
          methodology,
          new Map([
            [1, 3],
            [2, 1],
          ]),
        ),
        1,
      ).overall,
    ).toBe((3 * 70 + 50) / 4);
  });

  it('an override weighing every scored category 0 leaves no overall, so the model cannot be ranked', () => {
    const many: [number, number, number][] = [11, 12, 21, 22, 23, 24, 31, 32].map((id) => [1, id, 60]);
    expect(profileOf(profilesOf(many), 1).ranked).toBe(true);
    const zeroed = profileOf(profilesOf(many, methodology, new Map([[3, 0]])), 1);
    expect(zeroed.overall).toBeNull();
    expect(zeroed.ranked).toBe(false);
    expect(zeroed.rank).toBeNull();
  });

  it('refuses a negative or non-finite override weight, naming the category', () => {
    expect(() => profilesOf(rows, methodology, new Map([[2, -1]]))).toThrow(/category 2/);
    expect(() => profilesOf(rows, methodology, new Map([[1, Number.NaN]]))).toThrow(RangeError);
  });
});

describe('ranked or unranked', () => {
  it('ranks a model with 8 weight > 0 benchmarks in 2+ categories, not one with 7', () => {
    const eight: [number, number, number][] = [11, 12, 21, 22, 23, 24, 31, 32].map((id) => [1, id, 60]);
    const seven: [number, number, number][] = [11, 12, 21, 22, 23, 24, 31].map((id) => [2, id, 90]);
    const profiles = profilesOf([...eight, ...seven]);
    expect(profileOf(profiles, 1)).toMatchObject({ ranked: true, rank: 1 });
    // Unranked: the profile and scores show, there is no rank, and it pushes nobody down.
    expect(profileOf(profiles, 2)).toMatchObject({ ranked: false, rank: null });
    expect(profileOf(profiles, 2).overall).toBe(90);
  });

  it('display-only benchmarks do not count towards the threshold', () => {
    const withDisplayOnly: [number, number, number][] = [11, 13, 21, 22, 23, 24, 31, 32].map((id) => [1, id, 60]);
    expect(profileOf(profilesOf(withDisplayOnly), 1).ranked).toBe(false);
  });

  it('needs minCategories categories: 4 benchmarks in one category are not enough', () => {
    const rules = { ...methodology, minBenchmarks: 4, minCategories: 2 };
    const oneCategory: [number, number, number][] = [21, 22, 23, 24].map((id) => [1, id, 60]);
    const twoCategories: [number, number, number][] = [11, 21, 22, 23].map((id) => [2, id, 60]);
    const profiles = profilesOf([...oneCategory, ...twoCategories], rules);
    expect(profileOf(profiles, 1).ranked).toBe(false);
    expect(profileOf(profiles, 2).ranked).toBe(true);
  });
});

describe('rank', () => {
  const rules = { ...methodology, minBenchmarks: 2, minCategories: 1 };
  // Models 1 and 2 are equal to one decimal place (80.04 and 79.96 both read 80.0).
  const rows: [number, number, number][] = [
    [1, 21, 80.04],
    [1, 22, 80.04],
    [2, 21, 79.96],
    [2, 22, 79.96],
    [3, 21, 70],
    [3, 22, 70],
    [4, 21, 99],
  ];

  it('ties share a rank: 1, 1, 3', () => {
    const profiles = profilesOf(rows, rules);
    expect([1, 2, 3].map((id) => profileOf(profiles, id).rank)).toEqual([1, 1, 3]);
  });

  it('unranked models have no rank, however high their score', () => {
    expect(profileOf(profilesOf(rows, rules), 4)).toMatchObject({ ranked: false, rank: null, overall: 99 });
  });

  it('competitionRanks counts strictly higher scores only', () => {
    const ranks = competitionRanks(
      new Map([
        [1, 50],
        [2, 60],
        [3, 60.04],
        [4, 40],
        [5, 59.96],
      ]),
    );
    expect(Object.fromEntries(ranks)).toEqual({ 1: 4, 2: 1, 3: 1, 4: 5, 5: 1 });
  });

  it('the overall leaderboard lists ranked models by score, then slug among ties', () => {
    const board = overallLeaderboard(profilesOf(rows, rules), slugOf);
    expect(board.map((entry) => [slugOf(entry.modelId), entry.rank])).toEqual([
      ['alpha', 1],
      ['zeta', 1],
      ['mid', 3],
    ]);
    expect(board[0]?.score).toBeCloseTo(79.96, 10);
  });
});

describe('category rank and eligibility', () => {
  it('eligible at exactly half the category’s total benchmark weight, not below', () => {
    // Category 3 weighs 1 + 1 + 2 = 4 in total.
    const profiles = profilesOf([
      [1, 33, 70],
      [2, 31, 90],
      [3, 31, 60],
      [3, 32, 60],
    ]);
    expect(profileOf(profiles, 1).categoryRanks.get(3)).toBe(1);
    // Model 2 has the best category score but covers only a quarter of the weight: no category rank.
    expect(profileOf(profiles, 2).categoryScores.get(3)).toBe(90);
    expect(profileOf(profiles, 2).categoryRanks.has(3)).toBe(false);
    expect(profileOf(profiles, 3).categoryRanks.get(3)).toBe(2);
  });

  it('the total counts weight > 0 benchmarks only (display-only scores add nothing)', () => {
    // Category 1 weighs 1 + 3 = 4: benchmark 11 alone (plus display-only 13) is a quarter.
    const profiles = profilesOf([
      [1, 11, 90],
      [1, 13, 90],
      [2, 12, 50],
    ]);
    expect(profileOf(profiles, 1).categoryRanks.has(1)).toBe(false);
    expect(profileOf(profiles, 2).categoryRanks.get(1)).toBe(1);
  });

  it('isEligible absorbs float noise in fractional weights and rejects an empty category', () => {
    expect(isEligible(0.3, 0.1 + 0.2 + 0.3)).toBe(true);
    expect(isEligible(0.29, 0.6)).toBe(false);
    expect(isEligible(0, 0)).toBe(false);
  });

  it('the category leaderboard lists eligible models (ranked overall or not) by score, then slug', () => {
    const profiles = profilesOf([
      [1, 21, 50],
      [1, 22, 50],
      [2, 21, 70],
      [2, 22, 70],
      [3, 21, 99],
      [4, 21, 69.96],
      [4, 22, 70.04],
    ]);
    const board = categoryLeaderboard(profiles, 2, slugOf);
    expect(board.map((entry) => [entry.modelId, entry.rank])).toEqual([
      [2, 1],
      [4, 1],
      [1, 3],
    ]);
    // Leader and runner-up are the first two entries.
    expect(board.slice(0, 2).map((entry) => slugOf(entry.modelId))).toEqual(['alpha', 'beta']);
    expect(categoryLeaderboard(profiles, 1, slugOf)).toEqual([]);
  });
});

describe('confidence', () => {
  it('HIGH needs 7+ categories and 20+ benchmarks', () => {
    expect(confidenceOf(7, 20)).toBe('HIGH');
    expect(confidenceOf(7, 19)).toBe('GOOD');
    expect(confidenceOf(6, 40)).toBe('GOOD');
  });

  it('GOOD needs 5+ and 12+', () => {
    expect(confidenceOf(5, 12)).toBe('GOOD');
    expect(confidenceOf(5, 11)).toBe('MODERATE');
    expect(confidenceOf(4, 12)).toBe('MODERATE');
  });

  it('MODERATE needs 3+ and 8+, else LOW', () => {
    expect(confidenceOf(3, 8)).toBe('MODERATE');
    expect(confidenceOf(3, 7)).toBe('LOW');
    expect(confidenceOf(2, 8)).toBe('LOW');
    expect(confidenceOf(0, 0)).toBe('LOW');
  });

  it('a profile counts categories with a score and weight > 0 benchmarks with a score', () => {
    const rows: [number, number, number][] = [11, 12, 13, 21, 22, 23, 24, 31].map((id) => [1, id, 60]);
    const profile = profileOf(profilesOf(rows), 1);
    expect(profile.counts).toEqual({ categories: 3, benchmarks: 7 });
    expect(profile.confidence).toBe('LOW');
    const more = profileOf(profilesOf([...rows, [1, 32, 60]]), 1);
    expect(more.counts).toEqual({ categories: 3, benchmarks: 8 });
    expect(more.confidence).toBe('MODERATE');
  });
});
