import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLitellm } from '../../src/modules/ingestion/sources/litellm.js';
import { snapshotToDataset } from '../../src/modules/ingestion/sources/to-dataset.js';
import { SourceFormatError } from '../../src/modules/ingestion/sources/types.js';

const FILE = 'model_prices_and_context_window.json';
const text = readFileSync(new URL(`../fixtures/formats/litellm/${FILE}`, import.meta.url), 'utf8');
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const known = { models: data('models.json'), benchmarks: data('benchmarks.json') };
// The file holds no date; its provenance note dates this copy 2025-11-01.
const DATE = { snapshotDate: '2025-11-01' };
const snapshot = parseLitellm({ file: FILE, text }, DATE);
const byId = (id: string) => snapshot.models.find((m) => m.externalId === id);

describe('parseLitellm', () => {
  it('keeps the first-party chat entries only, and says what it skipped', () => {
    expect(snapshot).toMatchObject({ source: 'litellm', snapshotDate: '2025-11-01' });
    expect(snapshot.models).toHaveLength(335);
    expect(byId('sample_spec')).toBeUndefined();
    expect(byId('azure/gpt-4.1')).toBeUndefined();
    expect(byId('openrouter/openai/gpt-4.1')).toBeUndefined();
    expect(byId('dall-e-3')).toBeUndefined();
    expect(byId('gemini/gemini-2.5-pro')).toMatchObject({ vendor: 'google', vendorApiId: 'gemini-2.5-pro' });
    expect(byId('amazon.nova-pro-v1:0')).toMatchObject({ vendor: 'amazon', vendorApiId: 'nova-pro-v1' });
    expect(snapshot.warnings.at(-1)).toBe(
      `${FILE}: kept 335 first-party chat entries; skipped 1288 resellers' routes, ` +
        '74 entries of other modes (images, audio, embeddings...) and 10 fine-tune prices',
    );
  });

  it('turns costs per token into USD per million and reads context and output limits', () => {
    expect(byId('gpt-4.1')).toEqual({
      externalId: 'gpt-4.1',
      name: 'gpt-4.1',
      vendor: 'openai',
      vendorApiId: 'gpt-4.1',
      inputPricePerMTok: 2,
      outputPricePerMTok: 8,
      cachedInputPricePerMTok: 0.5,
      contextWindow: 1047576,
      maxOutputTokens: 32768,
      scores: [],
    });
  });

  it('reports keys written twice; the last occurrence wins, as with JSON.parse', () => {
    const twiceIn = (key: string, lines: string) =>
      `${FILE}: key "vertex_ai/qwen/${key}" appears 2 times (lines ${lines}); the last is kept`;
    expect(snapshot.warnings.slice(0, 2)).toEqual([
      twiceIn('qwen3-next-80b-a3b-instruct-maas', '22959, 23635'),
      twiceIn('qwen3-next-80b-a3b-thinking-maas', '22971, 23647'),
    ]);
    const twice = text.replace(
      /\}\s*$/,
      ', "gpt-4.1": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 3e-6}}',
    );
    const again = parseLitellm({ file: FILE, text: twice }, DATE);
    expect(again.models.find((m) => m.externalId === 'gpt-4.1')).toMatchObject({ inputPricePerMTok: 3 });
    expect(again.models.find((m) => m.externalId === 'gpt-4.1')).not.toHaveProperty('outputPricePerMTok');
    expect(again.warnings).toContainEqual(expect.stringMatching(/key "gpt-4\.1" appears 2 times/));
  });

  it('reads a 0 cost as missing', () => {
    expect(byId('gemini/gemini-2.0-flash-exp')).not.toHaveProperty('inputPricePerMTok');
  });
});

describe('snapshotToDataset on LiteLLM', () => {
  const result = snapshotToDataset(snapshot, known);

  it('updates prices and limits of the models we list, one record per model', () => {
    expect(result.report).toMatchObject({
      modelsRead: 335,
      modelsMatched: 114,
      modelsUnknown: 221,
      ourModelsCovered: 64,
      modelUpdates: 64,
      scores: 0,
    });
    expect(result.dataset.models.find((m) => m.slug === 'claude-sonnet-4-5')).toEqual({
      slug: 'claude-sonnet-4-5',
      inputPricePerMTok: 3,
      outputPricePerMTok: 15,
      cachedInputPricePerMTok: 0.3,
      contextWindow: 200000,
      maxOutputTokens: 64000,
    });
    expect(result.unknown).toContainEqual({
      externalId: 'gpt-4o-2024-11-20',
      name: 'gpt-4o-2024-11-20',
      closest: 'gpt-4o',
    });
  });

  it('is deterministic', () => {
    expect(snapshotToDataset(parseLitellm({ file: FILE, text }, DATE), known)).toEqual(result);
  });
});

describe('parseLitellm on a damaged copy', () => {
  it('needs a date, as the file and its name carry none', () => {
    expect(() => parseLitellm({ file: FILE, text })).toThrow(
      `${FILE}: no date in the file or its name: pass snapshotDate (YYYY-MM-DD)`,
    );
  });

  it('refuses truncated JSON with its line and column, and an entry of the wrong shape with its key', () => {
    expect(() => parseLitellm({ file: FILE, text: text.slice(0, 10_000) }, DATE)).toThrow(SourceFormatError);
    expect(() => parseLitellm({ file: FILE, text: text.slice(0, 10_000) }, DATE)).toThrow(
      new RegExp(`^${FILE}, line \\d+, column \\d+: malformed JSON`),
    );
    const bad = text.replace('"gpt-4.1": {', '"gpt-4.1": 42, "gpt-4.1-moved": {');
    expect(() => parseLitellm({ file: FILE, text: bad }, DATE)).toThrow(
      /^model_prices_and_context_window\.json, entry \d+ \("gpt-4\.1"\): must be an object$/,
    );
    const negative = text.replace(/("gpt-4\.1": \{[^}]*?"input_cost_per_token": )[0-9.e-]+/, '$1-2e-06');
    expect(() => parseLitellm({ file: FILE, text: negative }, DATE)).toThrow(
      /entry \d+ \("gpt-4\.1"\): input_cost_per_token -0\.000002 is negative$/,
    );
  });
});
