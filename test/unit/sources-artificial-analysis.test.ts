import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArtificialAnalysis } from '../../src/modules/ingestion/sources/artificial-analysis.js';
import { snapshotToDataset } from '../../src/modules/ingestion/sources/to-dataset.js';
import { SourceFormatError } from '../../src/modules/ingestion/sources/types.js';

const WRAPPED = 'aa_v2_llms_models_wrapped_2026-03-25.json';
const PAGE = 'aa_v2_llms_models_paginated_page1_2026-06-27.json';
const read = (file: string) => ({
  file,
  text: readFileSync(new URL(`../fixtures/formats/artificial-analysis/${file}`, import.meta.url), 'utf8'),
});
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const known = { models: data('models.json'), benchmarks: data('benchmarks.json') };
const wrapped = parseArtificialAnalysis(read(WRAPPED));
const page = parseArtificialAnalysis(read(PAGE));
const bySlug = (s: typeof wrapped, slug: string) => s.models.find((m) => m.slug === slug);

describe('parseArtificialAnalysis', () => {
  it('reads the wrapped payload, dated by its fetched_at', () => {
    expect(wrapped).toMatchObject({ source: 'artificial-analysis', snapshotDate: '2026-03-25', warnings: [] });
    expect(wrapped.models).toHaveLength(450);
  });

  it('reads a page of the paginated payload, dated by the file name, and says pages are missing', () => {
    expect(page.snapshotDate).toBe('2026-06-27');
    expect(page.models).toHaveLength(200);
    expect(page.warnings).toEqual([`${PAGE}: page 1 of 3; later pages were not given, so models are missing`]);
  });

  it('keeps prices per million as they are, speed in tokens/s, latency in s, the UUID as the key', () => {
    expect(bySlug(wrapped, 'gpt-4-1')).toMatchObject({
      externalId: '3b608b70-6434-4baa-99ad-45d499703c67',
      name: 'GPT-4.1',
      vendor: 'openai',
      releaseDate: '2025-04-14',
      inputPricePerMTok: 2,
      outputPricePerMTok: 8,
      outputTokensPerSecond: 87.43,
      timeToFirstTokenSeconds: 0.518,
    });
    // The paginated shape nests speeds under `performance` and adds the cache price.
    expect(bySlug(page, 'gpt-4-1')).toMatchObject({
      cachedInputPricePerMTok: 0.5,
      outputTokensPerSecond: 159.14,
      timeToFirstTokenSeconds: 0.92,
    });
  });

  it('makes each evaluation its own score, fractions as percent, indices as they are', () => {
    const scores = bySlug(wrapped, 'gpt-4-1')?.scores ?? [];
    expect(scores).toHaveLength(15);
    const url = 'https://artificialanalysis.ai/models/gpt-4-1';
    expect(scores).toContainEqual({ benchmark: 'gpqa', value: 66.6, url });
    expect(scores).toContainEqual({ benchmark: 'hle', value: 4.6, url });
    expect(scores).toContainEqual({ benchmark: 'artificial_analysis_intelligence_index', value: 26.3, url });
  });

  it('reads a 0 as "not measured", never as a score, a price or a speed of 0', () => {
    const haiku = bySlug(wrapped, 'claude-3-5-haiku');
    expect(haiku?.inputPricePerMTok).toBe(0.8);
    expect(haiku).not.toHaveProperty('outputTokensPerSecond');
    expect(haiku).not.toHaveProperty('timeToFirstTokenSeconds');
    expect(bySlug(wrapped, 'phi-4')?.scores.map((s) => s.benchmark)).not.toContain('lcr');
    expect(bySlug(page, 'devstral-2')).not.toHaveProperty('inputPricePerMTok');
    const values = [...wrapped.models, ...page.models].flatMap((m) => m.scores.map((s) => s.value));
    expect(Math.min(...values)).toBeGreaterThan(0);
  });

  it('splits the variant off the name', () => {
    expect(bySlug(wrapped, 'gpt-5')).toMatchObject({ name: 'GPT-5 (high)', variant: 'high' });
    expect(bySlug(wrapped, 'claude-4-5-sonnet')?.variant).toBe('non-reasoning');
  });
});

describe('snapshotToDataset on Artificial Analysis', () => {
  const result = snapshotToDataset(wrapped, known);

  it('matches our models, keeping one score per model and benchmark', () => {
    expect(result.report).toMatchObject({
      modelsRead: 450,
      modelsMatched: 126,
      modelsUnknown: 324,
      ourModelsCovered: 100,
      scoresRead: 4891,
      scores: 1223,
      scoresUnmappedBenchmark: 0,
      newBenchmarks: 8,
    });
    expect(result.dataset.scores).toContainEqual({
      model: 'gpt-4-1',
      benchmark: 'gpqa',
      value: 66.6,
      source: 'https://artificialanalysis.ai/models/gpt-4-1',
      verified: true,
      measuredOn: '2026-03-25',
    });
  });

  it('keeps the best variant of a model on a benchmark, and says which', () => {
    const gpqa = result.dataset.scores.findIndex((s) => s.model === 'gpt-5' && s.benchmark === 'gpqa');
    const efforts = wrapped.models.filter((m) => /^GPT-5 \((high|medium|low|minimal)\)$/.test(m.name));
    expect(efforts).toHaveLength(4);
    const best = Math.max(
      ...efforts.flatMap((m) => m.scores.filter((s) => s.benchmark === 'gpqa').map((s) => s.value)),
    );
    expect(result.dataset.scores[gpqa]?.value).toBe(best);
    expect(result.origins[gpqa]).toMatchObject({ model: 'gpt-5', benchmark: 'gpqa', variant: 'high', rows: 4 });
  });
});

describe('snapshotToDataset on Artificial Analysis: model figures and unknowns', () => {
  const result = snapshotToDataset(wrapped, known);

  it('updates speed and latency only from a variant-free or non-reasoning entry', () => {
    const models = result.dataset.models;
    expect(models.find((m) => m.slug === 'gpt-4-1')).toEqual({
      slug: 'gpt-4-1',
      inputPricePerMTok: 2,
      outputPricePerMTok: 8,
      outputTokensPerSecond: 87.43,
      timeToFirstTokenSeconds: 0.518,
    });
    expect(models.find((m) => m.slug === 'gpt-5')).toEqual({
      slug: 'gpt-5',
      inputPricePerMTok: 1.25,
      outputPricePerMTok: 10,
    });
    expect(models.find((m) => m.slug === 'claude-sonnet-4-5')).toMatchObject({ outputTokensPerSecond: 45.659 });
  });

  it('proposes the benchmarks we lack, and reports unknown models with their closest', () => {
    expect(result.dataset.benchmarks.map((b) => b.slug)).toEqual([
      'aa-coding-index',
      'aa-intelligence-index',
      'aa-lcr',
      'aa-math-index',
      'ifbench',
      'scicode',
      'tau2-bench-telecom',
      'terminal-bench-hard',
    ]);
    expect(result.unknown).toContainEqual(
      expect.objectContaining({ name: 'Claude Opus 4.5 (Reasoning)', closest: 'claude-opus-4-1' }),
    );
  });

  it('is deterministic', () => {
    expect(snapshotToDataset(parseArtificialAnalysis(read(WRAPPED)), known)).toEqual(result);
  });
});

describe('parseArtificialAnalysis on a damaged copy', () => {
  it('refuses a truncated file, a count that does not add up, and a wrong shape', () => {
    const { text } = read(WRAPPED);
    expect(() => parseArtificialAnalysis({ file: WRAPPED, text: text.slice(0, 5000) })).toThrow(SourceFormatError);
    expect(() => parseArtificialAnalysis({ file: WRAPPED, text: text.slice(0, 5000) })).toThrow(
      new RegExp(`^${WRAPPED}, line \\d+, column \\d+: malformed JSON`),
    );
    const body = JSON.parse(text);
    body.models.pop();
    expect(() => parseArtificialAnalysis({ file: WRAPPED, text: JSON.stringify(body) })).toThrow(
      `${WRAPPED}, top level: "count" says 450 models but the file has 449`,
    );
    expect(() => parseArtificialAnalysis({ file: WRAPPED, text: '{"items": []}' })).toThrow(/top level: expected/);
  });

  it('refuses an evaluation above 1, naming the entry and the field', () => {
    const body = JSON.parse(read(WRAPPED).text);
    body.models[3].evaluations.gpqa = 66.6;
    expect(() => parseArtificialAnalysis({ file: WRAPPED, text: JSON.stringify(body) })).toThrow(
      new RegExp(`^${WRAPPED}, entry 3 \\("[^"]+"\\): evaluations\\.gpqa 66\\.6 is above 1$`),
    );
  });
});
