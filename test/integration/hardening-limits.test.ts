import { readdirSync, readFileSync } from 'node:fs';
import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import type { DbHandle } from '../../src/db/client.js';
import { createTestDb } from '../helpers/db.js';
import { insertSynthetic } from '../helpers/factories.js';
import { hardenedApp, LIMIT_CODES, ROOT, type HardenedApp, type Reply } from '../helpers/http.js';

/** Every limit far out of the way, so each test meets only the one it is about. */
const LOOSE: Partial<Config> = {
  MAX_DEPTH: 1000,
  MAX_ALIASES: 1000,
  MAX_TOKENS: 100_000,
  MAX_DIRECTIVES: 1000,
  MAX_COST: 1e12,
};

/** A chain of `depth` field levels (armor counts the leaf): families → models → family → models → … → slug. */
function depthQuery(depth: number, operation = 'query Deep'): string {
  let body = 'slug';
  for (let level = depth - 1; level >= 1; level -= 1) {
    const field = level === 1 ? 'families' : level % 2 === 0 ? 'models' : 'family';
    body = `${field} { ${body} }`;
  }
  return `${operation} { ${body} }`;
}

const aliasQuery = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: categories { slug }`).join(' ')} }`;
/** 16 tokens plus one per string in the list (repeated fields would trip graphql-js's own overlap budget). */
const tokenQuery = (n: number) =>
  `{ models(filter: { providers: [${Array.from({ length: n - 16 }, () => '"synth"').join(' ')}] }) { totalCount } }`;

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}
const directiveQuery = (n: number) =>
  `{ categories { ${Array.from({ length: n }, () => 'slug @include(if: true)').join(' ')} } }`;

/** Cost of this operation with `first: n`: n × (connection 1 + edges 1 + node 1 + scores 10 × 1) = 13n. */
const COSTED = 'query Costed($n: Int) { models(first: $n) { edges { node { slug scores { value } } } } }';

interface Case {
  limit: keyof Config;
  code: string;
  build: (n: number) => string;
}

const CASES: Case[] = [
  { limit: 'MAX_DEPTH', code: 'DEPTH_LIMIT_EXCEEDED', build: (n) => depthQuery(n) },
  { limit: 'MAX_ALIASES', code: 'ALIAS_LIMIT_EXCEEDED', build: aliasQuery },
  { limit: 'MAX_TOKENS', code: 'TOKEN_LIMIT_EXCEEDED', build: tokenQuery },
  { limit: 'MAX_DIRECTIVES', code: 'DIRECTIVE_LIMIT_EXCEEDED', build: directiveQuery },
];

const ACCEPTS = [
  ['application/graphql-response+json', 400],
  ['application/json', 200],
] as const;

/** A rejection: the status the Accept header calls for, only errors (no data), the code, no SQL. */
function expectRejected(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.body.data).toBeUndefined();
  expect(reply.body.errors.map((e: any) => e.extensions?.code)).toContain(code);
  expect(reply.statements).toBe(0);
}

function expectAccepted(reply: Reply): void {
  expect(reply.body.errors).toBeUndefined();
  expect(reply.status).toBe(200);
  expect(reply.body.data).toBeTruthy();
}

describe('operation limits (defaults from config.ts, each tested alone)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    await insertSynthetic(handle.db, { models: 3, benchmarks: 4 });
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe.each(CASES)('$limit', ({ limit, code, build }) => {
    const n = DEFAULT_CONFIG[limit] as number;
    let app: HardenedApp;
    beforeAll(() => {
      app = hardenedApp(handle, { ...LOOSE, [limit]: n });
    });

    it(`accepts an operation exactly at the default (${n})`, async () => {
      if (limit === 'MAX_TOKENS') expect(tokenCount(build(n))).toBe(n);
      expectAccepted(await app.send(build(n)));
    });

    it.each(ACCEPTS)('rejects one over it before any SQL (Accept: %s → %i)', async (accept, status) => {
      const reply = await app.send(build(n + 1), { accept });
      expectRejected(reply, status, code);
      expect(reply.body.errors[0].message).toMatch(/limit of \d+ exceeded/i);
    });
  });

  describe('depth limit cannot be bypassed by naming things __schema (graphql-armor 2025 advisory)', () => {
    let app: HardenedApp;
    beforeAll(() => {
      app = hardenedApp(handle, { ...LOOSE, MAX_DEPTH: DEFAULT_CONFIG.MAX_DEPTH });
    });
    const over = DEFAULT_CONFIG.MAX_DEPTH + 1;

    it.each(ACCEPTS)(
      'an operation named __schema that is too deep is rejected (Accept: %s → %i)',
      async (accept, status) => {
        expectRejected(await app.send(depthQuery(over, 'query __schema'), { accept }), status, 'DEPTH_LIMIT_EXCEEDED');
      },
    );

    it('a fragment named __schema that makes the operation too deep is rejected', async () => {
      const inner = depthQuery(over - 1, '')
        .replace(/^ \{ families \{ /, '')
        .replace(/ \} \}$/, '');
      const query = `query Q { families { ...__schema } } fragment __schema on Family { ${inner} }`;
      expectRejected(await app.send(query), 400, 'DEPTH_LIMIT_EXCEEDED');
    });
  });

  describe('cost: connections cost their page size, lists the configured size', () => {
    it.each(ACCEPTS)(
      'is accepted at MAX_COST and rejected one below it, before any SQL (Accept: %s → %i)',
      async (accept, status) => {
        const atLimit = hardenedApp(handle, { ...LOOSE, MAX_COST: 1300 });
        expectAccepted(await atLimit.send(COSTED, { variables: { n: 100 }, accept }));
        const below = hardenedApp(handle, { ...LOOSE, MAX_COST: 1299 });
        const reply = await below.send(COSTED, { variables: { n: 100 }, accept });
        expectRejected(reply, status, 'COST_LIMIT_EXCEEDED');
        expect(reply.body.errors[0].message).toBe(
          'Query cost limit of 1299 exceeded, found 1300: ask for smaller pages or fewer nested lists',
        );
      },
    );

    it('reads the page size from variables and from the variable default', async () => {
      const app = hardenedApp(handle, { ...LOOSE, MAX_COST: 650 });
      expectAccepted(await app.send(COSTED, { variables: { n: 50 } }));
      expectRejected(await app.send(COSTED, { variables: { n: 51 } }), 400, 'COST_LIMIT_EXCEEDED');
      const withDefault = COSTED.replace('$n: Int', '$n: Int = 51');
      expectRejected(await app.send(withDefault), 400, 'COST_LIMIT_EXCEEDED');
    });

    it('under the default MAX_COST, 100 models × scores × benchmark × category × benchmarks is refused', async () => {
      const app = hardenedApp(handle);
      const query =
        '{ models(first: 100) { edges { node { scores { benchmark { category { benchmarks { slug } } } } } } } }';
      expectRejected(await app.send(query), 400, 'COST_LIMIT_EXCEEDED');
    });
  });

  describe('page size: first/last above 100 is an error, never a silent clamp', () => {
    let app: HardenedApp;
    beforeAll(() => {
      app = hardenedApp(handle);
    });

    it('first: 100 is accepted', async () => {
      const reply = await app.send('{ models(first: 100) { edges { node { slug } } } }');
      expectAccepted(reply);
      expect(reply.body.data.models.edges).toHaveLength(3);
    });

    it.each(ACCEPTS)(
      'first: 101 is BAD_USER_INPUT naming the argument, before any SQL (Accept: %s → %i)',
      async (accept, status) => {
        const reply = await app.send('{ models(first: 101) { edges { node { slug } } } }', { accept });
        expectRejected(reply, status, 'BAD_USER_INPUT');
        expect(reply.body.errors[0]).toMatchObject({
          message: 'first: 101 on Query.models is out of range: a page holds 0 to 100 items',
          extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
        });
      },
    );

    it.each([
      ['first', 1000],
      ['last', 101],
      ['first', -1],
    ])('%s: %i from a variable is refused too', async (argument, value) => {
      const reply = await app.send(`query Page($v: Int) { models(${argument}: $v) { totalCount } }`, {
        variables: { v: value },
      });
      expectRejected(reply, 400, 'BAD_USER_INPUT');
      expect(reply.body.errors[0].extensions.argument).toBe(argument);
    });
  });

  describe('strings with NUL (which PostgreSQL text cannot hold) never reach SQL', () => {
    it.each(ACCEPTS)('in a variable or in a literal (Accept: %s → %i)', async (accept, status) => {
      const app = hardenedApp(handle);
      const fromVariable = await app.send('query M($s: String!) { model(slug: $s) { slug } }', {
        variables: { s: 'model-\u0000' },
        accept,
      });
      expectRejected(fromVariable, status, 'BAD_USER_INPUT');
      const fromLiteral = await app.send('{ model(slug: "model-\\u0000") { slug } }', { accept });
      expectRejected(fromLiteral, status, 'BAD_USER_INPUT');
      expect(fromLiteral.body.errors[0].message).toBe('Strings may not contain the NUL character (\\u0000)');
    });
  });

  describe('under every default limit', () => {
    let app: HardenedApp;
    beforeAll(() => {
      app = hardenedApp(handle);
    });

    it("GraphiQL's introspection query works", async () => {
      const query = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      });
      const reply = await app.send(query, { operationName: 'IntrospectionQuery' });
      expectAccepted(reply);
      expect(reply.body.data.__schema.queryType.name).toBe('Query');
      expect(reply.statements).toBe(0);
    });

    it('nested introspection (types { fields { type { fields … } } }) is refused before execution', async () => {
      const reply = await app.send(
        '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      );
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].message).toBe('Maximum introspection depth exceeded');
    });

    const contract = readdirSync(`${ROOT}contract`).filter((f) => f.endsWith('.graphql'));
    const models = ['model-00000', 'model-00001', 'model-00002'];
    /** Worst-case variables: the largest page a client may ask for. */
    const VARIABLES: Record<string, Record<string, unknown>> = {
      'compare-page.graphql': { models },
      'workload-cost.graphql': { models, inputTokens: 1e6, outputTokens: 1e6 },
      'model-page.graphql': { slug: 'model-00000' },
      'leaderboard.graphql': { first: 100 },
      'entities.graphql': { representations: [{ __typename: 'Model', slug: 'model-00000' }] },
      'category-leaders.graphql': {},
    };

    it.each(contract)('contract operation %s stays within every limit', async (file) => {
      const reply = await app.send(readFileSync(`${ROOT}contract/${file}`, 'utf8'), {
        variables: VARIABLES[file] ?? {},
      });
      const codes = (reply.body.errors ?? []).map((e: any) => e.extensions?.code);
      for (const code of LIMIT_CODES) expect(codes, JSON.stringify(reply.body.errors)).not.toContain(code);
      expect((reply.body.errors ?? []).filter((e: any) => e.extensions?.argument === 'first')).toEqual([]);
    });
  });
});
