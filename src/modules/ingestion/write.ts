import { and, desc, getColumns, inArray, isNull, sql, type Column, type SQL } from 'drizzle-orm';
import type { Database, Transaction as Tx } from '../../db/client.js';
import { benchmarks, categories, families, modelPrices, models, providers, scores } from '../../db/tables/index.js';
import { recordAudit } from './audit.js';
import { refreshProfiles } from '../leaderboard/refresh.js';
import { BUNDLED_DATA_DIR } from '../../paths.js';
import { readDataset, type Dataset } from './dataset.js';

/** Tables an import writes, in the order it writes them. */
export const IMPORT_TABLES = [
  'providers',
  'families',
  'categories',
  'benchmarks',
  'models',
  'prices',
  'scores',
] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];

/**
 * Counts of figures, not rows: for prices and scores, `updated` means the figure changed and was
 * recorded as history (a new price row, a superseding score row).
 */
export interface TableCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What an import did, per table. */
export type ImportSummary = Record<ImportTable, TableCounts> & { changed: boolean };

type SlugTable = typeof providers | typeof families | typeof categories | typeof benchmarks | typeof models;
type Row = Record<string, unknown> & { slug: string };

// Far below PostgreSQL's 65,535 bind parameters per statement even for the widest table.
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Upserts rows by slug in one statement per chunk, writing only new or changed rows so an
 * unchanged row keeps its tuple (no dead rows, no churn). Returns slug → id for every row.
 */
async function upsertBySlug<T extends SlugTable>(
  tx: Tx,
  table: T,
  rows: (T['$inferInsert'] & Row)[],
): Promise<{ ids: Map<string, number>; counts: TableCounts }> {
  const counts: TableCounts = { created: 0, updated: 0, unchanged: 0 };
  const ids = new Map<string, number>();
  if (rows.length === 0) return { ids, counts };
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
  const columns: Record<string, Column> = getColumns(table);
  const set: Record<string, SQL> = {};
  // Only the columns the dataset supplies: a column it knows nothing about keeps its value.
  for (const key of Object.keys(rows[0] as Row)) {
    const column = columns[key];
    if (column && key !== 'slug') set[key] = sql`excluded.${sql.identifier(column.name)}`;
  }
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

function need(ids: Map<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  // readDataset rules this out; an unvalidated Dataset fails here, inside the transaction.
  if (id === undefined) throw new Error(`Unknown ${what} slug "${slug}"`);
  return id;
}

async function writePrices(tx: Tx, ds: Dataset, modelIds: Map<string, number>, today: string): Promise<TableCounts> {
  const counts: TableCounts = { created: 0, updated: 0, unchanged: 0 };
  const ids = ds.models.map((m) => need(modelIds, m.slug, 'model'));
  if (ids.length === 0) return counts;
  const current = await tx
    .selectDistinctOn([modelPrices.modelId])
    .from(modelPrices)
    .where(inArray(modelPrices.modelId, ids))
    .orderBy(modelPrices.modelId, desc(modelPrices.effectiveFrom));
  const latest = new Map(current.map((p) => [p.modelId, p]));
  const rows: (typeof modelPrices.$inferInsert)[] = [];
  ds.models.forEach((m, i) => {
    const modelId = ids[i] as number;
    const price = {
      inputPrice: m.inputPricePerMTok,
      outputPrice: m.outputPricePerMTok,
      cachedInputPrice: m.cachedInputPricePerMTok ?? null,
    };
    const old = latest.get(modelId);
    if (!old) {
      counts.created += 1;
      rows.push({ modelId, effectiveFrom: m.releaseDate ?? today, ...price });
    } else if (
      old.inputPrice === price.inputPrice &&
      old.outputPrice === price.outputPrice &&
      old.cachedInputPrice === price.cachedInputPrice
    ) {
      counts.unchanged += 1;
    } else {
      counts.updated += 1;
      // A price dated in the future has not taken effect, so it is not history yet: correct it in
      // place rather than slipping an earlier row under it that would never become current.
      rows.push({ modelId, effectiveFrom: old.effectiveFrom > today ? old.effectiveFrom : today, ...price });
    }
  });
  for (const part of chunks(rows)) {
    await tx
      .insert(modelPrices)
      .values(part)
      .onConflictDoUpdate({
        target: [modelPrices.modelId, modelPrices.effectiveFrom],
        set: {
          inputPrice: sql`excluded.input_price`,
          outputPrice: sql`excluded.output_price`,
          cachedInputPrice: sql`excluded.cached_input_price`,
          recordedAt: sql`now()`,
        },
      });
  }
  return counts;
}

async function writeScores(
  tx: Tx,
  ds: Dataset,
  modelIds: Map<string, number>,
  benchmarkIds: Map<string, number>,
): Promise<TableCounts> {
  const counts: TableCounts = { created: 0, updated: 0, unchanged: 0 };
  if (ds.scores.length === 0) return counts;
  const key = (s: {
    modelId: number;
    benchmarkId: number;
    source: string;
    provenance: string;
    measuredOn: string | null;
  }) => JSON.stringify([s.modelId, s.benchmarkId, s.source, s.provenance, s.measuredOn]);
  // Retracted rows are current too (the unique index says so): one with the same value stays
  // retracted, since re-importing a figure is no reason to un-retract it.
  const current = await tx
    .select({
      id: scores.id,
      modelId: scores.modelId,
      benchmarkId: scores.benchmarkId,
      source: scores.source,
      provenance: scores.provenance,
      measuredOn: scores.measuredOn,
      value: scores.value,
    })
    .from(scores)
    .where(
      and(
        isNull(scores.supersededAt),
        inArray(scores.modelId, [...new Set(ds.scores.map((s) => need(modelIds, s.model, 'model')))]),
      ),
    );
  const byKey = new Map(current.map((s) => [key(s), s]));
  const superseded: number[] = [];
  const rows: (typeof scores.$inferInsert)[] = [];
  for (const s of ds.scores) {
    const row = {
      modelId: need(modelIds, s.model, 'model'),
      benchmarkId: need(benchmarkIds, s.benchmark, 'benchmark'),
      value: s.value,
      source: s.source,
      provenance: s.verified ? ('INDEPENDENT' as const) : ('SELF_REPORTED' as const),
      measuredOn: s.measuredOn ?? null,
    };
    const old = byKey.get(key(row));
    if (old && old.value === row.value) {
      counts.unchanged += 1;
      continue;
    }
    if (old) {
      counts.updated += 1;
      superseded.push(old.id);
    } else {
      counts.created += 1;
    }
    rows.push(row);
  }
  // Supersede first: the partial unique index allows one current row per identity. now() is the
  // transaction's start, so the old row's supersededAt equals the new row's recordedAt.
  for (const part of chunks(superseded)) {
    await tx
      .update(scores)
      .set({ supersededAt: sql`now()` })
      .where(inArray(scores.id, part));
  }
  for (const part of chunks(rows)) await tx.insert(scores).values(part);
  return counts;
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

/** Who asked for a write, for the audit log. */
export interface Actor {
  keyId: number | null;
  name: string;
}

/** What one write did: the per-table counts, and the models whose stored profiles it refreshed. */
export type WriteSummary = ImportSummary & { refreshedModels: number | 'all' };

/**
 * Writes a validated dataset, whole or partial, in one transaction: upserts by slug, records
 * changed prices and scores as history, refreshes the stored profiles it affects and appends an
 * audit entry when anything changed. It adds and updates but never deletes: a score or model
 * missing from the dataset stays, because a dataset may be a partial update and history is kept.
 * The folder importer and every data mutation write through here.
 */
export async function writeDataset(
  db: Database,
  ds: Dataset,
  opts: { today?: string; actor?: Actor; operation?: string } = {},
): Promise<WriteSummary> {
  const today = opts.today ?? todayUtc();
  return db.transaction(async (tx) => {
    // Serialises writers (two replicas seeding at start, concurrent mutations): each one reads
    // what the previous committed, and the unique indexes stay a backstop, never a race.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('llm-compare:write'))`);
    const p = await upsertBySlug(
      tx,
      providers,
      ds.providers.map((e) => ({ slug: e.slug, name: e.name, website: e.website ?? null })),
    );
    await complete(tx, providers, p.ids, [...ds.families.map((e) => e.provider), ...ds.models.map((e) => e.provider)]);
    const f = await upsertBySlug(
      tx,
      families,
      ds.families.map((e) => ({ slug: e.slug, name: e.name, providerId: need(p.ids, e.provider, 'provider') })),
    );
    await complete(
      tx,
      families,
      f.ids,
      ds.models.map((e) => e.family),
    );
    const c = await upsertBySlug(
      tx,
      categories,
      ds.categories.map((e) => ({ slug: e.slug, name: e.name, description: e.description, weight: e.weight })),
    );
    await complete(
      tx,
      categories,
      c.ids,
      ds.benchmarks.map((e) => e.category),
    );
    const b = await upsertBySlug(
      tx,
      benchmarks,
      ds.benchmarks.map((e) => ({
        slug: e.slug,
        name: e.name,
        categoryId: need(c.ids, e.category, 'category'),
        unit: e.unit,
        higherIsBetter: e.higherIsBetter,
        scaleMin: e.scaleMin,
        scaleMax: e.scaleMax,
        weight: e.weight,
        url: e.url ?? null,
      })),
    );
    await complete(
      tx,
      benchmarks,
      b.ids,
      ds.scores.map((e) => e.benchmark),
    );
    const m = await upsertBySlug(
      tx,
      models,
      ds.models.map((e) => ({
        slug: e.slug,
        name: e.name,
        providerId: need(p.ids, e.provider, 'provider'),
        familyId: need(f.ids, e.family, 'family'),
        releaseDate: e.releaseDate ?? null,
        contextWindow: e.contextWindow,
        maxOutputTokens: e.maxOutputTokens ?? null,
        outputTokensPerSecond: e.outputTokensPerSecond ?? null,
        timeToFirstTokenSeconds: e.timeToFirstTokenSeconds ?? null,
        openWeights: e.openWeights,
        parametersBillions: e.parameters ?? null,
      })),
    );
    await complete(
      tx,
      models,
      m.ids,
      ds.scores.map((e) => e.model),
    );
    const prices = await writePrices(tx, ds, m.ids, today);
    const scoreCounts = await writeScores(tx, ds, m.ids, b.ids);
    const tables = {
      providers: p.counts,
      families: f.counts,
      categories: c.counts,
      benchmarks: b.counts,
      models: m.counts,
      prices,
      scores: scoreCounts,
    };
    const changed = Object.values(tables).some((t) => t.created > 0 || t.updated > 0);
    let refreshedModels: number | 'all' = 0;
    if (changed) {
      // Stored profiles must match the scores and catalog they derive from, in the same transaction.
      // A benchmark or category change can move every model; a score change only its own model.
      const catalogChanged = [b.counts, c.counts].some((t) => t.created > 0 || t.updated > 0);
      const touched = [
        ...new Set([
          ...ds.scores.map((s) => need(m.ids, s.model, 'model')),
          ...ds.models.map((e) => need(m.ids, e.slug, 'model')),
        ]),
      ];
      await refreshProfiles(tx, catalogChanged ? undefined : touched);
      refreshedModels = catalogChanged ? 'all' : touched.length;
      await recordAudit(tx, opts.actor ?? { keyId: null, name: 'import' }, opts.operation ?? 'import', tables);
    }
    return { ...tables, changed, refreshedModels };
  });
}

/**
 * Imports a validated dataset folder: `writeDataset` as the command-line importer uses it. A bulk
 * load changes the tables' statistics, so it refreshes them (ANALYZE) once committed instead of
 * leaving the planner on stale ones until autovacuum comes by.
 */
export async function importDataset(db: Database, ds: Dataset, opts: { today?: string } = {}): Promise<WriteSummary> {
  const summary = await writeDataset(db, ds, { ...opts, operation: 'import' });
  if (summary.changed) await analyzeData(db);
  return summary;
}

/** Fresh planner statistics for the data tables. */
export async function analyzeData(db: Database): Promise<void> {
  await db.execute(
    sql`analyze providers, families, categories, benchmarks, models, model_prices, scores, profiles, profile_categories`,
  );
}

/** Whether the database holds no models yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: models.id }).from(models).limit(1);
  return rows.length === 0;
}

/** Imports the bundled dataset into an empty database; null when it already holds models. */
export async function seedBundledIfEmpty(db: Database): Promise<ImportSummary | null> {
  if (!(await isEmpty(db))) return null;
  return importDataset(db, await readDataset(BUNDLED_DATA_DIR));
}
