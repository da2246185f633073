import { byText, compact, dayInFileName, failAt, numberOrUndefined, resolveSnapshotDate } from './common.js';
import { readCsvTable, type CsvTable } from './csv.js';
import { normalizeModelName } from './names.js';
import {
  SourceFormatError,
  type ParseOptions,
  type SourceFile,
  type SourceModel,
  type SourceSnapshot,
} from './types.js';

const SOURCE_URL = 'https://lmarena.ai/leaderboard/text';
/** The source-side key of LMArena's text-arena rating. */
export const LMARENA_TEXT = 'text';

// "+5/-5" (or "+6/-4"): the distances of the 95% interval's ends from the rating.
function interval(raw: string | undefined, value: number, fail: (p: string) => never): [number, number] | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  const m = /^\+(\d+(?:\.\d+)?)\s*\/\s*-(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) return fail(`${JSON.stringify(raw)} is not a "+high/-low" interval`);
  return [value - Number(m[2]), value + Number(m[1])];
}

function leaderboard(table: CsvTable, file: string, warnings: string[]): SourceModel[] {
  const byName = new Map<string, { model: SourceModel; line: number }>();
  for (const { line, values } of table.rows) {
    const fail = failAt(file, `line ${line}`);
    const name = values.model?.trim() ?? '';
    if (name === '') fail('model')('is empty');
    const value = numberOrUndefined(values.arena_score, fail('arena_score')) ?? fail('arena_score')('is empty');
    const license = values.license?.trim() ?? '';
    const model = compact<SourceModel>({
      externalId: name,
      name,
      vendor: values.organization?.trim() || undefined,
      variant: normalizeModelName(name).variant,
      // LMArena spells it "Proprietary" (once "Propretary"); any other licence names published weights.
      openWeights: license === '' ? undefined : !/^propri?etary$/i.test(license),
      scores: [
        compact({ benchmark: LMARENA_TEXT, value, interval: interval(values['95_pct_ci'], value, fail('95_pct_ci')) }),
      ],
    });
    const before = byName.get(name);
    if (!before) byName.set(name, { model, line });
    else if (JSON.stringify(before.model) === JSON.stringify(model)) {
      warnings.push(
        `${file}, line ${line}: ${JSON.stringify(name)} repeats line ${before.line}; the repeat is ignored`,
      );
    } else
      throw new SourceFormatError(
        file,
        `line ${line}`,
        `${JSON.stringify(name)} is also on line ${before.line}, with other figures`,
      );
  }
  return [...byName.values()].map((e) => e.model);
}

function dayOfStamp(stamp: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(stamp.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

// One row per date, one column per model key, 0.0 when the model was not rated that day: each model's
// latest non-zero rating is kept, dated by its row.
function history(table: CsvTable, file: string, warnings: string[]): { models: SourceModel[]; last?: string } {
  const latest = new Map<string, { value: number; day: string }>();
  let last: string | undefined;
  for (const { line, values } of table.rows) {
    const day = dayOfStamp(values[''] ?? '');
    if (!day) throw new SourceFormatError(file, `line ${line}`, `${JSON.stringify(values[''])} is not a YYYYMMDD date`);
    if (last !== undefined && day <= last)
      throw new SourceFormatError(file, `line ${line}`, 'dates are not increasing');
    last = day;
    for (const key of table.header.slice(1)) {
      const value = numberOrUndefined(values[key], failAt(file, `line ${line}`)(JSON.stringify(key)));
      if (value !== undefined && value > 0) latest.set(key, { value, day });
    }
  }
  const unrated = table.header.slice(1).filter((k) => !latest.has(k));
  if (unrated.length > 0) warnings.push(`${file}: ${unrated.length} model columns have no rating on any date`);
  const models = [...latest].map(([key, { value, day }]) =>
    compact<SourceModel>({
      externalId: key,
      name: key,
      vendorApiId: key,
      variant: normalizeModelName(key).variant,
      scores: [{ benchmark: LMARENA_TEXT, value, measuredOn: day }],
    }),
  );
  return { models, ...(last ? { last } : {}) };
}

/**
 * Reads an LMArena text-arena CSV: the leaderboard (`model, arena_score, 95_pct_ci, ...`, dated by its
 * file name) or the wide Elo history (a date column, then one column per model key, dated by its last row).
 * Each rating is an independent score on `lmarena-text`, with its 95% interval where the file gives one.
 */
export function parseLmarena(input: SourceFile, options: ParseOptions = {}): SourceSnapshot {
  const { file, text } = input;
  const table = readCsvTable(text, file);
  const warnings: string[] = [];
  let models: SourceModel[];
  let ownDate: string | undefined;
  if (table.header.includes('model') && table.header.includes('arena_score')) {
    models = leaderboard(table, file, warnings);
  } else if (table.header[0] === '' && table.header.length > 1) {
    const wide = history(table, file, warnings);
    models = wide.models;
    ownDate = wide.last;
  } else {
    throw new SourceFormatError(
      file,
      'line 1',
      'neither the leaderboard (model, arena_score) nor the wide history layout',
    );
  }
  const snapshotDate = resolveSnapshotDate(file, options.snapshotDate, ownDate, dayInFileName(file));
  models.sort((a, b) => byText(a.externalId, b.externalId));
  return { source: 'lmarena', snapshotDate, sourceUrl: SOURCE_URL, models, warnings };
}
