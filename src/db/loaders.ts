import DataLoader from 'dataloader';
import { buildLaneView, type LaneView } from '../resolvers/lane-view.js';
import type { Lane, ScoreFacts } from '../resolvers/scoring/types.js';
import type { Database } from './client.js';
import { loadCatalog, type CatalogRows } from './queries/catalog.js';
import { loadCurrentScores } from './queries/scoring.js';

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
}

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
  };
}
