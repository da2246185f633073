import DataLoader from 'dataloader';
import { buildLaneView, type LaneView } from './domain/lane-view.js';
import type { Lane, ScoreFacts } from './domain/scoring/types.js';
import type { Database } from './db/client.js';
import { loadCatalog, type CatalogRows } from './modules/catalog/queries.js';
import { loadCurrentScores } from './modules/models/queries/scoring.js';
import { loadComparisonFacts, loadProfiles, toProfile } from './modules/leaderboard/queries/profiles.js';
import { loadScoresAsOf } from './modules/models/queries/as-of.js';
import type { Profile } from './domain/profile/profiles.js';
import type { ScoredInputs } from './domain/comparison/session.js';
import { effectiveScores } from './domain/scoring/effective.js';
import { loadModelScores, type ScoreRow } from './modules/models/queries/model-scores.js';
import type { models } from './db/tables/index.js';

type ModelRow = typeof models.$inferSelect;

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
  /** The catalog if this request has it already (lets per-row resolvers answer without a promise). */
  catalogNow(): CatalogIndex | undefined;
  /**
   * Score rows of models in a lane (as of a day), batched per lane and day: one statement, which
   * also brings the catalog when the request has not asked for it yet (scores are shown with
   * their benchmarks).
   */
  modelScores: DataLoader<ModelScoresKey, ScoreRow[], string>;
  /** Model rows by id, batched (one statement per batch). */
  modelById: DataLoader<number, ModelRow>;
  /** Every current score, loaded at most once per request (one statement). */
  scores(): Promise<ScoreFacts[]>;
  /** Effective scores and profiles per lane, derived from `catalog` and `scores` (no further SQL). */
  laneView: DataLoader<Lane, LaneView<CatalogIndex>>;
  /** A lane as it stood at the end of a past day: computed from the score history with the pure functions (no stored profiles). */
  laneViewAsOf(lane: Lane, day: string): Promise<LaneView<CatalogIndex>>;
  /** The catalog, and the compared models' effective scores and profiles: stored ones today, from history `asOf` a day. */
  comparisonInputs(lane: Lane, modelIds: readonly number[], asOf?: string | null): Promise<ScoredInputs<CatalogIndex>>;
  /** Stored profiles by model, batched per lane and caller weights (one statement per batch). */
  profile: DataLoader<ProfileKey, Profile, string>;
  /** Forgets everything loaded so far: a mutation calls it after writing, so later fields read the new data. */
  clear(): void;
}

/** The scores of a model in a lane, now or as of a day. */
export interface ModelScoresKey {
  modelId: number;
  lane: Lane;
  asOf: string | null;
}

/** A profile request: a model in a lane, with the caller's category weights if any. */
export interface ProfileKey {
  lane: Lane;
  modelId: number;
  weights: ReadonlyMap<number, number> | null;
}

const weightsKey = (weights: ReadonlyMap<number, number> | null) =>
  weights
    ? [...weights]
        .sort(([a], [b]) => a - b)
        .map(([id, w]) => `${id}:${w}`)
        .join(',')
    : 'default';

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
  let catalogNow: CatalogIndex | undefined;
  let scores: Promise<ScoreFacts[]> | undefined;
  const dataLoaders: DataLoader<never, unknown, unknown>[] = [];
  const pastViews = new Map<string, Promise<LaneView<CatalogIndex>>>();
  const remember = (index: CatalogIndex) => (catalogNow = index);
  const loadCatalogOnce = () => (catalog ??= loadCatalog(db).then(indexCatalog).then(remember));
  const loadScoresOnce = () => (scores ??= loadCurrentScores(db));
  const scoresKey = (k: ModelScoresKey) => `${k.lane}|${k.asOf ?? ''}|${k.modelId}`;
  const loaders: Loaders = {
    catalog: loadCatalogOnce,
    catalogNow: () => catalogNow,
    modelScores: new DataLoader<ModelScoresKey, ScoreRow[], string>(
      async (keys) => {
        const groups = new Map<string, ModelScoresKey[]>();
        for (const key of keys) {
          const group = `${key.lane}|${key.asOf ?? ''}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        // The first group's statement brings the catalog too, unless it is loaded or on its way.
        let settle: { resolve(index: CatalogIndex): void; reject(error: unknown): void } | undefined;
        if (!catalog) {
          catalog = new Promise<CatalogIndex>((resolve, reject) => (settle = { resolve, reject }));
          catalog.catch(() => {});
        }
        const found = new Map<string, ScoreRow[]>();
        try {
          await Promise.all(
            [...groups.values()].map(async (group, i) => {
              const { lane, asOf } = group[0]!;
              const withCatalog = i === 0 && settle !== undefined;
              const loaded = await loadModelScores(db, {
                lane,
                asOf,
                modelIds: [...new Set(group.map((k) => k.modelId))],
                withCatalog,
              });
              if (withCatalog && loaded.catalog) settle!.resolve(remember(indexCatalog(loaded.catalog)));
              for (const [modelId, rows] of loaded.byModel) found.set(scoresKey({ modelId, lane, asOf }), rows);
            }),
          );
        } catch (error) {
          settle?.reject(error);
          throw error;
        }
        return keys.map((k) => found.get(scoresKey(k)) ?? []);
      },
      { cacheKeyFn: scoresKey },
    ),
    modelById: new DataLoader<number, ModelRow>(async (ids) => {
      const rows = await db.query.models.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? new Error(`no model ${id}`));
    }),
    scores: loadScoresOnce,
    laneView: new DataLoader<Lane, LaneView<CatalogIndex>>(async (lanes) => {
      const [index, all] = await Promise.all([loadCatalogOnce(), loadScoresOnce()]);
      return lanes.map((lane) => buildLaneView(index, all, lane));
    }),
    laneViewAsOf: (lane, day) => {
      const key = `${lane}|${day}`;
      let view = pastViews.get(key);
      if (!view) {
        view = Promise.all([loadCatalogOnce(), loadScoresAsOf(db, day)]).then(([index, all]) =>
          buildLaneView(index, all, lane),
        );
        pastViews.set(key, view);
      }
      return view;
    },
    comparisonInputs: async (lane, modelIds, asOf) => {
      if (asOf) {
        const view = await loaders.laneViewAsOf(lane, asOf);
        return {
          catalog: view.catalog,
          effective: view.effective,
          profiles: new Map(modelIds.map((id) => [id, view.profiles.get(id) ?? toProfile(id, undefined)])),
        };
      }
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
    clear: () => {
      pastViews.clear();
      catalog = undefined;
      catalogNow = undefined;
      scores = undefined;
      for (const loader of dataLoaders) loader.clearAll();
    },
  };
  dataLoaders.push(
    loaders.laneView as DataLoader<never, unknown, unknown>,
    loaders.profile as DataLoader<never, unknown, unknown>,
    loaders.modelScores as DataLoader<never, unknown, unknown>,
    loaders.modelById as DataLoader<never, unknown, unknown>,
  );
  return loaders;
}
