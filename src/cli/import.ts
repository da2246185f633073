import { resolve } from 'node:path';
import { databaseTarget, loadConfig } from '../config.js';
import { createDb, type DbHandle } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import {
  DatasetError,
  IMPORT_TABLES,
  importDataset,
  readDataset,
  type ImportSummary,
} from '../modules/ingestion/service.js';
import { refreshCapability } from '../modules/capability/service.js';

// 0: imported or nothing to do; 1: the folder is invalid; 2: anything else.
const EXIT = { ok: 0, invalidDataset: 1, failure: 2 } as const;

/** The summary a person reads: one line per table, then the totals. */
function report(summary: ImportSummary, dir: string): string[] {
  const width = Math.max(...IMPORT_TABLES.map((t) => t.length));
  const lines = IMPORT_TABLES.map((t) => {
    const c = summary[t];
    return `${t.padEnd(width)}  created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`;
  });
  if (!summary.changed) return [...lines, 'No changes: the database already holds this dataset.'];
  const total = (k: 'created' | 'updated') => IMPORT_TABLES.reduce((n, t) => n + summary[t][k], 0);
  return [...lines, `Imported: ${total('created')} created, ${total('updated')} updated from ${dir}.`];
}

/** Runs `npm run import -- <dir>` and returns the exit code; never throws. */
async function runImportCli(args: readonly string[]): Promise<number> {
  const arg = args[0];
  if (!arg || args.length > 1) {
    console.error('Usage: npm run import -- <dataset folder>');
    return EXIT.failure;
  }
  const dir = resolve(arg);
  let handle: DbHandle | undefined;
  try {
    const config = loadConfig();
    // Validate before opening the database: an invalid folder leaves it untouched, migrations included.
    const dataset = await readDataset(dir);
    handle = await createDb(databaseTarget(config));
    await migrate(handle);
    const summary = await importDataset(handle.db, dataset);
    // A running server refits only after its own writes: the import refits the stored capability index itself.
    if (summary.changed) await refreshCapability(handle.db);
    for (const line of report(summary, dir)) console.log(line);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof DatasetError) {
      console.error(`Nothing imported: ${err.issues.length} problem(s) in ${dir}`);
      for (const issue of err.issues) {
        const entry = issue.entry === null ? 'file' : `entry ${issue.entry}`;
        console.error(`${issue.file}\t${entry}\t${issue.field ?? '-'}\t${issue.message}`);
      }
      return EXIT.invalidDataset;
    }
    console.error(`Import failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  } finally {
    await handle?.close().catch((err: unknown) => console.error(`Closing the database failed: ${String(err)}`));
  }
}

// exitCode rather than process.exit(): lets stdout and stderr drain before the process ends.
process.exitCode = await runImportCli(process.argv.slice(2));
