import { basename } from 'node:path';
import {
  byText,
  compact,
  dayOf,
  failAt,
  latestDay,
  numberOrUndefined,
  resolveSnapshotDate,
  shiftDecimal,
} from './common.js';
import { readCsvTable } from './csv.js';
import { normalizeModelName } from './names.js';
import {
  SourceFormatError,
  type ParseOptions,
  type SourceFile,
  type SourceModel,
  type SourceScore,
  type SourceSnapshot,
} from './types.js';

const SOURCE_URL = 'https://epoch.ai/benchmarks';

/** How one Epoch CSV reads: its score column, whether it is a 0..1 fraction, its date and link columns. */
interface Layout {
  value: string;
  fraction: boolean;
  date?: string;
  url?: string;
}

const EPOCH_RUN: Layout = { value: 'mean_score', fraction: true, date: 'Started at' };
// Keyed by file name: the export names each file after its benchmark. Any other file with Epoch's own
// `mean_score` column reads as an Epoch-run benchmark under its file name, for to-dataset to map or drop.
const LAYOUTS: Record<string, Layout> = {
  gpqa_diamond: EPOCH_RUN,
  math_level_5: EPOCH_RUN,
  swe_bench_verified: EPOCH_RUN,
  aider_polyglot_external: { value: 'Percent correct', fraction: false, url: 'Source link' },
  terminalbench_external: { value: 'Accuracy mean', fraction: true, date: 'Run date', url: 'Source Link' },
  epoch_capabilities_index: { value: 'ECI Score', fraction: false },
};
const DATE_COLUMNS = ['Started at', 'Run date', 'Created', 'Release date'];

interface Row {
  version: string;
  line: number;
  values: Record<string, string>;
}

function layoutOf(file: string, header: string[]): Layout {
  const stem = basename(file).replace(/\.csv$/i, '');
  const layout = LAYOUTS[stem] ?? (header.includes('mean_score') ? EPOCH_RUN : undefined);
  if (!layout) {
    const known = Object.keys(LAYOUTS).join(', ');
    throw new SourceFormatError(file, 'line 1', `not a known Epoch benchmark file (${known}) and no mean_score column`);
  }
  return layout;
}

// The Epoch model record, created on its first row in any file; the capabilities index has the richest one.
function modelFor(models: Map<string, SourceModel>, row: Row, file: string): SourceModel {
  const v = row.values;
  const fail = failAt(file, `line ${row.line}`);
  const release = v['Release date']?.trim() || undefined;
  if (release !== undefined && dayOf(release) !== release) fail('Release date')(`${release} is not a YYYY-MM-DD day`);
  const existing = models.get(row.version);
  const access = v['Model accessibility'] ?? '';
  const fresh = compact<SourceModel>({
    externalId: row.version,
    name: v['Model name']?.trim() || existing?.name || row.version,
    vendor: v.Organization?.trim() || existing?.vendor,
    vendorApiId: row.version.slice(row.version.lastIndexOf('/') + 1),
    releaseDate: release ?? existing?.releaseDate,
    variant: normalizeModelName(row.version).variant,
    openWeights: access.startsWith('Open weights') ? true : access === 'API access' ? false : existing?.openWeights,
    scores: existing?.scores ?? [],
  });
  models.set(row.version, fresh);
  return fresh;
}

function scoreOf(row: Row, key: string, layout: Layout, file: string): SourceScore | undefined {
  const v = row.values;
  const raw = numberOrUndefined(v[layout.value], failAt(file, `line ${row.line}`)(layout.value));
  if (raw === undefined) return undefined;
  const measuredOn = layout.date ? dayOf(v[layout.date]) : undefined;
  const link = layout.url ? v[layout.url]?.trim() : undefined;
  const url = link && /^https?:\/\//.test(link) ? link : undefined;
  return compact({ benchmark: key, value: layout.fraction ? shiftDecimal(raw, 2) : raw, measuredOn, url });
}

// Several rows of one model on one benchmark (one per agent, scaffold or run): the best is kept, as
// Epoch's own leaderboards show a model's best result.
function keepBest(model: SourceModel, score: SourceScore): void {
  const i = model.scores.findIndex((s) => s.benchmark === score.benchmark);
  const current = model.scores[i];
  if (!current) model.scores.push(score);
  else if (score.value > current.value) model.scores[i] = score;
}

function readFile(source: SourceFile, models: Map<string, SourceModel>, warnings: string[]): (string | undefined)[] {
  const { file } = source;
  const table = readCsvTable(source.text, file, ['Model version']);
  const layout = layoutOf(file, table.header);
  const missing = [layout.value, layout.date, layout.url].filter((c) => c !== undefined && !table.header.includes(c));
  if (missing.length > 0) throw new SourceFormatError(file, 'line 1', `missing column ${missing.join(', ')}`);
  const key = basename(file).replace(/\.csv$/i, '');
  const unnamed: number[] = [];
  const dates: (string | undefined)[] = [];
  for (const { line, values } of table.rows) {
    const version = values['Model version']?.trim() ?? '';
    if (version === '') {
      unnamed.push(line);
      continue;
    }
    const row = { version, line, values };
    const model = modelFor(models, row, file);
    const score = scoreOf(row, key, layout, file);
    if (score) keepBest(model, score);
    dates.push(...DATE_COLUMNS.map((c) => dayOf(values[c])));
  }
  if (unnamed.length > 0) {
    warnings.push(`${file}: skipped ${unnamed.length} rows with no model version (lines ${unnamed.join(', ')})`);
  }
  return dates;
}

/**
 * Reads Epoch AI's benchmarking-hub CSV export: one file per benchmark plus the capabilities index (ECI).
 * Scores are independent; fractions become percent; a model's several rows on one benchmark keep the
 * best. The snapshot date is the latest date any row carries (run, creation or release) unless given.
 */
export function parseEpoch(files: readonly SourceFile[], options: ParseOptions = {}): SourceSnapshot {
  const first = files[0];
  if (!first) throw new SourceFormatError('(no file)', '', 'no Epoch file given');
  const models = new Map<string, SourceModel>();
  const warnings: string[] = [];
  const dates = files.flatMap((f) => readFile(f, models, warnings));
  const snapshotDate = resolveSnapshotDate(first.file, options.snapshotDate, latestDay(dates));
  for (const m of models.values()) m.scores.sort((a, b) => byText(a.benchmark, b.benchmark));
  const list = [...models.values()].sort((a, b) => byText(a.externalId, b.externalId));
  return { source: 'epoch', snapshotDate, sourceUrl: SOURCE_URL, models: list, warnings };
}
