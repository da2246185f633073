/**
 * The capability index on the frozen copy of the bundled data (test/fixtures/data-2026-11): what a
 * reader expects of it, produced by the fit as METHODOLOGY §6 specifies it, with no tuning.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capabilityEstimates, estimateOf } from '../../src/domain/capability/estimates.js';
import { fitCapability } from '../../src/domain/capability/fit.js';
import { categoryBaseline, heldOutCheck } from '../../src/domain/capability/held-out.js';
import { observationPool } from '../../src/domain/capability/observations.js';
import { participate } from '../../src/domain/capability/participation.js';
import { rankCapabilities } from '../../src/domain/capability/ranking.js';
import { computeProfiles } from '../../src/domain/profile/profiles.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import { readJsonDataset } from './fixtures/dataset-json.js';

const dataset = readJsonDataset(fileURLToPath(new URL('../fixtures/data-2026-11', import.meta.url)));
const pool = observationPool(dataset.catalog, dataset.scores, 'PROVISIONAL');
const fit = fitCapability(participate(pool));
const ranking = rankCapabilities(capabilityEstimates(fit));
const rankOf = (slug: string): number | undefined => ranking.find((r) => r.modelId === dataset.modelId(slug))?.rank;

describe('the capability index of the frozen bundled data (PROVISIONAL)', () => {
  it('converges within the round limit', () => {
    expect(fit.converged).toBe(true);
    expect(fit.data.modelIds.length).toBe(105);
    expect(fit.data.byModelY.length).toBe(1154);
  });

  it('places GPT-5 in the top 3', () => {
    expect(rankOf('gpt-5')).toBeLessThanOrEqual(3);
  });

  it('ranks Grok 3 Mini below GPT-5', () => {
    expect(rankOf('grok-3-mini')).toBeGreaterThan(rankOf('gpt-5')!);
  });

  it('ranks every model released after 2025-06-30 that has 5+ scores in the fit', () => {
    const recent = dataset.models.filter((m) => m.releaseDate !== null && m.releaseDate > '2025-06-30');
    const rankable = recent.filter((m) => (estimateOf(fit, m.id)?.scores ?? 0) >= 5);
    expect(rankable.length).toBeGreaterThan(10);
    for (const model of rankable) expect(rankOf(model.slug), model.slug).toBeDefined();
  });

  it('predicts held-out scores with an RMSE at least 30 % below the category-score baseline', () => {
    const check = heldOutCheck(pool);
    expect(check.evaluated + check.outOfFit + check.withoutBaseline).toBe(fit.data.byModelY.length);
    expect(check.evaluated).toBeGreaterThan(500);
    expect(check.fitRmse!).toBeLessThan(0.7 * check.baselineRmse!);
  });
});

describe('the held-out baseline', () => {
  it('is the §3 category score: with nothing held out it matches computeProfiles, divided by 100', () => {
    const profiles = computeProfiles(
      dataset.catalog,
      effectiveScores(dataset.scores, 'PROVISIONAL'),
      // Category scores do not depend on the ranking thresholds or the category weights.
      { version: 'test', minBenchmarks: 8, minCategories: 2, categoryWeights: new Map() },
    );
    const baseline = categoryBaseline(pool);
    let compared = 0;
    for (let i = 0; i < pool.y.length; i++) {
      const modelId = pool.modelIds[pool.model[i]!]!;
      const categoryScore = profiles.get(modelId)?.categoryScores.get(pool.benchmarks[pool.benchmark[i]!]!.categoryId);
      if (categoryScore === undefined) {
        expect(baseline[i]).toBeNaN();
      } else {
        expect(baseline[i]).toBeCloseTo(categoryScore / 100, 12);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(800);
  });
});

describe('the VERIFIED lane of the frozen data', () => {
  it('fits the independent scores only', () => {
    const verified = fitCapability(participate(observationPool(dataset.catalog, dataset.scores, 'VERIFIED')));
    expect(verified.converged).toBe(true);
    expect(verified.data.byModelY.length).toBeLessThan(fit.data.byModelY.length);
    // GPT-5 has no independent score on 3+ benchmarks of 3+ independent scores here: no estimate.
    expect(estimateOf(verified, dataset.modelId('gpt-5'))).toBeNull();
  });
});

describe('the held-out check on the bundled data of the day (data/, which grows)', () => {
  it('predicts held-out scores with an RMSE at least 30 % below the category-score baseline', () => {
    const today = readJsonDataset(fileURLToPath(new URL('../../data', import.meta.url)));
    const check = heldOutCheck(observationPool(today.catalog, today.scores, 'PROVISIONAL'));
    expect(check.evaluated).toBeGreaterThan(500);
    expect(check.fitRmse!).toBeLessThan(0.7 * check.baselineRmse!);
  });
});
