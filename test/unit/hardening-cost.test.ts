import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from '../../src/config.js';
import { operationCost } from '../../src/http/cost.js';
import { schema } from '../../src/schema/index.js';

const OPTIONS = { defaultPageSize: 20, maxPageSize: 100, defaultListSize: 10 };
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables, OPTIONS);

describe('operationCost', () => {
  it('leaves are free, each object counts once', () => {
    expect(cost('{ model(slug: "x") { slug name } }').cost).toBe(1);
    expect(cost('{ model(slug: "x") { slug provider { slug } family { slug } } }').cost).toBe(3);
    expect(cost('{ __typename }').cost).toBe(0);
  });

  it('a plain list multiplies its selection by the configured list size', () => {
    // categories (10) × (1 + benchmarks 10 × 1)
    expect(cost('{ categories { slug benchmarks { slug } } }').cost).toBe(110);
  });

  it('a connection multiplies by its page size; its edges and nodes are that page, not another list', () => {
    // first × (connection 1 + edges 1 + node 1 + provider 1)
    expect(cost('{ models(first: 7) { edges { node { provider { slug } } } } }').cost).toBe(28);
    expect(cost('{ models { edges { node { slug } } } }').cost).toBe(20 * 3);
    expect(cost('{ models(last: 3) { pageInfo { hasNextPage } } }').cost).toBe(6);
  });

  it('reads page sizes from variables, then from the variable default, then the default page size', () => {
    const q = 'query P($n: Int) { models(first: $n) { edges { node { slug } } } }';
    expect(cost(q, { n: 5 }).cost).toBe(15);
    expect(cost(q.replace('$n: Int', '$n: Int = 9')).cost).toBe(27);
    expect(cost(q).cost).toBe(60);
  });

  it('reports page sizes out of 0..100, and costs them at most at 100', () => {
    const report = cost('query P($n: Int) { models(first: $n) { edges { node { slug } } } }', { n: 1000 });
    expect(report.pageSizeProblems).toEqual([{ field: 'Query.models', argument: 'first', value: 1000 }]);
    expect(report.cost).toBe(300);
    expect(cost('{ models(last: -1) { totalCount } }').pageSizeProblems).toEqual([
      { field: 'Query.models', argument: 'last', value: -1 },
    ]);
    // Not an integer: variable coercion refuses it with its own message.
    expect(cost('query P($n: Int) { models(first: $n) { totalCount } }', { n: 1.5 }).pageSizeProblems).toEqual([]);
  });

  it('counts fragments (named and inline) wherever they are spread, and only the chosen operation', () => {
    const q = `
      query A { ...F ...F }
      query B { model(slug: "x") { ... on Model { provider { slug } } } }
      fragment F on Query { model(slug: "x") { slug } }`;
    expect(cost(q, {}, 'A').cost).toBe(2);
    expect(cost(q, {}, 'B').cost).toBe(2);
    expect(cost(q).cost).toBe(0);
  });

  it('leaves introspection out (answered from memory, bounded by graphql-js)', () => {
    expect(cost('{ __schema { types { fields { name } } } }').cost).toBe(0);
    expect(cost('{ __type(name: "Model") { fields { name } } categories { slug } }').cost).toBe(10);
  });
});

describe('limit configuration', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_CONFIG).toMatchObject({
      MAX_DEPTH: 10,
      MAX_ALIASES: 15,
      MAX_TOKENS: 1000,
      MAX_DIRECTIVES: 20,
      MAX_COST: 5000,
      COST_LIST_SIZE: 10,
      MAX_REQUEST_BODY_BYTES: 100_000,
      TRUSTED_DOCUMENTS: false,
      SLOW_OPERATION_MS: 1000,
      STATEMENT_TIMEOUT_MS: 5000,
      HTTP_REQUEST_TIMEOUT_MS: 30_000,
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5000,
    });
  });

  it('reads them from the environment and refuses nonsense', () => {
    expect(loadConfig({ MAX_COST: '800', TRUSTED_DOCUMENTS: 'true' })).toMatchObject({
      MAX_COST: 800,
      TRUSTED_DOCUMENTS: true,
    });
    expect(() => loadConfig({ MAX_DEPTH: '0' })).toThrow(/MAX_DEPTH/);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'yes' })).toThrow(/TRUSTED_DOCUMENTS/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS/,
    );
  });
});
