import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { referenceDataset } from '../helpers/reference-dataset.js';

const contract = (name: string) => readFileSync(new URL(`../../contract/${name}.graphql`, import.meta.url), 'utf8');
const COMPARE_PAGE = contract('compare-page');
const WORKLOAD = contract('workload-cost');
const pair = ['gpt-4-1', 'gpt-4-1-mini'];

describe('the reference page (METHODOLOGY.md §5)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await importDataset(app.handle.db, referenceDataset(), { today: '2026-11-25' });
  });
  afterAll(() => app?.close());

  it('says every figure §5 lists, in at most three SQL statements', async () => {
    const r = await app.gql(COMPARE_PAGE, { models: pair });
    expect(r.errors).toBeUndefined();
    const c = r.data!.comparison;
    expect(r.statements).toBeLessThanOrEqual(3);
    expect(c.categoriesCompared).toBe(3);
    const bySlug = Object.fromEntries(c.categories.map((x: any) => [x.category.slug, x]));
    expect(bySlug.coding.leader.slug).toBe('gpt-4-1');
    expect(bySlug.coding.difference).toBeCloseTo(31.0, 9);
    expect(bySlug.coding.averages.map((a: any) => a.value)).toEqual([expect.closeTo(54.6, 9), expect.closeTo(23.6, 9)]);
    expect(bySlug.coding.decisiveBenchmark.benchmark.slug).toBe('swe-bench-verified');
    expect(bySlug.knowledge.leader.slug).toBe('gpt-4-1');
    expect(bySlug.knowledge.difference).toBeCloseTo(2.1, 9);
    expect(bySlug.knowledge.averages.map((a: any) => a.value)).toEqual([
      expect.closeTo(66.3, 9),
      expect.closeTo(64.2, 9),
    ]);
    expect(bySlug.knowledge.decisiveBenchmark.benchmark.slug).toBe('mmlu');
    expect(bySlug['instruction-following'].leader.slug).toBe('gpt-4-1-mini');
    expect(bySlug['instruction-following'].difference).toBeCloseTo(1.1, 9);
    expect(bySlug['instruction-following'].averages.map((a: any) => a.value)).toEqual([
      expect.closeTo(87.4, 9),
      expect.closeTo(88.5, 9),
    ]);
    expect(bySlug['instruction-following'].decisiveBenchmark.benchmark.slug).toBe('ifeval');
    expect(c.biggestSwing.benchmark).toEqual({
      slug: 'swe-bench-verified',
      name: 'SWE-bench Verified',
      category: { slug: 'coding' },
    });
    expect(c.biggestSwing.spread).toBeCloseTo(31.0, 9);
    expect(c.biggestSwing.values.map((v: any) => [v.model.slug, v.value])).toEqual([
      ['gpt-4-1', 54.6],
      ['gpt-4-1-mini', 23.6],
    ]);
    expect(c.prices.outputRatio).toBeCloseTo(5.0, 9);
    expect(c.prices.inputRatio).toBeCloseTo(5.0, 9);
    expect(c.prices.cheapest.slug).toBe('gpt-4-1-mini');
    expect(c.speed).toEqual({ fastest: { slug: 'gpt-4-1' }, ratio: expect.closeTo(1.35, 9) });
    expect(c.latency).toEqual({ fastest: { slug: 'gpt-4-1-mini' }, difference: expect.closeTo(0.26, 9) });
    expect(c.context).toEqual({ largest: null, tie: true });
    expect(c.relationship).toBe('SIBLINGS');
    const winners = Object.fromEntries(
      c.verdict.entries.map((e: any) => [e.category?.slug ?? e.priority, e.winner?.slug ?? null]),
    );
    expect(winners).toEqual({
      coding: 'gpt-4-1',
      knowledge: 'gpt-4-1',
      'instruction-following': 'gpt-4-1-mini',
      COST: 'gpt-4-1-mini',
      LATENCY: 'gpt-4-1-mini',
      SPEED: 'gpt-4-1',
      CONTEXT: null,
    });
    expect(c.verdict.summary).toContain('GPT-4.1 mini');
    expect(c.coverage).toEqual([
      { model: { slug: 'gpt-4-1' }, missing: [{ slug: 'aime-2024' }] },
      { model: { slug: 'gpt-4-1-mini' }, missing: [{ slug: 'aider-polyglot' }] },
    ]);
  });

  it('reverses with the model order and nothing else changes', async () => {
    const a = await app.gql(COMPARE_PAGE, { models: pair });
    const b = await app.gql(COMPARE_PAGE, { models: [...pair].reverse() });
    const ca = a.data!.comparison;
    const cb = b.data!.comparison;
    expect(cb.models.map((m: any) => m.slug)).toEqual([...pair].reverse());
    expect(cb.categories.map((x: any) => x.leader?.slug)).toEqual(ca.categories.map((x: any) => x.leader?.slug));
    expect(cb.categories.map((x: any) => [...x.averages].reverse())).toEqual(ca.categories.map((x: any) => x.averages));
    expect(cb.verdict).toEqual(ca.verdict);
    expect(cb.prices).toEqual(ca.prices);
  });

  it('prices a workload: (input × price + cached × cached price + output × price) / 1e6', async () => {
    const r = await app.gql(WORKLOAD, {
      models: pair,
      inputTokens: 3_000_000,
      outputTokens: 1_000_000,
      cachedInputTokens: 2_000_000,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.comparison.workloadCost).toEqual([
      {
        model: { slug: 'gpt-4-1' },
        usd: expect.closeTo(3 * 2 + 2 * 0.5 + 1 * 8, 9),
        ratioToCheapest: expect.closeTo(5, 9),
      },
      { model: { slug: 'gpt-4-1-mini' }, usd: expect.closeTo(3 * 0.4 + 2 * 0.1 + 1 * 1.6, 9), ratioToCheapest: 1 },
    ]);
    expect(r.statements).toBe(1);
  });

  it('runs no score query when only figures are selected', async () => {
    const before = app.handle.statements.recent.length;
    const r = await app.gql(
      'query($m: [String!]!) { comparison(models: $m) { prices { cheapest { slug } outputRatio } speed { ratio } latency { difference } context { tie } relationship } }',
      { m: pair },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.comparison.prices.outputRatio).toBeCloseTo(5, 9);
    expect(r.statements).toBe(1);
    const ran = app.handle.statements.recent.slice(before === 200 ? -r.statements : before);
    expect(ran.some((q) => /\bscores\b/.test(q))).toBe(false);
  });
});

describe('comparison errors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await importDataset(app.handle.db, referenceDataset(), { today: '2026-11-25' });
  });
  afterAll(() => app?.close());

  const query = 'query($m: [String!]!) { comparison(models: $m) { models { slug } } }';

  it('names every unknown slug, NOT_FOUND, with no partial answer', async () => {
    const r = await app.gql(query, { m: ['gpt-4-1', 'gpt-9', 'claude-99'] });
    expect(r.data?.comparison).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toContain('"gpt-9"');
    expect(r.errors?.[0]?.message).toContain('"claude-99"');
    expect(r.errors?.[0]?.extensions?.slugs).toEqual(['gpt-9', 'claude-99']);
  });

  it.each([
    ['one model', ['gpt-4-1']],
    ['eleven models', Array.from({ length: 11 }, (_, i) => `m-${i}`)],
    ['the same model twice', ['gpt-4-1', 'gpt-4-1']],
  ])('rejects %s as BAD_USER_INPUT before any SQL', async (_name, models) => {
    const r = await app.gql(query, { m: models });
    expect(r.data?.comparison).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/^models: /);
    expect(r.statements).toBe(0);
  });

  it('rejects a negative token count naming the argument', async () => {
    const r = await app.gql(WORKLOAD, { models: pair, inputTokens: -1, outputTokens: 10 });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain('inputTokens');
  });
});

describe('on the bundled dataset', () => {
  let app: TestApp;
  let slugs: string[];
  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    const r = await app.gql('{ models(first: 100) { edges { node { slug } } } }');
    slugs = r.data!.models.edges.map((e: any) => e.node.slug);
  });
  afterAll(() => app?.close());

  it('answers the compare page and workload cost for every size from 2 to 10 in at most three statements', async () => {
    for (let size = 2; size <= 10; size++) {
      const models = Array.from({ length: size }, (_, i) => slugs[(i * 11 + size * 7) % slugs.length]!);
      const page = await app.gql(COMPARE_PAGE, { models, lane: size % 2 ? 'VERIFIED' : 'PROVISIONAL' });
      expect(page.errors, `${models}`).toBeUndefined();
      expect(page.data!.comparison.models.map((m: any) => m.slug)).toEqual(models);
      expect(page.statements).toBeLessThanOrEqual(3);
      const cost = await app.gql(WORKLOAD, { models, inputTokens: 1e6, outputTokens: 2e5 });
      expect(cost.errors).toBeUndefined();
      expect(cost.data!.comparison.workloadCost).toHaveLength(size);
    }
  });

  it('gives null, never 0, where a figure is missing', async () => {
    const r = await app.gql('{ models(first: 100) { edges { node { slug outputTokensPerSecond } } } }');
    const withoutSpeed = r
      .data!.models.edges.filter((e: any) => e.node.outputTokensPerSecond === null)
      .map((e: any) => e.node.slug)
      .slice(0, 2);
    const c = await app.gql(
      'query($m: [String!]!) { comparison(models: $m) { speed { fastest { slug } ratio } latency { fastest { slug } difference } } }',
      { m: withoutSpeed },
    );
    expect(c.errors).toBeUndefined();
    expect(c.data!.comparison).toEqual({
      speed: { fastest: null, ratio: null },
      latency: { fastest: null, difference: null },
    });
  });

  it('takes scores from the lane: VERIFIED comparisons change with independent scores only', async () => {
    const q =
      'query($m: [String!]!, $lane: Lane) { comparison(models: $m, lane: $lane) { lane categoriesCompared biggestSwing { benchmark { slug } } } }';
    const provisional = await app.gql(q, { m: pair, lane: 'PROVISIONAL' });
    const verified = await app.gql(q, { m: pair, lane: 'VERIFIED' });
    expect(verified.data!.comparison.lane).toBe('VERIFIED');
    expect(verified.data!.comparison.categoriesCompared).toBeLessThan(provisional.data!.comparison.categoriesCompared);
  });
});
