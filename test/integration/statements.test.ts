import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { DbHandle } from '../../src/db/client.js';
import { createTestDb } from '../helpers/db.js';
import { insertSynthetic } from '../helpers/factories.js';
import { ANALYST, MODEL_PAGE_NO_PROFILE } from '../../bench/operations.js';

/** Runs one operation and returns how many SQL statements it took, failing on GraphQL errors. */
async function statementsFor(
  handle: DbHandle,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ statements: number; data: any }> {
  const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent' } });
  const before = handle.statements.count;
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { statements: handle.statements.count - before, data: body.data };
}

// One small and one large database for the whole file: the same operations must cost the same
// number of statements on both. 10 models × 12 benchmarks, and 500 models × 20 benchmarks.
let small: DbHandle;
let large: DbHandle;
beforeAll(async () => {
  [small, large] = await Promise.all([createTestDb(), createTestDb()]);
  await insertSynthetic(small.db, { models: 10, benchmarks: 12, categories: 3 });
  await insertSynthetic(large.db, { models: 500, benchmarks: 20, categories: 4 });
});
afterAll(async () => {
  await Promise.all([small?.close(), large?.close()]);
});

const NESTED_ALL = `{ families { models { slug pricing { blended } scores { value normalized benchmark { slug category { slug } } } } } }`;
const NESTED_PAGE = `{ models(first: 100) { edges { node { slug provider { slug } family { slug } scores { benchmark { slug category { slug } } } } } } }`;

describe('SQL statements per request do not grow with the data', () => {
  // Models and their scores are one planned statement; benchmarks and categories come from the
  // per-request catalog (one statement for the whole catalog), so two in all, whatever the size.
  it('nested models { scores { benchmark { category } } } is two statements for 10 models and for 500', async () => {
    const a = await statementsFor(small, NESTED_ALL);
    const b = await statementsFor(large, NESTED_ALL);
    expect(a.data.families[0].models).toHaveLength(10);
    expect(b.data.families[0].models).toHaveLength(500);
    expect(b.data.families[0].models[499].scores).toHaveLength(20);
    expect(a.statements).toBe(2);
    expect(b.statements).toBe(2);
  });

  it('a page of 100 models with provider, family and nested scores is two statements', async () => {
    const a = await statementsFor(small, NESTED_PAGE);
    const b = await statementsFor(large, NESTED_PAGE);
    expect(b.data.models.edges).toHaveLength(100);
    expect(a.statements).toBe(2);
    expect(b.statements).toBe(2);
  });
});

const COMPARE_PAGE = readFileSync(new URL('../../contract/compare-page.graphql', import.meta.url), 'utf8');

describe('the compare page runs a constant number of statements', () => {
  const models = (n: number) => Array.from({ length: n }, (_, i) => `model-${String(i * 3).padStart(5, '0')}`);

  it('three statements for 2, 4 or 10 models, on 10 models × 12 benchmarks or 500 × 20', async () => {
    const counts: number[] = [];
    for (const handle of [small, large]) {
      for (const n of [2, 4]) {
        const r = await statementsFor(handle, COMPARE_PAGE, { models: models(n) });
        expect(r.data.comparison.models).toHaveLength(n);
        expect(r.data.comparison.categoriesCompared).toBeGreaterThan(0);
        counts.push(r.statements);
      }
    }
    const r = await statementsFor(large, COMPARE_PAGE, { models: models(10) });
    counts.push(r.statements);
    expect(counts).toEqual([3, 3, 3, 3, 3]);
  });
});

const LEADERBOARD = readFileSync(new URL('../../contract/leaderboard.graphql', import.meta.url), 'utf8');
const CATEGORY_LEADERS = readFileSync(new URL('../../contract/category-leaders.graphql', import.meta.url), 'utf8');
const MODEL_PAGE = readFileSync(new URL('../../contract/model-page.graphql', import.meta.url), 'utf8');

describe('leaderboards and the model page run a constant number of statements', () => {
  const operations: [string, string, Record<string, unknown>][] = [
    ['overall leaderboard page', LEADERBOARD, { first: 50 }],
    ['category leaderboard page', LEADERBOARD, { first: 50, category: 'cat-1' }],
    ['filtered leaderboard', LEADERBOARD, { first: 50, filter: { minContextWindow: 16384, search: 'model' } }],
    ['category leaders', CATEGORY_LEADERS, {}],
    ['model page', MODEL_PAGE, { slug: 'model-00003' }],
  ];
  it.each(operations)('%s: the same count on 10 models and on 500', async (_name, query, variables) => {
    const a = await statementsFor(small, query, variables);
    const b = await statementsFor(large, query, variables);
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(3);
  });

  it('the leaderboard pages hold what they should on both sizes', async () => {
    const a = await statementsFor(small, LEADERBOARD, { first: 50 });
    const b = await statementsFor(large, LEADERBOARD, { first: 50 });
    expect(a.data.leaderboard.totalCount).toBe(10);
    expect(b.data.leaderboard.totalCount).toBe(500);
    expect(b.data.leaderboard.edges).toHaveLength(50);
  });
});

const ENTITIES = readFileSync(new URL('../../contract/entities.graphql', import.meta.url), 'utf8');

describe('the operations of npm run bench (issue 8) run the statements bench/RESULTS.md reports, on 10 models and on 500', () => {
  const slugs = (n: number) => Array.from({ length: n }, (_, i) => `model-${String(i).padStart(5, '0')}`);
  const operations: [string, number, string, (models: number) => Record<string, unknown>][] = [
    ['compare page (2 models)', 3, COMPARE_PAGE, () => ({ models: ['model-00000', 'model-00003'] })],
    ['leaderboard, first 50', 2, LEADERBOARD, () => ({ first: 50 })],
    ['model page', 3, MODEL_PAGE, () => ({ slug: 'model-00003' })],
    ['model page without profile', 2, MODEL_PAGE_NO_PROFILE, () => ({ slug: 'model-00003' })],
    ['analyst: 100 models × all scores', 2, ANALYST, () => ({})],
    [
      '_entities, up to 100 models',
      1,
      ENTITIES,
      (models) => ({ representations: slugs(Math.min(models, 100)).map((slug) => ({ __typename: 'Model', slug })) }),
    ],
    ['control { __typename }', 0, '{ __typename }', () => ({})],
  ];
  it.each(operations)('%s: %i', async (_name, expected, query, variables) => {
    const a = await statementsFor(small, query, variables(10));
    const b = await statementsFor(large, query, variables(500));
    expect([a.statements, b.statements]).toEqual([expected, expected]);
  });
});
