import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLmarena } from '../../src/modules/ingestion/sources/lmarena.js';
import { snapshotToDataset } from '../../src/modules/ingestion/sources/to-dataset.js';
import { SourceFormatError } from '../../src/modules/ingestion/sources/types.js';

const TEXT = 'fboulnois_lmarena_text_2025-08-04.csv';
const WIDE = 'nakasyou_result_wide_2025-05-23.csv';
const read = (file: string) => readFileSync(new URL(`../fixtures/formats/lmarena/${file}`, import.meta.url), 'utf8');
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const known = { models: data('models.json'), benchmarks: data('benchmarks.json') };
const board = parseLmarena({ file: TEXT, text: read(TEXT) });
const wide = parseLmarena({ file: WIDE, text: read(WIDE) });

describe('parseLmarena on the text leaderboard', () => {
  it('reads each model once, dated by the file name', () => {
    expect(board).toMatchObject({ source: 'lmarena', snapshotDate: '2025-08-04' });
    expect(board.models).toHaveLength(265);
    expect(board.warnings).toEqual([`${TEXT}, line 202: "Yi-34B-Chat" repeats line 201; the repeat is ignored`]);
  });

  it('keeps the rating with its 95% interval, the vendor and the licence', () => {
    expect(board.models.find((m) => m.externalId === 'Gemini-2.5-Pro')).toEqual({
      externalId: 'Gemini-2.5-Pro',
      name: 'Gemini-2.5-Pro',
      vendor: 'Google',
      openWeights: false,
      scores: [{ benchmark: 'text', value: 1470, interval: [1465, 1475] }],
    });
    expect(board.models.find((m) => m.externalId === 'GLM-4.5')?.openWeights).toBe(true);
    expect(board.models.find((m) => m.externalId === 'Claude Opus 4 (thinking-16k)')?.variant).toBe('reasoning-16k');
  });
});

describe('parseLmarena on the wide Elo history', () => {
  it('keeps each model key’s latest non-zero rating, dated by its row; the snapshot is the last row', () => {
    expect(wide.snapshotDate).toBe('2025-02-27');
    expect(wide.models).toHaveLength(227);
    expect(wide.models.find((m) => m.externalId === 'chatgpt-4o-latest')).toEqual({
      externalId: 'chatgpt-4o-latest',
      name: 'chatgpt-4o-latest',
      vendorApiId: 'chatgpt-4o-latest',
      scores: [{ benchmark: 'text', value: 1315.6201862465268, measuredOn: '2024-09-04' }],
    });
  });
});

describe('snapshotToDataset on LMArena', () => {
  const result = snapshotToDataset(board, known);

  it('makes each matched rating an independent lmarena-text score', () => {
    expect(result.report).toMatchObject({ modelsRead: 265, modelsMatched: 78, modelsUnknown: 187, scores: 70 });
    expect(result.dataset.benchmarks).toEqual([]);
    expect(result.dataset.scores).toContainEqual({
      model: 'gpt-4-1',
      benchmark: 'lmarena-text',
      value: 1380,
      source: 'https://lmarena.ai/leaderboard/text',
      verified: true,
      measuredOn: '2025-08-04',
    });
    const i = result.dataset.scores.findIndex((s) => s.model === 'gpt-4-1');
    expect(result.origins[i]).toEqual({
      model: 'gpt-4-1',
      benchmark: 'lmarena-text',
      externalId: 'GPT-4.1-2025-04-14',
      interval: [1375, 1385],
      rows: 1,
    });
  });

  it('keeps the better of a thinking and a plain entry of one model', () => {
    const i = result.dataset.scores.findIndex((s) => s.model === 'claude-opus-4');
    expect(result.dataset.scores[i]?.value).toBe(1373);
    expect(result.origins[i]).toMatchObject({ variant: 'reasoning-16k', rows: 2 });
  });

  it('drops a rating outside the benchmark scale (1000..1500) rather than hand the writer an invalid score', () => {
    const low = read(TEXT).replace('GPT-4.1-2025-04-14,1380,', 'GPT-4.1-2025-04-14,990,');
    const r = snapshotToDataset(parseLmarena({ file: TEXT, text: low }), known);
    expect(r.report.scoresOutOfScale).toBe(1);
    expect(r.dataset.scores.some((s) => s.model === 'gpt-4-1')).toBe(false);
  });

  it('reads the wide history too, and reports unknown keys with their closest', () => {
    const r = snapshotToDataset(wide, known);
    expect(r.report).toMatchObject({ modelsRead: 227, modelsMatched: 49, modelsUnknown: 178, scores: 40 });
    expect(r.dataset.scores).toContainEqual(
      expect.objectContaining({ model: 'gpt-4o-2024-05-13', value: 1284.717838655607, measuredOn: '2025-02-27' }),
    );
    expect(r.unknown).toContainEqual({
      externalId: 'command-r-plus',
      name: 'command-r-plus',
      closest: 'command-r-plus-04-2024',
    });
  });

  it('is deterministic', () => {
    expect(snapshotToDataset(parseLmarena({ file: TEXT, text: read(TEXT) }), known)).toEqual(result);
  });
});

describe('parseLmarena on a damaged copy', () => {
  it('refuses a broken quote and a malformed interval, naming the line', () => {
    const quote = read(TEXT).replace('GLM-4.5,1434', '"GLM-4.5,1434');
    expect(() => parseLmarena({ file: TEXT, text: quote })).toThrow(SourceFormatError);
    expect(() => parseLmarena({ file: TEXT, text: quote })).toThrow(
      /^fboulnois_lmarena_text_2025-08-04\.csv, line 4: /,
    );
    const ci = read(TEXT).replace('1470,+5/-5', '1470,5');
    expect(() => parseLmarena({ file: TEXT, text: ci })).toThrow(
      `${TEXT}, line 2: 95_pct_ci "5" is not a "+high/-low" interval`,
    );
  });

  it('refuses another layout and a history whose dates go back', () => {
    expect(() => parseLmarena({ file: TEXT, text: 'name,elo\nx,1\n' })).toThrow(
      `${TEXT}, line 1: neither the leaderboard (model, arena_score) nor the wide history layout`,
    );
    const lines = read(WIDE).split('\n');
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
    expect(() => parseLmarena({ file: WIDE, text: swapped })).toThrow(`${WIDE}, line 3: dates are not increasing`);
  });
});
