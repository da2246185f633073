import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataset, type KnownRows } from '../../src/modules/ingestion/dataset.js';
import { parseArtificialAnalysis } from '../../src/modules/ingestion/sources/artificial-analysis.js';
import { parseEpoch } from '../../src/modules/ingestion/sources/epoch.js';
import { parseLitellm } from '../../src/modules/ingestion/sources/litellm.js';
import { parseLmarena } from '../../src/modules/ingestion/sources/lmarena.js';
import { parseOpenRouter } from '../../src/modules/ingestion/sources/openrouter.js';
import { NEW_BENCHMARKS, snapshotToDataset } from '../../src/modules/ingestion/sources/to-dataset.js';
import type { SourceModel, SourceSnapshot } from '../../src/modules/ingestion/sources/types.js';

const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const known = { models: data('models.json'), benchmarks: data('benchmarks.json') };
const fixture = (path: string) => ({
  file: path.split('/').pop() ?? path,
  text: readFileSync(new URL(`../fixtures/formats/${path}`, import.meta.url), 'utf8'),
});

// What the database would hold after importing the bundled data folder.
const rows: KnownRows = {
  providers: new Set(data('providers.json').map((p: { slug: string }) => p.slug)),
  families: new Map(data('families.json').map((f: { slug: string; provider: string }) => [f.slug, f.provider])),
  models: new Set(known.models.map((m: { slug: string }) => m.slug)),
  categories: new Set(data('categories.json').map((c: { slug: string }) => c.slug)),
  benchmarks: new Map(known.benchmarks.map((b: { slug: string }) => [b.slug, b])),
};

const snapshot = (models: SourceModel[], source: SourceSnapshot['source'] = 'artificial-analysis'): SourceSnapshot => ({
  source,
  snapshotDate: '2026-01-01',
  sourceUrl: 'https://example.org/',
  models,
  warnings: [],
});
const row = (externalId: string, fields: Partial<SourceModel> = {}): SourceModel => ({
  externalId,
  name: externalId,
  scores: [],
  ...fields,
});

describe('NEW_BENCHMARKS', () => {
  it('are valid entries of our benchmarks.json, in existing categories, with slugs we do not use yet', () => {
    expect(() => validateDataset({ benchmarks: [...NEW_BENCHMARKS] }, { known: rows })).not.toThrow();
    const ours = new Set(known.benchmarks.map((b: { slug: string }) => b.slug));
    expect(NEW_BENCHMARKS.filter((b) => ours.has(b.slug))).toEqual([]);
    expect(NEW_BENCHMARKS.filter((b) => b.category === 'overall').every((b) => b.weight === 0)).toBe(true);
  });
});

describe('snapshotToDataset', () => {
  const epochDir = new URL('../fixtures/formats/epoch/', import.meta.url);
  const snapshots = [
    parseOpenRouter(fixture('openrouter/openrouter_models_2026-08-01.json')),
    parseArtificialAnalysis(fixture('artificial-analysis/aa_v2_llms_models_wrapped_2026-03-25.json')),
    parseArtificialAnalysis(fixture('artificial-analysis/aa_v2_llms_models_paginated_page1_2026-06-27.json')),
    parseEpoch(
      readdirSync(epochDir)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => fixture(`epoch/${f}`)),
    ),
    parseLmarena(fixture('lmarena/fboulnois_lmarena_text_2025-08-04.csv')),
    parseLmarena(fixture('lmarena/nakasyou_result_wide_2025-05-23.csv')),
    parseLitellm(fixture('litellm/model_prices_and_context_window.json'), { snapshotDate: '2025-11-01' }),
  ];

  it.each(snapshots.map((s) => [`${s.source} ${s.snapshotDate}`, s] as const))(
    'gives %s scores and benchmarks the project validator accepts, sorted',
    (_, s) => {
      const { dataset } = snapshotToDataset(s, known);
      expect(() =>
        validateDataset({ scores: dataset.scores, benchmarks: dataset.benchmarks }, { known: rows }),
      ).not.toThrow();
      const keys = dataset.scores.map((x) => `${x.model} ${x.benchmark}`);
      expect(keys).toEqual([...keys].sort());
      expect(new Set(keys).size).toBe(keys.length);
      const slugs = dataset.models.map((m) => m.slug);
      expect(slugs).toEqual([...slugs].sort());
    },
  );
});

describe('snapshotToDataset on hand-made snapshots', () => {
  it('uses an alias of the source, and counts what it could not place', () => {
    const s = snapshot(
      [
        row('m1', { name: 'Some House Name', scores: [{ benchmark: 'gpqa', value: 50 }] }),
        row('m2', { name: 'Mystery 9', scores: [{ benchmark: 'not_a_benchmark', value: 1 }] }),
        row('m3', { name: 'GPT-4.1', scores: [{ benchmark: 'not_a_benchmark', value: 1 }] }),
      ],
      'artificial-analysis',
    );
    const aliases = [{ source: 'artificial-analysis' as const, externalId: 'm1', model: 'o3' }];
    const r = snapshotToDataset(s, { ...known, aliases });
    expect(r.dataset.scores).toEqual([
      {
        model: 'o3',
        benchmark: 'gpqa',
        value: 50,
        source: 'https://example.org/',
        verified: true,
        measuredOn: '2026-01-01',
      },
    ]);
    expect(r.report).toMatchObject({
      matchedVia: { alias: 1, 'vendor-id': 0, 'source-id': 0, name: 1 },
      scoresOfUnknownModels: 1,
      scoresUnmappedBenchmark: 1,
      modelsUnknown: 1,
    });
  });

  it('keeps the lowest value where lower is better', () => {
    const s = snapshot([
      row('GPT-5 (high)', { scores: [{ benchmark: 'gpqa', value: 40 }] }),
      row('GPT-5 (low)', { scores: [{ benchmark: 'gpqa', value: 30 }] }),
    ]);
    const benchmarks = known.benchmarks.map((b: { slug: string }) =>
      b.slug === 'gpqa' ? { ...b, higherIsBetter: false } : b,
    );
    const r = snapshotToDataset(s, { ...known, benchmarks });
    expect(r.dataset.scores.map((x) => x.value)).toEqual([30]);
    expect(r.origins).toEqual([
      { model: 'gpt-5', benchmark: 'gpqa', externalId: 'GPT-5 (low)', variant: 'low', rows: 2 },
    ]);
    expect(r.report.scoresNotBest).toBe(1);
  });
});

describe('snapshotToDataset, figures of our models', () => {
  it('takes model figures from the variant-free entry, never from a free tier', () => {
    const s = snapshot(
      [
        row('openai/gpt-4.1:free', { inputPricePerMTok: 0, outputPricePerMTok: 0, contextWindow: 8000 }),
        row('openai/gpt-4.1', { inputPricePerMTok: 2, outputPricePerMTok: 8 }),
      ],
      'openrouter',
    );
    expect(snapshotToDataset(s, known).dataset.models).toEqual([
      { slug: 'gpt-4-1', inputPricePerMTok: 2, outputPricePerMTok: 8 },
    ]);
  });

  it('with variants only, keeps figures they agree on and a speed only from the non-reasoning one', () => {
    const s = snapshot([
      row('Claude 4.5 Sonnet (Reasoning)', { inputPricePerMTok: 3, outputTokensPerSecond: 49, contextWindow: 1 }),
      row('Claude 4.5 Sonnet (Non-reasoning)', { inputPricePerMTok: 3, outputTokensPerSecond: 45, contextWindow: 2 }),
    ]);
    expect(snapshotToDataset(s, known).dataset.models).toEqual([
      { slug: 'claude-sonnet-4-5', inputPricePerMTok: 3, outputTokensPerSecond: 45 },
    ]);
  });
});
