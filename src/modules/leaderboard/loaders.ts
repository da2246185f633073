import type DataLoader from 'dataloader';
import { buildLaneView, type LaneView } from '../../domain/lane-view.js';
import type { Profile } from '../../domain/profile/profiles.js';
import type { Lane, ScoreFacts } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import { groupBy, type LoaderRegistry, type Once } from '../../loaders.js';
import type { CatalogIndex } from '../catalog/service.js';
import { loadScoresAsOf } from '../models/service.js';
import { loadProfiles } from './queries/profiles.js';

/** A profile request: a model in a lane, with the caller's category weights if any. */
export interface ProfileKey {
  lane: Lane;
  modelId: number;
  weights: ReadonlyMap<number, number> | null;
}

/** The leaderboard loaders of one request. */
export interface LeaderboardLoaders {
  /** Stored profiles by model, batched per lane and caller weights (one statement per batch). */
  profile: DataLoader<ProfileKey, Profile, string>;
  /** A lane as it stood at the end of a past day: computed from the score history with the pure functions. */
  laneViewAsOf(lane: Lane, day: string): Promise<LaneView<CatalogIndex>>;
  /** Every score as it stood at the end of a day (one statement, once per request and day; both lanes share it). */
  scoresAsOf(day: string): Promise<ScoreFacts[]>;
}

const weightsKey = (weights: ReadonlyMap<number, number> | null) =>
  weights
    ? [...weights]
        .sort(([a], [b]) => a - b)
        .map(([id, w]) => `${id}:${w}`)
        .join(',')
    : 'default';
const profileKey = (k: ProfileKey) => `${k.lane}|${weightsKey(k.weights)}|${k.modelId}`;

/** Builds the leaderboard loaders. */
export function leaderboardLoaders(
  db: Database,
  registry: LoaderRegistry,
  catalog: Once<CatalogIndex>,
): LeaderboardLoaders {
  const profile = registry.dataLoader<ProfileKey, Profile, string>(
    async (keys) => {
      const found = new Map<string, Profile>();
      const groups = groupBy(keys, (k) => `${k.lane}|${weightsKey(k.weights)}`);
      await Promise.all(
        groups.map(async (group) => {
          const { lane, weights } = group[0]!;
          const ids = [...new Set(group.map((k) => k.modelId))];
          const loaded = await loadProfiles(db, { lane, weights }, ids);
          for (const p of loaded) found.set(profileKey({ lane, weights, modelId: p.modelId }), p);
        }),
      );
      return keys.map((k) => found.get(profileKey(k))!);
    },
    { cacheKeyFn: profileKey },
  );
  const scoresAsOf = registry.memo(
    (day: string) => loadScoresAsOf(db, day),
    (day) => day,
  );
  const laneViewAsOf = registry.memo(
    async ({ lane, day }: { lane: Lane; day: string }) => {
      const [index, all] = await Promise.all([catalog.get(), scoresAsOf(day)]);
      return buildLaneView(index, all, lane);
    },
    ({ lane, day }) => `${lane}|${day}`,
  );
  return { profile, laneViewAsOf: (lane, day) => laneViewAsOf({ lane, day }), scoresAsOf };
}
