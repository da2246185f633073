import { sql } from 'drizzle-orm';
import { DEFAULT_MIN_BENCHMARKS, DEFAULT_MIN_CATEGORIES } from '../../domain/scoring/methodology.js';
import type { Catalog } from '../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../db/client.js';
import type { benchmarks, categories } from '../../db/tables/index.js';

/** Full rows of the two small reference tables; they also serve as GraphQL Benchmark and Category objects. */
export interface CatalogRows extends Catalog {
  categories: (typeof categories.$inferSelect)[];
  benchmarks: (typeof benchmarks.$inferSelect)[];
  /** The methodology in force: the latest recorded version, or version 0 (the defaults) when none was recorded. */
  methodology: { version: number; minBenchmarks: number; minCategories: number };
}

/** The catalog as three JSON columns (categories, benchmarks, methodology) of a select list. */
export const catalogColumnsSql = sql`
      (select coalesce(json_agg(json_build_object(
          'id', c.id, 'slug', c.slug, 'name', c.name, 'description', c.description,
          'weight', c.weight) order by c.slug), '[]')
        from categories c) as categories,
      (select coalesce(json_agg(json_build_object(
          'id', b.id, 'slug', b.slug, 'name', b.name, 'categoryId', b.category_id, 'unit', b.unit,
          'higherIsBetter', b.higher_is_better, 'scaleMin', b.scale_min, 'scaleMax', b.scale_max,
          'weight', b.weight, 'url', b.url) order by b.slug), '[]')
        from benchmarks b) as benchmarks,
      (select json_build_object(
          'version', v.version, 'minBenchmarks', v.min_benchmarks, 'minCategories', v.min_categories)
        from methodology_versions v order by v.version desc limit 1) as methodology`;

/** The catalog read back from a row with `catalogColumnsSql`'s columns. */
export function catalogFromRow(row: Record<string, unknown> | undefined): CatalogRows {
  return {
    categories: jsonOf<CatalogRows['categories']>(row?.categories) ?? [],
    benchmarks: jsonOf<CatalogRows['benchmarks']>(row?.benchmarks) ?? [],
    methodology: jsonOf<CatalogRows['methodology']>(row?.methodology) ?? {
      version: 0,
      minBenchmarks: DEFAULT_MIN_BENCHMARKS,
      minCategories: DEFAULT_MIN_CATEGORIES,
    },
  };
}

/**
 * Every category and benchmark in ONE statement. The catalog is small (tens of rows) and nearly
 * every page needs part of it, so a request loads it whole, once, instead of row by row.
 */
export async function loadCatalog(db: Database): Promise<CatalogRows> {
  const result = await db.execute(sql`select ${catalogColumnsSql}`);
  return catalogFromRow(rowsOf<Record<string, unknown>>(result)[0]);
}
