import { aggregatedBenchmarksByCategory, totalWeight } from '../scoring/catalog.js';
import type { EffectiveScores } from '../scoring/effective.js';
import type { Catalog, Methodology } from '../scoring/types.js';
import { coveredWeight, weightedAverage } from './category-score.js';
import { type Confidence, confidenceOf } from './confidence.js';
import { overallScore, resolveCategoryWeights } from './overall.js';
import { competitionRanks, isEligible, meetsRankingThreshold } from './ranking.js';

/** A model's own standing (METHODOLOGY §3), independent of any comparison it appears in. */
export interface Profile {
  modelId: number;
  /** Category id → category score, only for categories where the model has one. */
  categoryScores: ReadonlyMap<number, number>;
  overall: number | null;
  ranked: boolean;
  /** Null when the model is tracked but unranked. */
  rank: number | null;
  /** Category id → rank among the eligible models, only where this model is eligible. */
  categoryRanks: ReadonlyMap<number, number>;
  confidence: Confidence;
  counts: {
    /** Categories with a category score. */
    categories: number;
    /** Weight > 0 benchmarks with an effective score. */
    benchmarks: number;
  };
}

/**
 * Every model's profile in the lane the effective scores were picked for. `override` (category
 * id → weight) replaces the lane's category weights for this call; absent categories weigh 0.
 */
export function computeProfiles(
  catalog: Catalog,
  effective: EffectiveScores,
  methodology: Methodology,
  override?: ReadonlyMap<number, number>,
): Map<number, Profile> {
  const benchmarksByCategory = aggregatedBenchmarksByCategory(catalog);
  const weights = resolveCategoryWeights(catalog.categories, methodology, override);

  const drafts = new Map<number, Profile & { categoryRanks: Map<number, number> }>();
  const eligibleByCategory = new Map<number, Map<number, number>>();
  for (const [modelId, scores] of effective) {
    const categoryScores = new Map<number, number>();
    let benchmarks = 0;
    for (const [categoryId, categoryBenchmarks] of benchmarksByCategory) {
      const score = weightedAverage(categoryBenchmarks, scores);
      if (score === null) continue;
      categoryScores.set(categoryId, score);
      benchmarks += categoryBenchmarks.filter((benchmark) => scores.has(benchmark.id)).length;
      if (isEligible(coveredWeight(categoryBenchmarks, scores), totalWeight(categoryBenchmarks))) {
        let eligible = eligibleByCategory.get(categoryId);
        if (eligible === undefined) eligibleByCategory.set(categoryId, (eligible = new Map()));
        eligible.set(modelId, score);
      }
    }
    const overall = overallScore(categoryScores, weights);
    // A model whose scored categories all weigh 0 has no overall score, so nothing to rank by.
    const ranked = overall !== null && meetsRankingThreshold(benchmarks, categoryScores.size, methodology);
    drafts.set(modelId, {
      modelId,
      categoryScores,
      overall,
      ranked,
      rank: null,
      categoryRanks: new Map(),
      confidence: confidenceOf(categoryScores.size, benchmarks),
      counts: { categories: categoryScores.size, benchmarks },
    });
  }

  const rankedOveralls = new Map<number, number>();
  for (const draft of drafts.values())
    if (draft.ranked && draft.overall !== null) rankedOveralls.set(draft.modelId, draft.overall);
  for (const [modelId, rank] of competitionRanks(rankedOveralls)) {
    const draft = drafts.get(modelId);
    if (draft !== undefined) draft.rank = rank;
  }
  for (const [categoryId, eligible] of eligibleByCategory) {
    for (const [modelId, rank] of competitionRanks(eligible)) drafts.get(modelId)?.categoryRanks.set(categoryId, rank);
  }
  return drafts;
}
