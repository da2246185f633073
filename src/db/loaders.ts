import DataLoader from 'dataloader';
import { buildLaneView, type LaneView } from '../resolvers/lane-view.js';
import type { Lane, ScoreFacts } from '../resolvers/scoring/types.js';
import type { Database } from './client.js';
import { loadCatalog, type CatalogRows } from './queries/catalog.js';
import { loadCurrentScores } from './queries/scoring.js';
import { loadComparisonFacts, loadProfiles } from './queries/profiles.js';
import type { Profile } from '../resolvers/profile/profiles.js';
import type { ScoredInputs } from '../resolvers/comparison/session.js';
import { effectiveScores } from '../resolvers/scoring/effective.js';

/** The catalog with lookups by id and slug. */
export interface CatalogIndex extends CatalogRows {
  benchmarkById: ReadonlyMap<number, CatalogRows['benchmarks'][number]>;
  benchmarkBySlug: ReadonlyMap<string, CatalogRows['benchmarks'][number]>;
  categoryById: ReadonlyMap<number, CatalogRows['categories'][number]>;
  categoryBySlug: ReadonlyMap<string, CatalogRows['categories'][number]>;
}

/** Per-request loaders; built only by `createContext`. */
export interface Loaders {
  /** Every category and benchmark, loaded at most once per request (one statement). */
  catalog(): Promise<CatalogIndex>;
  /** Every current score, loaded at most once per request (one statement). */
  scores(): Promise<ScoreFacts[]>;
  /** Effective scores and profiles per lane, derived from `catalog` and `scores` (no further SQL). */
  laneView: DataLoader<Lane, LaneView<CatalogIndex>>;
  /** The catalog, and the compared models' effective scores and stored profiles (one statement besides the catalog). */
  comparisonInputs(lane: Lane, modelIds: readonly number[]): Promise<ScoredInputs<CatalogIndex>>;
  /** Stored profiles by model, batched per lane and caller weights (one statement per batch). */
  profile: DataLoader<ProfileKey, Profile, string>;
}

/** A profile request: a model in a lane, with the caller's category weights if any. */
export interface ProfileKey {
  lane: Lane;
  modelId: number;
  weights: ReadonlyMap<number, number> | null;
}

const weightsKey = (weights: ReadonlyMap<number, number> | null) =>
  weights ? [...weights].sort(([a], [b]) => a - b).map(([id, w]) => `${id}:${w}`).join(',') : 'default';

function indexCatalog(rows: CatalogRows): CatalogIndex {
  return {
    ...rows,
    benchmarkById: new Map(rows.benchmarks.map((b) => [b.id, b])),
    benchmarkBySlug: new Map(rows.benchmarks.map((b) => [b.slug, b])),
    categoryById: new Map(rows.categories.map((c) => [c.id, c])),
    categoryBySlug: new Map(rows.categories.map((c) => [c.slug, c])),
  };
}

/** Creates the loaders of one request. */
export function createLoaders(db: Database): Loaders {
  let catalog: Promise<CatalogIndex> | undefined;
  let scores: Promise<ScoreFacts[]> | undefined;
  const loadCatalogOnce = () => (catalog ??= loadCatalog(db).then(indexCatalog));
  const loadScoresOnce = () => (scores ??= loadCurrentScores(db));
  return {
    catalog: loadCatalogOnce,
    scores: loadScoresOnce,
    laneView: new DataLoader<Lane, LaneView<CatalogIndex>>(async (lanes) => {
      const [index, all] = await Promise.all([loadCatalogOnce(), loadScoresOnce()]);
      return lanes.map((lane) => buildLaneView(index, all, lane));
    }),
    comparisonInputs: async (lane, modelIds) => {
      const [catalogIndex, facts] = await Promise.all([loadCatalogOnce(), loadComparisonFacts(db, lane, modelIds)]);
      return { catalog: catalogIndex, effective: effectiveScores(facts.scores, lane), profiles: facts.profiles };
    },
    profile: new DataLoader<ProfileKey, Profile, string>(
      async (keys) => {
        const groups = new Map<string, ProfileKey[]>();
        for (const key of keys) {
          const group = `${key.lane}|${weightsKey(key.weights)}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const found = new Map<string, Profile>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { lane, weights } = group[0]!;
            const ids = [...new Set(group.map((k) => k.modelId))];
            const loaded = await loadProfiles(db, { lane, weights }, ids);
            for (const p of loaded) found.set(`${lane}|${weightsKey(weights)}|${p.modelId}`, p);
          }),
        );
        return keys.map((k) => found.get(`${k.lane}|${weightsKey(k.weights)}|${k.modelId}`)!);
      },
      { cacheKeyFn: (k) => `${k.lane}|${weightsKey(k.weights)}|${k.modelId}` },
    ),
  };
}
