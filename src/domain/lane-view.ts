import { computeProfiles, type Profile } from './profile/profiles.js';
import { effectiveScores, type EffectiveScores } from './scoring/effective.js';
import { methodologyOf } from './scoring/methodology.js';
import type { Catalog, Lane, Methodology, ScoreFacts } from './scoring/types.js';

/** The thresholds of a recorded methodology version. */
export interface RecordedMethodology {
  version: number;
  minBenchmarks: number;
  minCategories: number;
}

/** Everything derived from the scores of one lane: which scores count and every model's profile. */
export interface LaneView<C extends Catalog = Catalog> {
  lane: Lane;
  catalog: C;
  methodology: Methodology;
  effective: EffectiveScores;
  profiles: ReadonlyMap<number, Profile>;
}

/** Derives a lane's effective scores and §3 profiles from the catalog and all current scores. */
export function buildLaneView<C extends Catalog & { methodology: RecordedMethodology }>(
  catalog: C,
  scores: readonly ScoreFacts[],
  lane: Lane,
): LaneView<C> {
  const methodology = methodologyOf(catalog.categories, catalog.methodology);
  const effective = effectiveScores(scores, lane);
  return { lane, catalog, methodology, effective, profiles: computeProfiles(catalog, effective, methodology) };
}
