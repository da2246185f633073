import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DbHandle } from '../../src/db/client.js';
import { DatasetError, readDataset, type Dataset } from '../../src/modules/ingestion/dataset.js';
import { BUNDLED_DATA_DIR as bundledDataDir } from '../../src/paths.js';
import { importDataset, IMPORT_TABLES, isEmpty, seedBundledIfEmpty } from '../../src/modules/ingestion/write.js';
import { benchmarks, categories, families, modelPrices, models, providers, scores } from '../../src/db/tables/index.js';
import { createTestDb } from '../helpers/db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TABLES = { providers, families, categories, benchmarks, models, prices: modelPrices, scores };
type Entries = Record<string, unknown>[];

let handle: DbHandle;
let db: Database;
let work: string;
let folders = 0;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  work = await mkdtemp(join(tmpdir(), 'llmc-import-'));
});

afterAll(async () => {
  await handle?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every row of every table, in id order: "unchanged" means equal to this. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    out[name] = await db
      .select()
      .from(table as typeof providers)
      .orderBy(asc(table.id));
  }
  return out;
}

async function counts(): Promise<Record<string, number>> {
  const snap = await snapshot();
  return Object.fromEntries(Object.entries(snap).map(([k, rows]) => [k, rows.length]));
}

async function editFile(
  dir: string,
  file: string,
  edit: (entries: Entries) => void,
  text = (s: string) => s,
): Promise<void> {
  const path = join(dir, file);
  const entries = JSON.parse(await readFile(path, 'utf8')) as Entries;
  edit(entries);
  await writeFile(path, text(JSON.stringify(entries, null, 2)));
}

/** A copy of the bundled folder with `edit` applied to the entries of one file. */
async function folderWith(
  file: string,
  edit: (entries: Entries) => void,
  text?: (s: string) => string,
): Promise<string> {
  const dir = join(work, `case-${(folders += 1)}`);
  await cp(bundledDataDir, dir, { recursive: true });
  await editFile(dir, file, edit, text);
  return dir;
}

async function readJson(file: string): Promise<Entries> {
  return JSON.parse(await readFile(join(bundledDataDir, file), 'utf8')) as Entries;
}

function at(entries: Entries, i: number): Record<string, unknown> {
  const entry = entries[i];
  if (!entry) throw new Error(`no entry ${i}`);
  return entry;
}

async function load(dir: string, today = '2026-01-15') {
  return importDataset(db, await readDataset(dir), { today });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'memory://' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('importing a dataset folder', () => {
  it('loads the bundled dataset: one row per JSON entry, in a handful of statements', async () => {
    expect(await isEmpty(db)).toBe(true);
    const before = handle.statements.count;
    const summary = await seedBundledIfEmpty(db);
    if (!summary) throw new Error('an empty database must be seeded');
    // Set-based: the statement count does not grow with the number of scores.
    expect(handle.statements.count - before).toBeLessThan(30);
    const expected = {
      providers: 14,
      families: 49,
      categories: 11,
      benchmarks: 47,
      models: 115,
      prices: 115,
      scores: 1212,
    };
    expect(await counts()).toEqual(expected);
    for (const [table, n] of Object.entries(expected)) {
      expect(summary[table as keyof typeof expected]).toEqual({ created: n, updated: 0, unchanged: 0 });
    }
    expect(summary.changed).toBe(true);

    const [gpt41] = await db.select().from(models).where(eq(models.slug, 'gpt-4-1'));
    const prices = await db.select().from(modelPrices).where(eq(modelPrices.modelId, gpt41!.id));
    expect(prices).toMatchObject([
      { effectiveFrom: '2025-04-14', inputPrice: 2, outputPrice: 8, cachedInputPrice: 0.5 },
    ]);
    const verified = (await readJson('scores.json')).filter((s) => s.verified === true).length;
    const independent = await db.select().from(scores).where(eq(scores.provenance, 'INDEPENDENT'));
    expect(independent).toHaveLength(verified);
  });

  it('a second import of the same folder changes nothing', async () => {
    const before = await snapshot();
    expect(await seedBundledIfEmpty(db)).toBeNull();
    const summary = await load(bundledDataDir, '2026-03-01');
    expect(summary.changed).toBe(false);
    for (const table of IMPORT_TABLES) expect(summary[table].created + summary[table].updated).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves alone the scores a folder no longer lists (an import never deletes)', async () => {
    const dir = await folderWith('scores.json', (s) => s.splice(0, 10));
    const before = await snapshot();
    const summary = await load(dir, '2026-01-20');
    expect(summary.scores).toEqual({ created: 0, updated: 0, unchanged: 1202 });
    expect(await snapshot()).toEqual(before);
    const current = await db.select().from(scores).where(isNull(scores.supersededAt));
    expect(current).toHaveLength(1212);
  });

  it('a changed score supersedes the old row; a changed price adds a row; the rest is untouched', async () => {
    const first = at(await readJson('scores.json'), 0);
    const dir = await folderWith('scores.json', (s) => (at(s, 0).value = 29.5));
    await editFile(dir, 'models.json', (m) => (at(m, 0).outputPricePerMTok = 6));
    await editFile(dir, 'providers.json', (p) => (at(p, 0).website = null));
    const before = await counts();

    const summary = await load(dir, '2026-02-01');
    expect(summary.scores).toEqual({ created: 0, updated: 1, unchanged: 1211 });
    expect(summary.prices).toEqual({ created: 0, updated: 1, unchanged: 114 });
    expect(summary.models.updated).toBe(0);
    expect(summary.providers).toEqual({ created: 0, updated: 1, unchanged: 13 });
    expect((await db.select().from(providers).where(eq(providers.slug, 'openai')))[0]?.website).toBeNull();
    expect(await counts()).toEqual({ ...before, scores: before.scores! + 1, prices: before.prices! + 1 });

    const [model] = await db
      .select()
      .from(models)
      .where(eq(models.slug, String(first.model)));
    const [bench] = await db
      .select()
      .from(benchmarks)
      .where(eq(benchmarks.slug, String(first.benchmark)));
    const history = await db
      .select()
      .from(scores)
      .where(
        and(eq(scores.modelId, model!.id), eq(scores.benchmarkId, bench!.id), eq(scores.source, String(first.source))),
      )
      .orderBy(asc(scores.id));
    expect(history.map((r) => [r.value, r.supersededAt !== null])).toEqual([
      [first.value, true],
      [29.5, false],
    ]);
    expect(history[0]!.supersededAt).toEqual(history[1]!.recordedAt);

    const [gpt41] = await db.select().from(models).where(eq(models.slug, 'gpt-4-1'));
    const prices = await db
      .select()
      .from(modelPrices)
      .where(eq(modelPrices.modelId, gpt41!.id))
      .orderBy(asc(modelPrices.effectiveFrom));
    expect(prices.map((p) => [p.effectiveFrom, p.outputPrice])).toEqual([
      ['2025-04-14', 8],
      ['2026-02-01', 6],
    ]);

    // Same day, price corrected again: that day's row is updated, no third row.
    await editFile(dir, 'models.json', (m) => (at(m, 0).outputPricePerMTok = 7));
    expect((await load(dir, '2026-02-01')).prices.updated).toBe(1);
    const again = await db.select().from(modelPrices).where(eq(modelPrices.modelId, gpt41!.id));
    expect(again.map((p) => p.outputPrice).sort()).toEqual([7, 8]);
    expect((await load(dir, '2026-02-02')).changed).toBe(false);
  });
});

interface BadCase {
  name: string;
  file: string;
  entry: number | null;
  field?: string;
  edit?: (entries: Entries) => void;
  text?: (json: string) => string;
}

const badCases: BadCase[] = [
  {
    name: 'an unknown model slug in scores',
    file: 'scores.json',
    entry: 17,
    field: 'model',
    edit: (s) => (at(s, 17).model = 'gpt-9'),
  },
  { name: 'malformed JSON', file: 'families.json', entry: null, text: (j) => j.slice(0, -3) },
  {
    name: 'a value outside its benchmark scale',
    file: 'scores.json',
    entry: 3,
    field: 'value',
    edit: (s) => (at(s, 3).value = 100.5),
  },
  {
    name: 'an Elo below its scale',
    file: 'scores.json',
    entry: 11,
    field: 'value',
    edit: (s) => (at(s, 11).value = 900),
  },
  {
    name: 'a negative price',
    file: 'models.json',
    entry: 3,
    field: 'inputPricePerMTok',
    edit: (m) => (at(m, 3).inputPricePerMTok = -1),
  },
  {
    name: 'a zero context window',
    file: 'models.json',
    entry: 2,
    field: 'contextWindow',
    edit: (m) => (at(m, 2).contextWindow = 0),
  },
  {
    name: 'a fractional context window',
    file: 'models.json',
    entry: 2,
    field: 'contextWindow',
    edit: (m) => (at(m, 2).contextWindow = 1.5),
  },
  {
    name: 'a wrong type',
    file: 'models.json',
    entry: 5,
    field: 'contextWindow',
    edit: (m) => (at(m, 5).contextWindow = '128k'),
  },
  {
    name: 'a missing required field',
    file: 'models.json',
    entry: 7,
    field: 'openWeights',
    edit: (m) => delete at(m, 7).openWeights,
  },
  {
    name: 'a misspelt optional field',
    file: 'models.json',
    entry: 6,
    field: 'releaseDte',
    edit: (m) => (at(m, 6).releaseDte = '2024-01-01'),
  },
  {
    name: 'a family of another provider',
    file: 'models.json',
    entry: 4,
    field: 'family',
    edit: (m) => (at(m, 4).family = 'claude-3'),
  },
  {
    name: 'an impossible date',
    file: 'models.json',
    entry: 1,
    field: 'releaseDate',
    edit: (m) => (at(m, 1).releaseDate = '2025-02-30'),
  },
  {
    name: 'an unknown provider of a family',
    file: 'families.json',
    entry: 2,
    field: 'provider',
    edit: (f) => (at(f, 2).provider = 'nobody'),
  },
  {
    name: 'a duplicate slug',
    file: 'providers.json',
    entry: 1,
    field: 'slug',
    edit: (p) => (at(p, 1).slug = 'openai'),
  },
  {
    name: 'a slug not in kebab-case',
    file: 'categories.json',
    entry: 0,
    field: 'slug',
    edit: (c) => (at(c, 0).slug = 'Coding'),
  },
  {
    name: 'a negative weight',
    file: 'categories.json',
    entry: 1,
    field: 'weight',
    edit: (c) => (at(c, 1).weight = -1),
  },
  {
    name: 'scaleMax not above scaleMin',
    file: 'benchmarks.json',
    entry: 40,
    field: 'scaleMax',
    edit: (b) => (at(b, 40).scaleMax = 0),
  },
  {
    name: 'a source that is not an http URL',
    file: 'scores.json',
    entry: 9,
    field: 'source',
    edit: (s) => (at(s, 9).source = 'ftp://x.org/a'),
  },
  {
    name: 'an infinite value',
    file: 'scores.json',
    entry: 4,
    field: 'value',
    edit: (s) => (at(s, 4).value = 'INF'),
    text: (j) => j.replace('"INF"', '1e999'),
  },
  { name: 'a duplicate score', file: 'scores.json', entry: 1212, edit: (s) => s.push({ ...at(s, 0) }) },
  { name: 'a file that is not an array', file: 'benchmarks.json', entry: null, text: () => '{}' },
];

describe('rejecting a bad folder, writing nothing', () => {
  it.each(badCases)('$name', async ({ file, entry, field, edit, text }) => {
    const dir = await folderWith(file, edit ?? (() => {}), text);
    const before = await counts();
    const error = await load(dir).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(DatasetError);
    const { issues, message } = error as DatasetError;
    expect(issues).toContainEqual(expect.objectContaining({ file, entry, ...(field ? { field } : {}) }));
    expect(message).toContain(entry === null ? `${file}:` : `${file} entry ${entry}`);
    expect(await counts()).toEqual(before);
  });

  it('reports every problem at once, and a missing file', async () => {
    const dir = await folderWith('scores.json', (s) => {
      at(s, 17).model = 'gpt-9';
      at(s, 20).value = -1;
    });
    await rm(join(dir, 'providers.json'));
    const error = (await readDataset(dir).catch((e: unknown) => e)) as DatasetError;
    expect(error.issues.map((i) => [i.file, i.entry])).toEqual([
      ['providers.json', null],
      ['scores.json', 17],
      ['scores.json', 20],
    ]);
    expect(error.message).toMatch(/providers\.json: file not found[\s\S]*scores\.json entry 17 \(model "gpt-9"\)/);
  });

  it('rolls back everything when the write fails midway', async () => {
    const dataset: Dataset = structuredClone(await readDataset(bundledDataDir));
    dataset.providers[0]!.name = 'Renamed';
    dataset.scores[0]!.value = 1;
    dataset.models[5]!.contextWindow = 0; // bypasses validation; the table's CHECK rejects it
    const before = await snapshot();
    await expect(importDataset(db, dataset, { today: '2026-04-01' })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('npm run import', () => {
  it('exits 1 naming the file and entry of a bad folder', async () => {
    const dir = await folderWith('scores.json', (s) => (at(s, 17).model = 'gpt-9'));
    const { code, stdout, stderr } = await run([dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('scores.json entry 17 (model "gpt-9"): unknown model slug "gpt-9"');
    expect(stdout).not.toContain('Imported');
  });

  it('exits 0 and summarises each table for the bundled folder', async () => {
    const { code, stdout } = await run([bundledDataDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^scores\s+created 1212, updated 0, unchanged 0$/m);
    expect(stdout).toContain('Imported: ');
  });
});
