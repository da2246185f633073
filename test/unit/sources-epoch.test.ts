import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEpoch } from '../../src/modules/ingestion/sources/epoch.js';
import { snapshotToDataset } from '../../src/modules/ingestion/sources/to-dataset.js';
import { SourceFormatError, type SourceFile } from '../../src/modules/ingestion/sources/types.js';

const DIR = new URL('../fixtures/formats/epoch/', import.meta.url);
const files: SourceFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, DIR), 'utf8') }));
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const known = { models: data('models.json'), benchmarks: data('benchmarks.json') };
const snapshot = parseEpoch(files);
const byId = (id: string) => snapshot.models.find((m) => m.externalId === id);
const withFile = (name: string, text: string) => files.map((f) => (f.file === name ? { file: name, text } : f));

describe('parseEpoch on the benchmarking-hub export', () => {
  it('reads one model per model version across the six files, dated by the latest date a row carries', () => {
    expect(snapshot).toMatchObject({
      source: 'epoch',
      snapshotDate: '2026-01-06',
      sourceUrl: 'https://epoch.ai/benchmarks',
    });
    expect(snapshot.models).toHaveLength(498);
    expect(snapshot.warnings).toEqual([
      'aider_polyglot_external.csv: skipped 5 rows with no model version (lines 21, 40, 75, 113, 117)',
      'terminalbench_external.csv: skipped 2 rows with no model version (lines 7, 48)',
    ]);
  });

  it('turns fractions into percent, dates a score by its run, and keeps percent columns as they are', () => {
    const gpt41 = byId('gpt-4.1-2025-04-14');
    expect(gpt41).toMatchObject({ vendorApiId: 'gpt-4.1-2025-04-14', vendor: 'OpenAI', releaseDate: '2025-04-14' });
    expect(gpt41?.scores).toEqual([
      {
        benchmark: 'aider_polyglot_external',
        value: 52.4,
        url: 'https://aider.chat/docs/leaderboards/#polyglot-leaderboard',
      },
      { benchmark: 'epoch_capabilities_index', value: 137.5095823764539 },
      { benchmark: 'gpqa_diamond', value: 66.91919191919192, measuredOn: '2025-04-14' },
      { benchmark: 'math_level_5', value: 83.00604229607251, measuredOn: '2025-04-14' },
      { benchmark: 'swe_bench_verified', value: 41, measuredOn: '2025-04-30' },
    ]);
  });

  it('keeps the best of several rows of one model on one benchmark (one per agent)', () => {
    const tb = byId('claude-sonnet-4-5-20250929')?.scores.find((s) => s.benchmark === 'terminalbench_external');
    expect(tb).toEqual({
      benchmark: 'terminalbench_external',
      value: 42.8,
      measuredOn: '2025-10-31',
      url: 'https://www.tbench.ai/leaderboard/terminal-bench/2.0',
    });
  });

  it('keeps the capabilities index on its own scale and leaves an empty score missing', () => {
    expect(byId('gpt-5.2-2025-12-11_xhigh')?.scores).toContainEqual({
      benchmark: 'epoch_capabilities_index',
      value: 152.4182891569458,
    });
    expect(byId('gpt-5.2-2025-12-11_xhigh')?.variant).toBe('xhigh');
    const unscored = snapshot.models.filter((m) => m.scores.length === 0);
    expect(unscored.length).toBeGreaterThan(0);
  });
});

describe('snapshotToDataset on Epoch', () => {
  const result = snapshotToDataset(snapshot, known);

  it('matches models by their API ids and keeps one score per model and benchmark', () => {
    expect(result.report).toMatchObject({
      modelsRead: 498,
      modelsMatched: 177,
      modelsUnknown: 321,
      ourModelsCovered: 95,
      modelUpdates: 0,
      scoresRead: 646,
      scores: 247,
      newBenchmarks: 3,
    });
    expect(result.dataset.benchmarks.map((b) => b.slug)).toEqual([
      'epoch-capabilities-index',
      'math-level-5',
      'terminal-bench-2',
    ]);
  });

  it('keeps the best thinking budget of a model, and says which', () => {
    const i = result.dataset.scores.findIndex((s) => s.model === 'claude-3-7-sonnet' && s.benchmark === 'gpqa');
    const rows = snapshot.models
      .filter((m) => m.externalId.startsWith('claude-3-7-sonnet-20250219'))
      .flatMap((m) => m.scores.filter((s) => s.benchmark === 'gpqa_diamond').map((s) => s.value));
    expect(result.dataset.scores[i]?.value).toBe(Math.max(...rows));
    expect(result.origins[i]).toMatchObject({ externalId: 'claude-3-7-sonnet-20250219_64K', variant: '64k', rows: 4 });
  });

  it('reports unknown models with their closest', () => {
    expect(result.unknown).toContainEqual({
      externalId: 'gpt-4o-2024-11-20',
      name: 'GPT-4o (Nov 2024)',
      closest: 'gpt-4o',
    });
  });

  it('gives the same output whatever the order of the files', () => {
    expect(snapshotToDataset(parseEpoch([...files].reverse()), known)).toEqual(result);
  });
});

describe('parseEpoch on a damaged copy', () => {
  const gpqa = files.find((f) => f.file === 'gpqa_diamond.csv')?.text ?? '';

  it('refuses a quoted cell cut short, naming the file and the line it opens on', () => {
    const cut = gpqa.split('\n').slice(0, 8).join('\n');
    expect(() => parseEpoch(withFile('gpqa_diamond.csv', cut))).toThrow(
      'gpqa_diamond.csv, line 6: a quoted cell is never closed',
    );
  });

  it('refuses a stray quote and a score that is not a number, naming the line', () => {
    const stray = gpqa.replace('deepseek-reasoner,', 'deepseek"reasoner,');
    expect(() => parseEpoch(withFile('gpqa_diamond.csv', stray))).toThrow(
      /^gpqa_diamond\.csv, line \d+: a quote inside an unquoted cell$/,
    );
    const nan = gpqa.replace('gemini-3-flash-preview,0.8320707070707071', 'gemini-3-flash-preview,n/a');
    expect(() => parseEpoch(withFile('gpqa_diamond.csv', nan))).toThrow(
      'gpqa_diamond.csv, line 2: mean_score "n/a" is not a number',
    );
  });

  it('refuses a file it does not know', () => {
    expect(() => parseEpoch([{ file: 'frontier.csv', text: 'Model version,score\nx,1\n' }])).toThrow(SourceFormatError);
    expect(() => parseEpoch([{ file: 'frontier.csv', text: 'Model version,score\nx,1\n' }])).toThrow(
      /^frontier\.csv, line 1: not a known Epoch benchmark file/,
    );
  });
});
