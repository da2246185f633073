import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Comparison, compareModels } from '../../src/domain/comparison/compare.js';
import { PRICE_DIMENSIONS, priceOf, priceRatio } from '../../src/domain/comparison/prices.js';
import type { Workload } from '../../src/domain/comparison/workload.js';
import { overallLeaderboard } from '../../src/domain/profile/leaderboard.js';
import { type Profile, computeProfiles } from '../../src/domain/profile/profiles.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import { scoresEqual } from '../../src/domain/scoring/equality.js';
import { scoreHigher } from './fixtures/equality.js';
import type { Catalog, Lane, ModelFacts } from '../../src/domain/scoring/types.js';
import { benchmark } from './fixtures/rows.js';
import {
  type Dataset,
  dataset,
  modelScores,
  propertyCatalog,
  propertyMethodology,
  workload,
} from './fixtures/arbitraries.js';

/** Effective scores, profiles and the comparison of `models` (all of the dataset's by default). */
function analyse(
  data: Dataset,
  options: { lane?: Lane; models?: readonly ModelFacts[]; catalog?: Catalog; workload?: Workload } = {},
): { profiles: Map<number, Profile>; comparison: Comparison } {
  const catalog = options.catalog ?? propertyCatalog;
  const effective = effectiveScores(data.scores, options.lane ?? 'PROVISIONAL');
  const profiles = computeProfiles(catalog, effective, propertyMethodology);
  const comparison = compareModels({
    catalog,
    models: options.models ?? data.models,
    effective,
    profiles,
    ...(options.workload === undefined ? {} : { workload: options.workload }),
  });
  return { profiles, comparison };
}

/** Sort a per-model list by model id. */
function byModel<T extends { modelId: number }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.modelId - b.modelId);
}

/** The comparison with every per-model list in model-id order, so two orders of input can be compared. */
function canonical(comparison: Comparison): unknown {
  return {
    ...comparison,
    modelIds: [...comparison.modelIds].sort((a, b) => a - b),
    categories: comparison.categories.map((c) => ({
      ...c,
      averages: byModel(c.averages),
      decisive: { ...c.decisive, readings: byModel(c.decisive.readings) },
    })),
    biggestSwing:
      comparison.biggestSwing === null
        ? null
        : { ...comparison.biggestSwing, readings: byModel(comparison.biggestSwing.readings) },
    coverage: byModel(comparison.coverage),
    overall: { ...comparison.overall, standings: byModel(comparison.overall.standings) },
    prices: { ...comparison.prices, models: byModel(comparison.prices.models) },
    workload:
      comparison.workload === null ? null : { ...comparison.workload, models: byModel(comparison.workload.models) },
    speed: { ...comparison.speed, models: byModel(comparison.speed.models) },
    latency: { ...comparison.latency, models: byModel(comparison.latency.models) },
    context: { ...comparison.context, models: byModel(comparison.context.models) },
  };
}

/** The profile fields that make up a model's own standing. */
function standing(profile: Profile | undefined): unknown {
  if (profile === undefined) return undefined;
  return { ...profile, categoryScores: [...profile.categoryScores], categoryRanks: [...profile.categoryRanks] };
}

describe('comparison properties', () => {
  it('reversing the model order only reorders the answer', () => {
    fc.assert(
      fc.property(dataset(), workload, (data, tokens) => {
        const forward = analyse(data, { workload: tokens }).comparison;
        const backward = analyse(data, { models: [...data.models].reverse(), workload: tokens }).comparison;
        expect(backward.modelIds).toEqual([...forward.modelIds].reverse());
        expect(backward.prices.models.map((m) => m.modelId)).toEqual(backward.modelIds);
        expect(canonical(backward)).toEqual(canonical(forward));
      }),
    );
  });

  it('every ratio is at least 1', () => {
    fc.assert(
      fc.property(dataset(), workload, (data, tokens) => {
        const { prices, speed, workload: costs } = analyse(data, { workload: tokens }).comparison;
        const ratios = [
          ...Object.values(prices.ratio),
          ...prices.models.flatMap((m) => Object.values(m.relative)),
          speed.ratio,
          ...(costs?.models.map((m) => m.ratio) ?? []),
        ];
        for (const ratio of ratios) if (ratio !== null) expect(ratio).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('a model’s price over the cheapest’s, times the cheapest’s over it, is 1', () => {
    fc.assert(
      fc.property(dataset(), (data) => {
        const { prices } = analyse(data).comparison;
        for (const dimension of PRICE_DIMENSIONS) {
          const priced = data.models.filter((m) => priceOf(m, dimension) !== null);
          const cheapest = priced.reduce<ModelFacts | undefined>(
            (best, m) =>
              best === undefined || (priceOf(m, dimension) ?? 0) < (priceOf(best, dimension) ?? 0) ? m : best,
            undefined,
          );
          for (const [index, m] of data.models.entries()) {
            const relative = prices.models[index]?.relative[dimension] ?? null;
            if (relative === null || cheapest === undefined) continue;
            expect(relative).toBe(priceRatio(m, cheapest, dimension));
            expect(relative * (priceRatio(cheapest, m, dimension) ?? Number.NaN)).toBeCloseTo(1, 12);
          }
          for (const a of data.models) {
            for (const b of data.models) {
              const there = priceRatio(a, b, dimension);
              const back = priceRatio(b, a, dimension);
              if (there !== null && back !== null) expect(there * back).toBeCloseTo(1, 12);
            }
          }
        }
      }),
    );
  });

  it('a category leader’s average is never below another model’s; without a leader the top two are equal', () => {
    fc.assert(
      fc.property(dataset(), (data) => {
        for (const category of analyse(data).comparison.categories) {
          const values = category.averages.map((a) => a.average).sort((a, b) => b - a);
          const [top = Number.NaN, second = Number.NaN] = values;
          expect(category.difference).toBeGreaterThanOrEqual(0);
          expect(category.difference).toBe(top - second);
          if (category.leader === null) {
            expect(scoresEqual(top, second)).toBe(true);
            continue;
          }
          const leading = category.averages.find((a) => a.modelId === category.leader)?.average ?? Number.NaN;
          for (const other of category.averages) {
            expect(leading).toBeGreaterThanOrEqual(other.average);
            if (other.modelId !== category.leader) expect(scoreHigher(leading, other.average)).toBe(true);
          }
        }
      }),
    );
  });

  it('adding a display-only benchmark never changes any average, profile or comparison', () => {
    fc.assert(
      fc.property(
        dataset(),
        fc.constantFrom(1, 2, 3),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
        (data, categoryId, values) => {
          // Its slug sorts first and its spread is wide, so it would win any tie it took part in.
          const displayOnly = benchmark(99, categoryId, { slug: 'aaa-display', weight: 0 });
          const catalog = { ...propertyCatalog, benchmarks: [...propertyCatalog.benchmarks, displayOnly] };
          const extra = data.models.map((m, index) => ({
            id: 90_000 + index,
            modelId: m.id,
            benchmarkId: 99,
            value: values[index] ?? 0,
            provenance: 'INDEPENDENT' as const,
            measuredOn: null,
            recordedAt: 0,
          }));
          const before = analyse(data);
          const after = analyse({ ...data, scores: [...data.scores, ...extra] }, { catalog });
          expect(after.comparison).toEqual(before.comparison);
          for (const m of data.models) {
            const earlier = before.profiles.get(m.id);
            // A model whose only score is display-only gains a profile, but an empty one.
            if (earlier === undefined)
              expect(after.profiles.get(m.id)).toMatchObject({
                overall: null,
                counts: { categories: 0, benchmarks: 0 },
              });
            else expect(standing(after.profiles.get(m.id))).toEqual(standing(earlier));
          }
        },
      ),
    );
  });

  it('a model with no common benchmark leaves no category compared and no category leader', () => {
    fc.assert(
      fc.property(dataset(), fc.integer({ min: 0, max: 100 }), (data, value) => {
        // Model 99 only has a display-only score, so nothing is common to all.
        const lonely = { ...data.models[0], id: 99, slug: 'model-99', name: 'Model 99' } as ModelFacts;
        const onlyDisplay = {
          id: 99_000,
          modelId: 99,
          benchmarkId: 12,
          value,
          provenance: 'INDEPENDENT' as const,
          measuredOn: null,
          recordedAt: 0,
        };
        const { comparison } = analyse(
          { models: [...data.models, lonely], scores: [...data.scores, onlyDisplay] },
          { models: [...data.models.slice(0, 2), lonely] },
        );
        expect(comparison.categoriesCompared).toBe(0);
        expect(comparison.commonBenchmarkIds).toEqual([]);
        expect(comparison.biggestSwing).toBeNull();
        expect(comparison.verdict.entries.filter((e) => e.priority === 'CATEGORY')).toEqual([]);
      }),
    );
  });

  it('VERIFIED numbers use only INDEPENDENT scores', () => {
    fc.assert(
      fc.property(dataset(), (data) => {
        const effective = effectiveScores(data.scores, 'VERIFIED');
        for (const byBenchmark of effective.values()) {
          for (const chosen of byBenchmark.values()) expect(chosen.provenance).toBe('INDEPENDENT');
        }
        const independentOnly = { ...data, scores: data.scores.filter((s) => s.provenance === 'INDEPENDENT') };
        const verified = analyse(data, { lane: 'VERIFIED' });
        const provisional = analyse(independentOnly, { lane: 'PROVISIONAL' });
        expect(verified.comparison).toEqual(provisional.comparison);
        expect([...verified.profiles.values()].map(standing)).toEqual([...provisional.profiles.values()].map(standing));
      }),
    );
  });

  it('adding a model to a comparison never changes another model’s own profile', () => {
    fc.assert(
      fc.property(dataset(3, 5), (data) => {
        const { profiles, comparison: pair } = analyse(data, { models: data.models.slice(0, 2) });
        const { comparison: all } = analyse(data);
        for (const [index, own] of pair.overall.standings.entries()) {
          expect(all.overall.standings[index]).toEqual(own);
          const profile = profiles.get(own.modelId);
          expect(own).toEqual({
            modelId: own.modelId,
            overall: profile?.overall ?? null,
            ranked: profile?.ranked ?? false,
            rank: profile?.rank ?? null,
          });
        }
      }),
    );
  });

  it('swapping two models’ data mirrors every leader and keeps every difference', () => {
    fc.assert(
      fc.property(dataset(2, 4), (data) => {
        const swap = (id: number): number => (id === 1 ? 2 : id === 2 ? 1 : id);
        const swapped: Dataset = {
          models: data.models.map((m) => ({ ...m, id: swap(m.id) })).sort((a, b) => a.id - b.id),
          scores: data.scores.map((s) => ({ ...s, modelId: swap(s.modelId) })),
        };
        const original = analyse(data).comparison;
        const mirrored = analyse(swapped).comparison;
        const mirror = (id: number | null): number | null => (id === null ? null : swap(id));
        expect(mirrored.categories.map((c) => c.categoryId)).toEqual(original.categories.map((c) => c.categoryId));
        original.categories.forEach((category, index) => {
          const other = mirrored.categories[index];
          expect(other?.leader).toBe(mirror(category.leader));
          expect(other?.difference).toBe(category.difference);
          expect(other?.decisive.benchmarkId).toBe(category.decisive.benchmarkId);
          for (const average of category.averages) {
            expect(other?.averages.find((a) => a.modelId === swap(average.modelId))?.average).toBe(average.average);
          }
        });
        expect(mirrored.biggestSwing?.spread).toBe(original.biggestSwing?.spread);
        expect(mirrored.prices.cheapest).toBe(mirror(original.prices.cheapest));
        expect(mirrored.prices.ratio).toEqual(original.prices.ratio);
        expect(mirrored.speed.fastest).toBe(mirror(original.speed.fastest));
        expect(mirrored.latency.fastest).toBe(mirror(original.latency.fastest));
        expect(mirrored.latency.difference).toBe(original.latency.difference);
        expect(mirrored.context.largest).toBe(mirror(original.context.largest));
        expect(mirrored.verdict.entries).toEqual(
          original.verdict.entries.map((e) => ({ ...e, winner: mirror(e.winner) })),
        );
      }),
    );
  });
});

describe('verdict properties', () => {
  it('the summary mentions every verdict entry', () => {
    const words = { COST: /cheap|cost/i, SPEED: /fast|speed/i, LATENCY: /latency/i, CONTEXT: /context/i } as const;
    const names = new Map(propertyCatalog.categories.map((c) => [c.id, c.name]));
    fc.assert(
      fc.property(dataset(), (data) => {
        const { entries, summary } = analyse(data).comparison.verdict;
        for (const entry of entries) {
          if (entry.priority === 'CATEGORY') expect(summary).toContain(names.get(entry.categoryId ?? -1));
          else expect(summary).toMatch(words[entry.priority]);
          if (entry.winner !== null) expect(summary).toContain(`Model ${entry.winner}`);
        }
        expect(summary).toMatch(/^[A-Z].*\.$/);
      }),
    );
  });
});

describe('profile properties', () => {
  it('rank is 1 + the number of ranked models strictly higher, and the leaderboard never goes up in rank', () => {
    fc.assert(
      fc.property(dataset(2, 5), (data) => {
        const { profiles } = analyse(data);
        const ranked = [...profiles.values()].filter((p) => p.ranked);
        for (const profile of profiles.values()) {
          if (!profile.ranked) {
            expect(profile.rank).toBeNull();
            continue;
          }
          const higher = ranked.filter((p) => scoreHigher(p.overall ?? 0, profile.overall ?? 0)).length;
          expect(profile.rank).toBe(1 + higher);
        }
        const board = overallLeaderboard(profiles, (id) => `model-${id}`);
        expect(board.map((e) => e.modelId).sort()).toEqual(ranked.map((p) => p.modelId).sort());
        board.forEach((entry, index) => {
          if (index > 0) expect(entry.rank).toBeGreaterThanOrEqual(board[index - 1]?.rank ?? 0);
        });
      }),
    );
  });

  it('scores of another model never change a model’s own category scores, overall or confidence', () => {
    fc.assert(
      fc.property(dataset(2, 4), modelScores(9, 9000), (data, extraScores) => {
        const before = analyse(data).profiles;
        const after = analyse({ ...data, scores: [...data.scores, ...extraScores] }).profiles;
        for (const [modelId, profile] of before) {
          const later = after.get(modelId);
          expect(later?.categoryScores).toEqual(profile.categoryScores);
          expect(later?.overall).toBe(profile.overall);
          expect(later?.ranked).toBe(profile.ranked);
          expect(later?.confidence).toBe(profile.confidence);
        }
      }),
    );
  });
});
