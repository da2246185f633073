import type { Database } from '../../db/client.js';
import type { LoaderRegistry, Once } from '../../loaders.js';
import { loadCatalog, type CatalogRows } from './queries.js';

/** The catalog with lookups by id and slug. */
export interface CatalogIndex extends CatalogRows {
  benchmarkById: ReadonlyMap<number, CatalogRows['benchmarks'][number]>;
  benchmarkBySlug: ReadonlyMap<string, CatalogRows['benchmarks'][number]>;
  categoryById: ReadonlyMap<number, CatalogRows['categories'][number]>;
  categoryBySlug: ReadonlyMap<string, CatalogRows['categories'][number]>;
}

/** Adds the lookups to catalog rows. */
export function indexCatalog(rows: CatalogRows): CatalogIndex {
  return {
    ...rows,
    benchmarkById: new Map(rows.benchmarks.map((b) => [b.id, b])),
    benchmarkBySlug: new Map(rows.benchmarks.map((b) => [b.slug, b])),
    categoryById: new Map(rows.categories.map((c) => [c.id, c])),
    categoryBySlug: new Map(rows.categories.map((c) => [c.slug, c])),
  };
}

/** The catalog loader of one request: every category and benchmark, loaded at most once (one statement). */
export function catalogLoader(db: Database, registry: LoaderRegistry): Once<CatalogIndex> {
  return registry.once(async () => indexCatalog(await loadCatalog(db)));
}
