import type { ScoredInputs } from '../../domain/comparison/session.js';
import { effectiveScores } from '../../domain/scoring/effective.js';
import type { Lane } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import type { Once } from '../../loaders.js';
import type { CatalogIndex } from '../catalog/service.js';
import { loadComparisonFacts, toProfile, type LeaderboardLoaders } from '../leaderboard/service.js';

/** The comparison loaders of one request. */
export interface ComparisonLoaders {
  /**
   * The catalog, and the compared models' effective scores and profiles: the stored ones today,
   * from the recorded history `asOf` a day.
   */
  comparisonInputs(lane: Lane, modelIds: readonly number[], asOf?: string | null): Promise<ScoredInputs<CatalogIndex>>;
}

/** Builds the comparison loaders over the request's catalog and past lane views. */
export function comparisonLoaders(
  db: Database,
  catalog: Once<CatalogIndex>,
  leaderboard: Pick<LeaderboardLoaders, 'laneViewAsOf'>,
): ComparisonLoaders {
  return {
    comparisonInputs: async (lane, modelIds, asOf) => {
      if (asOf) {
        const view = await leaderboard.laneViewAsOf(lane, asOf);
        const profiles = new Map(modelIds.map((id) => [id, view.profiles.get(id) ?? toProfile(id, undefined)]));
        return { catalog: view.catalog, effective: view.effective, profiles };
      }
      const [catalogIndex, facts] = await Promise.all([catalog.get(), loadComparisonFacts(db, lane, modelIds)]);
      return { catalog: catalogIndex, effective: effectiveScores(facts.scores, lane), profiles: facts.profiles };
    },
  };
}
