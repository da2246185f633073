import type { DBQueryConfig } from 'drizzle-orm/relations';
import type { Context } from '../../context.js';
import type { relations } from '../../db/relations.js';
import type { CatalogRows } from './queries.js';

export { catalogColumnsSql, catalogFromRow, loadCatalog, type CatalogRows } from './queries.js';
export { indexCatalog, type CatalogIndex } from './loaders.js';

/** A benchmark row from the per-request catalog. */
export type BenchmarkRow = CatalogRows['benchmarks'][number];

/** A category row from the per-request catalog. */
export type CategoryRow = CatalogRows['categories'][number];

type Query<Table extends 'families' | 'providers', Mode extends 'one' | 'many'> = DBQueryConfig<
  Mode,
  typeof relations,
  (typeof relations)[Table]
>;

/** Every benchmark, by slug; only those of one category when a category slug is given (none for an unknown one). */
export async function listBenchmarks(ctx: Context, categorySlug?: string | null): Promise<BenchmarkRow[]> {
  const catalog = await ctx.loaders.catalog();
  if (categorySlug == null) return catalog.benchmarks;
  const category = catalog.categoryBySlug.get(categorySlug);
  return category ? catalog.benchmarks.filter((b) => b.categoryId === category.id) : [];
}

/** The benchmark a slug names; null when none has it. */
export async function findBenchmark(ctx: Context, slug: string): Promise<BenchmarkRow | null> {
  return (await ctx.loaders.catalog()).benchmarkBySlug.get(slug) ?? null;
}

/**
 * Applies `use` to a benchmark by id: at once when the request has the catalog already (a page
 * shows thousands of scores, and a promise each would cost), otherwise once the catalog loads.
 */
export function withBenchmark<T>(ctx: Context, id: number, use: (benchmark: BenchmarkRow) => T): T | Promise<T> {
  const now = ctx.loaders.catalogNow();
  return now ? use(now.benchmarkById.get(id)!) : ctx.loaders.catalog().then((c) => use(c.benchmarkById.get(id)!));
}

/** The category a benchmark counts towards. */
export async function benchmarkCategory(ctx: Context, benchmark: BenchmarkRow): Promise<CategoryRow> {
  return (await ctx.loaders.catalog()).categoryById.get(benchmark.categoryId)!;
}

/** Every category, by slug. */
export async function listCategories(ctx: Context): Promise<CategoryRow[]> {
  return (await ctx.loaders.catalog()).categories;
}

/** The category a slug names; null when none has it. */
export async function findCategory(ctx: Context, slug: string): Promise<CategoryRow | null> {
  return (await ctx.loaders.catalog()).categoryBySlug.get(slug) ?? null;
}

/** The benchmarks of a category, by slug. */
export async function categoryBenchmarks(ctx: Context, category: CategoryRow): Promise<BenchmarkRow[]> {
  return (await ctx.loaders.catalog()).benchmarks.filter((b) => b.categoryId === category.id);
}

/** Every model family, by name, with what the operation selects below it. */
export function listFamilies<Q extends Query<'families', 'many'>>(
  ctx: Context,
  plan: (own: { orderBy: { name: 'asc' } }) => Q,
) {
  return ctx.db.query.families.findMany(plan({ orderBy: { name: 'asc' } }));
}

/** Every provider, by name, with what the operation selects below it. */
export function listProviders<Q extends Query<'providers', 'many'>>(
  ctx: Context,
  plan: (own: { orderBy: { name: 'asc' } }) => Q,
) {
  return ctx.db.query.providers.findMany(plan({ orderBy: { name: 'asc' } }));
}

/** The provider a slug names, with what the operation selects below it; undefined when none has it. */
export function findProvider<Q extends Query<'providers', 'one'>>(
  ctx: Context,
  plan: (own: { where: { slug: string } }) => Q,
  slug: string,
) {
  return ctx.db.query.providers.findFirst(plan({ where: { slug } }));
}
