import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, createTestApp, type TestApp } from '../helpers/app.js';

interface ModelJson {
  slug: string;
  name: string;
  provider: string;
  family: string;
  contextWindow: number;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  openWeights: boolean;
  releaseDate?: string;
}
const dataset = <T>(file: string): T[] => JSON.parse(readFileSync(`${BUNDLED_DATA}/${file}`, 'utf8')) as T[];
const modelsJson = dataset<ModelJson>('models.json');

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app?.close());

const slugsOf = (r: { data?: any }) => (r.data.models.edges as { node: { slug: string } }[]).map((e) => e.node.slug);

describe('models', () => {
  it('counts the bundled dataset with one statement', async () => {
    const r = await app.gql('{ models(first: 5) { totalCount } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.models.totalCount).toBe(modelsJson.length);
    expect(r.statements).toBe(1);
  });

  it('pages through every model once, in slug order, with no gap or overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const r: any = await app.gql(
        'query($after: String) { models(first: 30, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug } } } }',
        { after },
      );
      expect(r.errors).toBeUndefined();
      seen.push(...slugsOf(r));
      if (!r.data.models.pageInfo.hasNextPage) break;
      after = r.data.models.pageInfo.endCursor;
    }
    expect(seen).toEqual(modelsJson.map((m) => m.slug).sort());
  });

  it('orders by context window, descending, ties by id', async () => {
    const r = await app.gql(
      '{ models(first: 100, orderBy: { field: CONTEXT_WINDOW, direction: DESC }) { edges { node { contextWindow } } } }',
    );
    const windows = (r.data?.models.edges as { node: { contextWindow: number } }[]).map((e) => e.node.contextWindow);
    expect(windows).toEqual([...windows].sort((a, b) => b - a));
    expect(windows[0]).toBe(Math.max(...modelsJson.map((m) => m.contextWindow)));
  });

  const filterCases: [string, Record<string, unknown>, (m: ModelJson) => boolean][] = [
    ['providers', { providers: ['openai', 'anthropic'] }, (m) => ['openai', 'anthropic'].includes(m.provider)],
    ['families', { families: ['gpt-4-1'] }, (m) => m.family === 'gpt-4-1'],
    ['open weights', { openWeights: true }, (m) => m.openWeights],
    ['closed weights', { openWeights: false }, (m) => !m.openWeights],
    ['max blended price', { maxBlendedPrice: 1 }, (m) => (3 * m.inputPricePerMTok + m.outputPricePerMTok) / 4 <= 1],
    ['min context window', { minContextWindow: 200000 }, (m) => m.contextWindow >= 200000],
    ['released after', { releasedAfter: '2025-06-30' }, (m) => !!m.releaseDate && m.releaseDate > '2025-06-30'],
    ['case-insensitive search', { search: 'gPt-4.1' }, (m) => /gpt-4\.1/i.test(m.name) || /gpt-4\.1/i.test(m.slug)],
    [
      'combined',
      { providers: ['openai'], minContextWindow: 1000000 },
      (m) => m.provider === 'openai' && m.contextWindow >= 1000000,
    ],
  ];
  it.each(filterCases)('filters by %s, with a matching totalCount', async (_name, filter, predicate) => {
    const expected = modelsJson
      .filter(predicate)
      .map((m) => m.slug)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const r = await app.gql(
      'query($f: ModelFilter) { models(first: 100, filter: $f) { totalCount edges { node { slug } } } }',
      { f: filter },
    );
    expect(r.errors).toBeUndefined();
    expect(slugsOf(r)).toEqual(expected);
    expect(r.data?.models.totalCount).toBe(expected.length);
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const r = await app.gql('{ models(first: 10, filter: { search: "%" }) { totalCount } }');
    expect(r.data?.models.totalCount).toBe(0);
  });

  it('rejects a malformed date with BAD_USER_INPUT naming the value', async () => {
    const r = await app.gql('{ models(first: 1, filter: { releasedAfter: "2025-13-45" }) { totalCount } }');
    expect(r.errors?.[0]?.message).toContain('2025-13-45');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.statements).toBe(0);
  });
});

describe('model', () => {
  it('answers the GPT-4.1 detail fields from the dataset', async () => {
    const r = await app.gql(`{ model(slug: "gpt-4-1") {
      id slug name releaseDate openWeights contextWindow outputTokensPerSecond timeToFirstTokenSeconds
      provider { slug name } family { slug models { slug } }
      pricing { input output cachedInput blended effectiveFrom }
      scores { benchmark { slug unit category { slug } } value normalized provenance source measuredOn }
    } }`);
    expect(r.errors).toBeUndefined();
    const m = r.data?.model;
    expect(m).toMatchObject({
      slug: 'gpt-4-1',
      name: 'GPT-4.1',
      releaseDate: '2025-04-14',
      openWeights: false,
      contextWindow: 1047576,
      outputTokensPerSecond: 108,
      timeToFirstTokenSeconds: 1.02,
      provider: { slug: 'openai', name: 'OpenAI' },
      pricing: { input: 2, output: 8, cachedInput: 0.5, blended: 3.5, effectiveFrom: '2025-04-14' },
    });
    expect(m.family.models.map((x: { slug: string }) => x.slug).sort()).toEqual([
      'gpt-4-1',
      'gpt-4-1-mini',
      'gpt-4-1-nano',
    ]);
    const swe = m.scores.find((s: any) => s.benchmark.slug === 'swe-bench-verified');
    expect(swe).toMatchObject({
      value: 54.6,
      normalized: 54.6,
      provenance: 'SELF_REPORTED',
      source: 'https://openai.com/index/gpt-4-1/',
      measuredOn: null,
      benchmark: { unit: 'percent', category: { slug: 'coding' } },
    });
    const arena = m.scores.find((s: any) => s.benchmark.slug === 'lmarena-text');
    expect(arena.value).toBe(1380);
    expect(arena.normalized).toBeCloseTo(76, 10);
    expect(arena.measuredOn).toBe('2025-08-04');
    // The model with provider, family, price and scores, plus the catalog for benchmarks.
    expect(r.statements).toBe(2);
  });

  it('keeps only independent scores in the VERIFIED lane', async () => {
    const r = await app.gql(
      '{ model(slug: "gpt-4-1") { provisional: scores { provenance } verified: scores(lane: VERIFIED) { provenance } } }',
    );
    expect(r.errors).toBeUndefined();
    const verified = r.data?.model.verified as { provenance: string }[];
    expect(verified.length).toBeGreaterThan(0);
    expect(verified.every((s) => s.provenance === 'INDEPENDENT')).toBe(true);
    expect(r.data?.model.provisional.length).toBeGreaterThan(verified.length);
  });

  it('returns null for an unknown slug', async () => {
    const r = await app.gql('{ model(slug: "no-such-model") { slug } }');
    expect(r.errors).toBeUndefined();
    expect(r.data?.model).toBeNull();
  });
});

describe('catalog', () => {
  it('lists providers, families, categories and benchmarks as in the dataset', async () => {
    const r = await app.gql(
      '{ providers { slug } families { slug provider { slug } } categories { slug weight benchmarks { slug } } benchmarks { slug category { slug } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.providers).toHaveLength(dataset('providers.json').length);
    expect(r.data?.families).toHaveLength(dataset('families.json').length);
    expect(r.data?.categories).toHaveLength(dataset('categories.json').length);
    expect(r.data?.benchmarks).toHaveLength(dataset('benchmarks.json').length);
    expect(r.data?.categories.find((c: any) => c.slug === 'agentic').weight).toBe(22);
    // providers, families (with provider) and the catalog once for categories and benchmarks.
    expect(r.statements).toBe(3);
  });

  it('finds one provider and one benchmark by slug, null otherwise', async () => {
    const r = await app.gql(
      '{ provider(slug: "openai") { name families { slug } } benchmark(slug: "mmlu") { name weight higherIsBetter scaleMin scaleMax category { slug } } none: benchmark(slug: "nope") { slug } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.provider.name).toBe('OpenAI');
    expect(r.data?.benchmark).toMatchObject({
      name: 'MMLU',
      weight: 0,
      higherIsBetter: true,
      scaleMin: 0,
      scaleMax: 100,
      category: { slug: 'knowledge' },
    });
    expect(r.data?.none).toBeNull();
  });

  it('restricts benchmarks to one category', async () => {
    const r = await app.gql('{ benchmarks(category: "coding") { slug category { slug } } }');
    expect(r.data?.benchmarks.length).toBeGreaterThan(0);
    expect(r.data?.benchmarks.every((b: any) => b.category.slug === 'coding')).toBe(true);
  });
});
