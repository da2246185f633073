import type { ScoredInputs } from '../../domain/comparison/session.js';
import { effectiveScores } from '../../domain/scoring/effective.js';
import type { Lane } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import type { Once } from '../../loaders.js';
import { comparedCapability, type CapabilityLoaders, type ComparedCapability } from '../capability/service.js';
import type { CatalogIndex } from '../catalog/service.js';
import { loadComparisonFacts, toProfile, type LeaderboardLoaders } from '../leaderboard/service.js';

/** What a comparison's score-based parts are computed from, with the lane's capability fit when it has one. */
export type ComparisonInputs = ScoredInputs<CatalogIndex, ComparedCapability>;

/** The comparison loaders of one request. */
export interface ComparisonLoaders {
  /**
   * The catalog, and the compared models' effective scores, profiles and capability estimates: the
   * stored ones today, from the recorded history `asOf` a day.
   */
  comparisonInputs(lane: Lane, modelIds: readonly number[], asOf?: string | null): Promise<ComparisonInputs>;
}

/** Builds the comparison loaders over the request's catalog, past lane views and capability fits. */
export function comparisonLoaders(
  db: Database,
  catalog: Once<CatalogIndex>,
  leaderboard: Pick<LeaderboardLoaders, 'laneViewAsOf'>,
  capability: Pick<CapabilityLoaders, 'capabilityAsOf'>,
): ComparisonLoaders {
  return {
    comparisonInputs: async (lane, modelIds, asOf) => {
      if (asOf) {
        const [view, fit] = await Promise.all([
          leaderboard.laneViewAsOf(lane, asOf),
          capability.capabilityAsOf(lane, asOf),
        ]);
        const profiles = new Map(modelIds.map((id) => [id, view.profiles.get(id) ?? toProfile(id, undefined)]));
        return { catalog: view.catalog, effective: view.effective, profiles, capability: comparedCapability(fit) };
      }
      const [catalogIndex, facts] = await Promise.all([catalog.get(), loadComparisonFacts(db, lane, modelIds)]);
      return {
        catalog: catalogIndex,
        effective: effectiveScores(facts.scores, lane),
        profiles: facts.profiles,
        capability: comparedCapability(facts.capability),
      };
    },
  };
}
