import { computeProfiles } from '../../domain/profile/profiles.js';
import { meetsRankingThreshold } from '../../domain/profile/ranking.js';
import { effectiveScores } from '../../domain/scoring/effective.js';
import { tenths } from '../../domain/scoring/equality.js';
import type { Catalog, Lane, Methodology, ScoreFacts } from '../../domain/scoring/types.js';
import type { profileCategories, profiles } from '../../db/tables/index.js';

/** Every lane, in the order profiles are stored. */
export const LANES: readonly Lane[] = ['PROVISIONAL', 'VERIFIED'];

/** The rows that store the §3 profiles of some models, computed by the pure profile functions. */
export interface ProfileRows {
  profiles: (typeof profiles.$inferInsert)[];
  categories: (typeof profileCategories.$inferInsert)[];
}

/**
 * Profile rows for the models whose current scores are given, in every lane. Ranks are left out
 * (they depend on all models); everything a model's own scores decide is stored.
 */
export function profileRows(catalog: Catalog, scores: readonly ScoreFacts[], methodology: Methodology): ProfileRows {
  const rows: ProfileRows = { profiles: [], categories: [] };
  for (const lane of LANES) {
    const computed = computeProfiles(catalog, effectiveScores(scores, lane), methodology);
    for (const p of computed.values()) {
      // Stored apart from `ranked`: caller weights can give an overall to a model that has none here.
      const meetsThreshold = meetsRankingThreshold(p.counts.benchmarks, p.counts.categories, methodology);
      rows.profiles.push({
        lane,
        modelId: p.modelId,
        overall: p.overall,
        overallTenths: p.overall === null ? null : tenths(p.overall),
        meetsThreshold,
        ranked: p.ranked,
        benchmarkCount: p.counts.benchmarks,
        categoryCount: p.counts.categories,
      });
      for (const [categoryId, score] of p.categoryScores) {
        rows.categories.push({
          lane,
          modelId: p.modelId,
          categoryId,
          score,
          scoreTenths: tenths(score),
          eligible: p.categoryRanks.has(categoryId),
        });
      }
    }
  }
  return rows;
}
