import { getColumns, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { Transaction as Tx } from '../../db/client.js';
import { benchmarks, categories, families, models, providers } from '../../db/tables/index.js';
import type { Dataset } from './dataset.js';
import type { TableCounts } from './write.js';

type SlugTable = typeof providers | typeof families | typeof categories | typeof benchmarks | typeof models;
type Row = Record<string, unknown> & { slug: string };

/** What writing one table keyed by slug did: slug → id of every row it wrote or references, and the counts. */
export interface SlugTableResult {
  ids: Map<string, number>;
  counts: TableCounts;
}

/** The five tables keyed by slug, as one write left them. */
export interface SlugTablesResult {
  providers: SlugTableResult;
  families: SlugTableResult;
  categories: SlugTableResult;
  benchmarks: SlugTableResult;
  models: SlugTableResult;
}

// Far below PostgreSQL's 65,535 bind parameters per statement even for the widest table.
const CHUNK = 1000;

/** `items` in slices small enough for one statement each. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The id of a slug the write has resolved; throws for one it has not. */
export function need(ids: Map<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  // readDataset rules this out; an unvalidated Dataset fails here, inside the transaction.
  if (id === undefined) throw new Error(`Unknown ${what} slug "${slug}"`);
  return id;
}

/** Sorts rows into created, updated (some supplied column differs) and unchanged against the stored ones. */
function diffBySlug(rows: Row[], existing: (Row & { id: number })[]): SlugTableResult & { toWrite: Row[] } {
  const counts: TableCounts = { created: 0, updated: 0, unchanged: 0 };
  const ids = new Map<string, number>();
  const bySlug = new Map(existing.map((r) => [r.slug, r]));
  const toWrite: Row[] = [];
  for (const row of rows) {
    const old = bySlug.get(row.slug);
    if (!old) {
      counts.created += 1;
      toWrite.push(row);
    } else if (Object.keys(row).some((k) => old[k] !== row[k])) {
      counts.updated += 1;
      toWrite.push(row);
    } else {
      counts.unchanged += 1;
    }
    if (old) ids.set(old.slug, old.id);
  }
  return { ids, counts, toWrite };
}

/** The ON CONFLICT assignments: only the columns the dataset supplies; any other column keeps its value. */
function excludedColumns(table: SlugTable, sample: Row): Record<string, SQL> {
  const columns: Record<string, Column> = getColumns(table);
  const set: Record<string, SQL> = {};
  for (const key of Object.keys(sample)) {
    const column = columns[key];
    if (column && key !== 'slug') set[key] = sql`excluded.${sql.identifier(column.name)}`;
  }
  return set;
}

/**
 * Upserts rows by slug in one statement per chunk, writing only new or changed rows so an
 * unchanged row keeps its tuple (no dead rows, no churn). Returns slug → id for every row.
 */
async function upsertBySlug<T extends SlugTable>(
  tx: Tx,
  table: T,
  rows: (T['$inferInsert'] & Row)[],
): Promise<SlugTableResult> {
  if (rows.length === 0) return { ids: new Map(), counts: { created: 0, updated: 0, unchanged: 0 } };
  // Drizzle's builders do not type over a union of tables; the rows are typed at the call site.
  const existing = (await tx
    .select()
    .from(table as typeof providers)
    .where(
      inArray(
        table.slug,
        rows.map((r) => r.slug),
      ),
    )) as unknown as (Row & { id: number })[];
  const { ids, counts, toWrite } = diffBySlug(rows, existing);
  const set = excludedColumns(table, rows[0] as Row);
  for (const part of chunks(toWrite)) {
    const written = await tx
      .insert(table as typeof providers)
      .values(part as (typeof providers.$inferInsert)[])
      .onConflictDoUpdate({ target: table.slug, set })
      .returning({ id: table.id, slug: table.slug });
    for (const r of written) ids.set(r.slug, r.id);
  }
  return { ids, counts };
}

/** Adds to `ids` the database ids of referenced slugs the dataset itself does not define. */
async function complete(
  tx: Tx,
  table: SlugTable,
  ids: Map<string, number>,
  slugs: Iterable<string>,
): Promise<Map<string, number>> {
  const missing = [...new Set(slugs)].filter((slug) => !ids.has(slug));
  if (missing.length === 0) return ids;
  const found = await tx
    .select({ id: table.id, slug: table.slug })
    .from(table as typeof providers)
    .where(inArray(table.slug, missing));
  for (const r of found) ids.set(r.slug, r.id);
  return ids;
}

const providerRows = (ds: Dataset) =>
  ds.providers.map((e) => ({ slug: e.slug, name: e.name, website: e.website ?? null }));

const familyRows = (ds: Dataset, providerIds: Map<string, number>) =>
  ds.families.map((e) => ({ slug: e.slug, name: e.name, providerId: need(providerIds, e.provider, 'provider') }));

const categoryRows = (ds: Dataset) =>
  ds.categories.map((e) => ({ slug: e.slug, name: e.name, description: e.description, weight: e.weight }));

const benchmarkRows = (ds: Dataset, categoryIds: Map<string, number>) =>
  ds.benchmarks.map((e) => ({
    slug: e.slug,
    name: e.name,
    categoryId: need(categoryIds, e.category, 'category'),
    unit: e.unit,
    higherIsBetter: e.higherIsBetter,
    scaleMin: e.scaleMin,
    scaleMax: e.scaleMax,
    weight: e.weight,
    url: e.url ?? null,
  }));

const modelRows = (ds: Dataset, providerIds: Map<string, number>, familyIds: Map<string, number>) =>
  ds.models.map((e) => ({
    slug: e.slug,
    name: e.name,
    providerId: need(providerIds, e.provider, 'provider'),
    familyId: need(familyIds, e.family, 'family'),
    releaseDate: e.releaseDate ?? null,
    contextWindow: e.contextWindow,
    maxOutputTokens: e.maxOutputTokens ?? null,
    outputTokensPerSecond: e.outputTokensPerSecond ?? null,
    timeToFirstTokenSeconds: e.timeToFirstTokenSeconds ?? null,
    openWeights: e.openWeights,
    parametersBillions: e.parameters ?? null,
  }));

/**
 * Upserts the five tables keyed by slug, each before the tables that refer to it, and resolves
 * every slug the dataset refers to but does not define to its id in the database.
 */
export async function writeSlugTables(tx: Tx, ds: Dataset): Promise<SlugTablesResult> {
  const p = await upsertBySlug(tx, providers, providerRows(ds));
  await complete(tx, providers, p.ids, [...ds.families.map((e) => e.provider), ...ds.models.map((e) => e.provider)]);
  const f = await upsertBySlug(tx, families, familyRows(ds, p.ids));
  await complete(
    tx,
    families,
    f.ids,
    ds.models.map((e) => e.family),
  );
  const c = await upsertBySlug(tx, categories, categoryRows(ds));
  await complete(
    tx,
    categories,
    c.ids,
    ds.benchmarks.map((e) => e.category),
  );
  const b = await upsertBySlug(tx, benchmarks, benchmarkRows(ds, c.ids));
  await complete(
    tx,
    benchmarks,
    b.ids,
    ds.scores.map((e) => e.benchmark),
  );
  const m = await upsertBySlug(tx, models, modelRows(ds, p.ids, f.ids));
  await complete(
    tx,
    models,
    m.ids,
    ds.scores.map((e) => e.model),
  );
  return { providers: p, families: f, categories: c, benchmarks: b, models: m };
}
