import { describe, expect, it } from 'vitest';
import { checkComparedModels, compareModels } from '../../src/domain/comparison/compare.js';
import { compareOverall, marginLevel } from '../../src/domain/comparison/overall.js';
import { verdictSummary } from '../../src/domain/comparison/summary.js';
import type { VerdictEntry } from '../../src/domain/comparison/verdict.js';
import type { Profile } from '../../src/domain/profile/profiles.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import type { Catalog } from '../../src/domain/scoring/types.js';
import { benchmark, category, model, scores } from './fixtures/rows.js';

/** A hand-made profile with just the overall standing filled in. */
function profile(modelId: number, overall: number | null, rank: number | null): Profile {
  return {
    modelId,
    categoryScores: new Map(),
    overall,
    ranked: rank !== null,
    rank,
    categoryRanks: new Map(),
    confidence: 'LOW',
    counts: { categories: 0, benchmarks: 0 },
  };
}

describe('overall and margin', () => {
  it('TIE when equal to one decimal place, NARROW under 3, CLEAR under 10, DECISIVE from 10', () => {
    expect(marginLevel(80.04, 79.96)).toBe('TIE');
    expect(marginLevel(82.99, 80)).toBe('NARROW');
    expect(marginLevel(83, 80)).toBe('CLEAR');
    expect(marginLevel(89.99, 80)).toBe('CLEAR');
    expect(marginLevel(90, 80)).toBe('DECISIVE');
  });

  it('takes each model’s own overall and rank, and the margin between the two best ranked', () => {
    const profiles = new Map([
      [1, profile(1, 70, 3)],
      [2, profile(2, 95, null)],
      [3, profile(3, 84, 1)],
    ]);
    const overall = compareOverall([model(1), model(2), model(3), model(4)], profiles);
    expect(overall.standings).toEqual([
      { modelId: 1, overall: 70, ranked: true, rank: 3 },
      { modelId: 2, overall: 95, ranked: false, rank: null },
      { modelId: 3, overall: 84, ranked: true, rank: 1 },
      { modelId: 4, overall: null, ranked: false, rank: null },
    ]);
    expect(overall.margin).toEqual({ level: 'DECISIVE', difference: 14, leader: 3, between: [3, 1] });
  });

  it('no margin with fewer than two ranked models; a TIE has no leader', () => {
    const oneRanked = new Map([
      [1, profile(1, 70, 1)],
      [2, profile(2, 95, null)],
    ]);
    expect(compareOverall([model(1), model(2)], oneRanked).margin).toBeNull();
    const tied = new Map([
      [1, profile(1, 70.04, 1)],
      [2, profile(2, 69.96, 1)],
    ]);
    expect(compareOverall([model(2), model(1)], tied).margin).toMatchObject({
      level: 'TIE',
      leader: null,
      between: [1, 2],
    });
  });
});

describe('verdict', () => {
  const catalog: Catalog = {
    categories: [category(1, { name: 'coding' }), category(2, { name: 'math' })],
    benchmarks: [benchmark(11, 1), benchmark(21, 2)],
  };

  it('a figure fewer than two models have is NOT_ENOUGH_DATA; an exact tie is a TIE', () => {
    const effective = effectiveScores(
      scores(1, [
        [1, 11, 60],
        [2, 11, 60.04],
        [3, 11, 50],
      ]),
      'PROVISIONAL',
    );
    const models = [
      model(1, { name: 'Alpha', outputTokensPerSecond: null, timeToFirstTokenSeconds: 0.4, contextWindow: 200_000 }),
      model(2, { name: 'beta-2', outputTokensPerSecond: 50, timeToFirstTokenSeconds: null }),
      model(3, { name: 'Gamma', outputTokensPerSecond: null, timeToFirstTokenSeconds: 0.4, inputPrice: 0.5 }),
    ];
    const comparison = compareModels({ catalog, models, effective, profiles: new Map() });
    expect(comparison.verdict.entries).toEqual([
      { priority: 'CATEGORY', categoryId: 1, winner: null, outcome: 'TIE' },
      { priority: 'COST', categoryId: null, winner: 3, outcome: 'WIN' },
      { priority: 'SPEED', categoryId: null, winner: null, outcome: 'NOT_ENOUGH_DATA' },
      { priority: 'LATENCY', categoryId: null, winner: null, outcome: 'TIE' },
      { priority: 'CONTEXT', categoryId: null, winner: 1, outcome: 'WIN' },
    ]);
    // Three models: superlatives.
    expect(comparison.verdict.summary).toBe(
      'Gamma is the cheapest; Alpha has the largest context window; coding and latency are ties; ' +
        'too few models have figures to compare speed.',
    );
  });

  const names = {
    modelName: (id: number) => ['', 'o3', 'GPT-4.1'][id] ?? '?',
    categoryName: (id: number) => ['', 'coding', 'math'][id] ?? '?',
  };

  it('opens on a model name as it is spelled, and capitalises our own words', () => {
    const entries: VerdictEntry[] = [
      { priority: 'CATEGORY', categoryId: 1, winner: 1, outcome: 'WIN' },
      { priority: 'COST', categoryId: null, winner: 2, outcome: 'WIN' },
      { priority: 'SPEED', categoryId: null, winner: 2, outcome: 'WIN' },
    ];
    expect(verdictSummary(entries, names, 2)).toBe('o3 leads coding; GPT-4.1 is cheaper and is faster.');
    const tiesOnly: VerdictEntry[] = [
      { priority: 'CATEGORY', categoryId: 2, winner: null, outcome: 'TIE' },
      { priority: 'CONTEXT', categoryId: null, winner: null, outcome: 'TIE' },
    ];
    expect(verdictSummary(tiesOnly, names, 2)).toBe('Math and context are ties.');
  });

  it('mentions every entry, whatever the outcome', () => {
    const entries: VerdictEntry[] = [
      { priority: 'CATEGORY', categoryId: 1, winner: 2, outcome: 'WIN' },
      { priority: 'CATEGORY', categoryId: 2, winner: 2, outcome: 'WIN' },
      { priority: 'COST', categoryId: null, winner: 2, outcome: 'WIN' },
      { priority: 'SPEED', categoryId: null, winner: 1, outcome: 'WIN' },
      { priority: 'LATENCY', categoryId: null, winner: null, outcome: 'NOT_ENOUGH_DATA' },
      { priority: 'CONTEXT', categoryId: null, winner: 1, outcome: 'WIN' },
    ];
    expect(verdictSummary(entries, names, 2)).toBe(
      'GPT-4.1 leads coding and math, and is cheaper; o3 is faster and has the larger context window; ' +
        'too few models have figures to compare latency.',
    );
  });
});

describe('which models can be compared', () => {
  it('takes 2 to 10 distinct models', () => {
    expect(() => checkComparedModels([model(1)])).toThrow(/2 to 10 models, got 1/);
    expect(() => checkComparedModels(Array.from({ length: 11 }, (_, i) => model(i + 1)))).toThrow(/got 11/);
    expect(() => checkComparedModels([model(1), model(2), model(1)])).toThrow(/model 1/);
    expect(() => checkComparedModels(Array.from({ length: 10 }, (_, i) => model(i + 1)))).not.toThrow();
  });
});
