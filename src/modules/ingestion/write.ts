import { sql } from 'drizzle-orm';
import type { Database, Transaction as Tx } from '../../db/client.js';
import { models } from '../../db/tables/index.js';
import { recordAudit } from './audit.js';
import { refreshProfiles } from '../leaderboard/service.js';
import { BUNDLED_DATA_DIR } from '../../paths.js';
import { readDataset, type Dataset } from './dataset.js';
import { writePrices, writeScores } from './write-history.js';
import { need, writeSlugTables, type SlugTablesResult } from './write-slugs.js';

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
/** A table an import writes. */
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

/**
 * Serialises writers (two replicas seeding at start, concurrent mutations): each one reads what
 * the previous committed, and the unique indexes stay a backstop, never a race.
 */
export const WRITE_LOCK = sql`select pg_advisory_xact_lock(hashtext('llm-compare:write'))`;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

const wrote = (t: TableCounts) => t.created > 0 || t.updated > 0;

/**
 * Refreshes the stored profiles a changed write affects, so they match the scores and catalog they
 * derive from in the same transaction: a benchmark or category change can move every model, a score
 * change only its own model. Returns how many models it refreshed.
 */
async function refreshTouched(tx: Tx, ds: Dataset, written: SlugTablesResult): Promise<number | 'all'> {
  const catalogChanged = [written.benchmarks.counts, written.categories.counts].some(wrote);
  const modelIds = written.models.ids;
  const touched = [
    ...new Set([
      ...ds.scores.map((s) => need(modelIds, s.model, 'model')),
      ...ds.models.map((e) => need(modelIds, e.slug, 'model')),
    ]),
  ];
  await refreshProfiles(tx, catalogChanged ? undefined : touched);
  return catalogChanged ? 'all' : touched.length;
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
    await tx.execute(WRITE_LOCK);
    const written = await writeSlugTables(tx, ds);
    const prices = await writePrices(tx, ds, written.models.ids, today);
    const scoreCounts = await writeScores(tx, ds, written.models.ids, written.benchmarks.ids);
    const tables = {
      providers: written.providers.counts,
      families: written.families.counts,
      categories: written.categories.counts,
      benchmarks: written.benchmarks.counts,
      models: written.models.counts,
      prices,
      scores: scoreCounts,
    };
    const changed = Object.values(tables).some(wrote);
    let refreshedModels: number | 'all' = 0;
    if (changed) {
      refreshedModels = await refreshTouched(tx, ds, written);
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
    sql`analyze providers, families, categories, benchmarks, models, model_prices, scores, profiles,
      profile_categories`,
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
