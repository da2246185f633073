import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenRouter } from '../../src/modules/ingestion/sources/openrouter.js';
import { snapshotToDataset } from '../../src/modules/ingestion/sources/to-dataset.js';
import { SourceFormatError } from '../../src/modules/ingestion/sources/types.js';

const FILE = 'openrouter_models_2026-08-01.json';
const text = readFileSync(new URL(`../fixtures/formats/openrouter/${FILE}`, import.meta.url), 'utf8');
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const known = { models: data('models.json'), benchmarks: data('benchmarks.json') };
const snapshot = parseOpenRouter({ file: FILE, text });
const byId = (id: string) => snapshot.models.find((m) => m.externalId === id);

// A copy of the file with one entry's fields changed.
function edited(id: string, change: (entry: Record<string, any>) => void): string {
  const body = JSON.parse(text);
  change(body.data.find((e: { id: string }) => e.id === id));
  return JSON.stringify(body);
}

describe('parseOpenRouter on the 2026-08-01 snapshot', () => {
  it('reads every model but the routers and "latest" pointers, dated by the file name', () => {
    expect(snapshot).toMatchObject({ source: 'openrouter', snapshotDate: '2026-08-01' });
    expect(snapshot.models).toHaveLength(320);
    expect(byId('openrouter/auto')).toBeUndefined();
    expect(byId('~openai/gpt-latest')).toBeUndefined();
    expect(snapshot.warnings).toEqual([
      `${FILE}: skipped 16 router or "~…-latest" alias entries (not models of their own)`,
    ]);
  });

  it('turns prices per token into USD per million tokens, exactly', () => {
    expect(byId('openai/gpt-4.1')).toEqual({
      externalId: 'openai/gpt-4.1',
      name: 'OpenAI: GPT-4.1',
      vendor: 'openai',
      inputPricePerMTok: 2,
      outputPricePerMTok: 8,
      cachedInputPricePerMTok: 0.5,
      contextWindow: 1047576,
      maxOutputTokens: 32768,
      scores: [],
    });
    expect(byId('deepseek/deepseek-v4-flash-0731')).toMatchObject({
      inputPricePerMTok: 0.14,
      cachedInputPricePerMTok: 0.0028,
      vendorApiId: 'DeepSeek-V4-Flash-0731',
      openWeights: true,
    });
  });

  it('keeps 0 only on a free endpoint; a 0 elsewhere and -1 are missing, never 0', () => {
    expect(byId('openai/gpt-oss-20b:free')).toMatchObject({
      inputPricePerMTok: 0,
      outputPricePerMTok: 0,
      variant: 'free',
    });
    const lyria = byId('google/lyria-3-pro-preview');
    expect(lyria?.inputPricePerMTok).toBeUndefined();
    expect(lyria?.outputPricePerMTok).toBeUndefined();
    const variable = parseOpenRouter({
      file: FILE,
      text: edited('openai/gpt-4.1', (e) => (e.pricing.completion = '-1')),
    });
    const gpt41 = variable.models.find((m) => m.externalId === 'openai/gpt-4.1');
    expect(gpt41).not.toHaveProperty('outputPricePerMTok');
    expect(gpt41?.inputPricePerMTok).toBe(2);
  });

  it('leaves a missing max_completion_tokens missing', () => {
    const nano = byId('nvidia/nemotron-3-nano-30b-a3b:free');
    expect(nano?.maxOutputTokens).toBeUndefined();
    expect(nano?.contextWindow).toBe(256000);
  });
});

describe('snapshotToDataset on OpenRouter', () => {
  const result = snapshotToDataset(snapshot, known);

  it('matches the models we list and updates their prices and context only', () => {
    expect(result.report).toMatchObject({
      modelsRead: 320,
      modelsMatched: 72,
      modelsUnknown: 248,
      ourModelsCovered: 67,
      modelUpdates: 67,
      scores: 0,
    });
    expect(result.dataset.scores).toEqual([]);
    expect(result.dataset.models.find((m) => m.slug === 'gpt-4-1')).toEqual({
      slug: 'gpt-4-1',
      inputPricePerMTok: 2,
      outputPricePerMTok: 8,
      cachedInputPricePerMTok: 0.5,
      contextWindow: 1047576,
      maxOutputTokens: 32768,
    });
  });

  it('never takes a free tier as the model price', () => {
    expect(result.dataset.models.find((m) => m.slug === 'gpt-oss-20b')?.inputPricePerMTok).toBeGreaterThan(0);
  });

  it('reports an unknown model with our closest one', () => {
    expect(result.unknown).toContainEqual({
      externalId: 'anthropic/claude-opus-4.5',
      name: 'Anthropic: Claude Opus 4.5',
      closest: 'claude-opus-4-1',
    });
  });

  it('gives the same output whatever the order of the entries', () => {
    const body = JSON.parse(text);
    body.data.reverse();
    const reversed = snapshotToDataset(parseOpenRouter({ file: FILE, text: JSON.stringify(body) }), known);
    expect(reversed).toEqual(result);
  });
});

describe('parseOpenRouter on a damaged copy', () => {
  it('refuses a truncated file, naming the file, line and column', () => {
    const cut = text.slice(0, 200_000);
    expect(() => parseOpenRouter({ file: FILE, text: cut })).toThrow(SourceFormatError);
    expect(() => parseOpenRouter({ file: FILE, text: cut })).toThrow(
      new RegExp(`^${FILE}, line 1, column 199974: malformed JSON: a string is never closed$`),
    );
  });

  it('refuses the wrong shape and a bad entry, naming the entry', () => {
    expect(() => parseOpenRouter({ file: FILE, text: '{"models": []}' })).toThrow(
      `${FILE}, top level: expected the models API body, an object with a "data" array`,
    );
    const bad = edited('openai/gpt-4.1', (e) => (e.pricing.prompt = 'two dollars'));
    expect(() => parseOpenRouter({ file: FILE, text: bad })).toThrow(
      /entry \d+ \("openai\/gpt-4\.1"\): pricing\.prompt "two dollars" is not a price$/,
    );
  });

  it('needs a date when the file name has none', () => {
    expect(() => parseOpenRouter({ file: 'models.json', text })).toThrow(/pass snapshotDate/);
    expect(parseOpenRouter({ file: 'models.json', text }, { snapshotDate: '2026-08-02' }).snapshotDate).toBe(
      '2026-08-02',
    );
  });
});
