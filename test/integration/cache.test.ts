import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYoga } from 'graphql-yoga';
import { createContext, type Context } from '../../src/context.js';
import { createKey } from '../../src/modules/ingestion/keys.js';
import { memoryCache, responseCache } from '../../src/modules/live/cache.js';
import { schema } from '../../src/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { hardenedApp, memoryLogger, type HardenedApp } from '../helpers/http.js';
import { redisNamespace, redisReachable, TEST_REDIS_URL } from '../helpers/redis.js';

// Scores are recorded at the database's now(), so reads use the real clock too (as mutations.test.ts does).
const today = () => new Date().toISOString().slice(0, 10);
const as = (key: string) => ({ authorization: `Bearer ${key}` });

const COMPARE = `query Compare($m: [String!]!) {
  comparison(models: $m) {
    models { slug pricing { input output } }
    categories { category { slug } averages { model { slug } value } }
    overall { model { slug } score }
  }
  model(slug: "gpt-4-1") { scores { benchmark { slug } value } }
}`;
const PAIR = { m: ['gpt-4-1', 'gpt-4-1-mini'] };
const RECORD = `mutation($input: RecordScoresInput!) { recordScores(input: $input) {
  __typename ... on RecordScoresPayload { created updated unchanged changed } ... on MutationError { message }
} }`;
const PRICE = `mutation($input: SetModelPricingInput!) { setModelPricing(input: $input) {
  __typename ... on SetModelPricingPayload { changed } ... on MutationError { message }
} }`;
const AUDIT = '{ auditLog(first: 5) { entries { actor operation changes } } }';
const gpqa = (value: number) => ({
  input: {
    scores: [
      { model: 'gpt-4-1', benchmark: 'gpqa', value, source: 'https://example.org/gpqa', provenance: 'INDEPENDENT' },
    ],
  },
});
const gpqaScore = (data: any) => data.model.scores.find((s: any) => s.benchmark.slug === 'gpqa').value;

/** How many GraphQL requests an app logged, and how many of them ran SQL (the others were answered from the cache). */
const executed = (lines: any[]) => {
  const requests = lines.filter((line) => line.path === '/graphql' && typeof line.statements === 'number');
  return { requests: requests.length, withSql: requests.filter((line) => line.statements > 0).length };
};

// One database for the file (seeding is the slow part); the Redis instances below share it too.
let app: TestApp;
const keys = { write: '', admin: '' };
beforeAll(async () => {
  app = await createTestApp({ seed: true, now: () => new Date() });
  keys.write = (await createKey(app.handle.db, { name: 'curator', scope: 'write' })).key;
  keys.admin = (await createKey(app.handle.db, { name: 'root', scope: 'admin' })).key;
});
afterAll(() => app?.close());

describe('response cache in memory (the default)', () => {
  it('answers the same read twice with SQL once; a write that changes data invalidates it, a refused or idle one does not', async () => {
    const first = await app.gql(COMPARE, PAIR);
    expect(first.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(0);
    const second = await app.gql(COMPARE, PAIR);
    expect(second.statements).toBe(0);
    expect(second.data).toEqual(first.data);

    // A refused write keeps the cache.
    expect(
      (await app.gql(PRICE, { input: { model: 'gpt-4-1', input: 1, output: 4, effectiveFrom: today() } })).data!
        .setModelPricing.__typename,
    ).toBe('AuthorizationError');
    expect((await app.gql(COMPARE, PAIR)).statements).toBe(0);

    // A new price: the next comparison runs SQL again and shows it.
    const priced = await app.gql(
      PRICE,
      { input: { model: 'gpt-4-1', input: 1.25, output: 5, effectiveFrom: today() } },
      as(keys.write),
    );
    expect(priced.data!.setModelPricing).toEqual({ __typename: 'SetModelPricingPayload', changed: true });
    const third = await app.gql(COMPARE, PAIR);
    expect(third.statements).toBeGreaterThan(0);
    expect(third.data!.comparison.models[0]).toEqual({ slug: 'gpt-4-1', pricing: { input: 1.25, output: 5 } });
    expect((await app.gql(COMPARE, PAIR)).statements).toBe(0);

    // A new score: likewise, and the comparison's averages move with it.
    const recorded = await app.gql(RECORD, gpqa(99), as(keys.write));
    expect(recorded.data!.recordScores).toMatchObject({ changed: true });
    const fourth = await app.gql(COMPARE, PAIR);
    expect(fourth.statements).toBeGreaterThan(0);
    expect(gpqaScore(fourth.data)).toBe(99);
    expect(fourth.data!.comparison.categories).not.toEqual(third.data!.comparison.categories);

    // Writing the same score again changes nothing, and keeps the cache.
    expect((await app.gql(RECORD, gpqa(99), as(keys.write))).data!.recordScores).toMatchObject({
      unchanged: 1,
      changed: false,
    });
    expect((await app.gql(COMPARE, PAIR)).statements).toBe(0);
  });

  it('runs identical reads that arrive together once: the others wait for the first and get its answer', async () => {
    const once = await hardenedApp(app.handle, { RESPONSE_CACHE_TTL_MS: 0 }, { now: () => new Date() }).send(COMPARE, {
      variables: PAIR,
    });
    expect(once.body.errors).toBeUndefined();
    const log = memoryLogger('info');
    const cached = hardenedApp(app.handle, {}, { now: () => new Date(), logger: log.logger });
    const replies = await Promise.all(Array.from({ length: 5 }, () => cached.send(COMPARE, { variables: PAIR })));
    for (const reply of replies) expect(reply.body).toEqual(once.body);
    expect(executed(log.lines())).toEqual({ requests: 5, withSql: 1 });

    // An answer that is not cached (an error) cannot be shared: each of them runs.
    const unknown = { m: ['gpt-4-1', 'no-such-model'] };
    const alone = await cached.send(COMPARE, { variables: unknown });
    expect(alone.body.errors?.[0]?.message).toContain('no-such-model');
    const errors = memoryLogger('info');
    const refusing = hardenedApp(app.handle, {}, { now: () => new Date(), logger: errors.logger });
    const refused = await Promise.all(Array.from({ length: 3 }, () => refusing.send(COMPARE, { variables: unknown })));
    for (const reply of refused) expect(reply.body).toEqual(alone.body);
    expect(executed(errors.lines())).toEqual({ requests: 3, withSql: 3 });
  });

  it('answers If-None-Match with 304 while the entry is current, and with the new data after a write', async () => {
    const hardened = hardenedApp(app.handle, {}, { now: () => new Date() });
    const get = (headers: Record<string, string> = {}) =>
      hardened.request(`/graphql?query=${encodeURIComponent('{ model(slug: "gpt-4-1") { pricing { input } } }')}`, {
        headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json', ...headers },
      });
    const first = await get();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const unchanged = await get({ 'if-none-match': etag! });
    expect([unchanged.status, unchanged.statements]).toEqual([304, 0]);

    await hardened.send(PRICE, {
      variables: { input: { model: 'gpt-4-1', input: 1.75, output: 7, effectiveFrom: today() } },
      headers: as(keys.write),
    });
    const changed = await get({ 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.body.data.model.pricing.input).toBe(1.75);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('never caches mutations, responses with errors, or requests that carry a key', async () => {
    const unknown = { m: ['gpt-4-1', 'no-such-model'] };
    for (let i = 0; i < 2; i++) {
      const refused = await app.gql(COMPARE, unknown);
      expect(refused.errors?.[0]?.message).toContain('no-such-model');
      expect(refused.statements).toBeGreaterThan(0);
    }
    for (let i = 0; i < 2; i++) {
      const again = await app.gql(RECORD, gpqa(99), as(keys.write));
      expect(again.data!.recordScores).toMatchObject({ unchanged: 1 });
      expect(again.statements).toBeGreaterThan(0);
    }
    await app.gql(COMPARE, PAIR);
    for (let i = 0; i < 2; i++) expect((await app.gql(COMPARE, PAIR, as(keys.write))).statements).toBeGreaterThan(0);
  });

  it("never serves an admin's audit log to anyone else, nor from the cache at all", async () => {
    for (let i = 0; i < 2; i++) {
      const admin = await app.gql(AUDIT, undefined, as(keys.admin));
      expect(admin.errors).toBeUndefined();
      expect(admin.data!.auditLog.entries.length).toBeGreaterThan(0);
      expect(admin.statements).toBeGreaterThan(0);
    }
    const anonymous = await app.gql(AUDIT);
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const writer = await app.gql(AUDIT, undefined, as(keys.write));
    expect(writer.data).toBeNull();
    expect(writer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Aliased, inside a fragment, next to cacheable fields: the same.
    const sneaky = await app.gql(
      'query { categories { slug } ...A } fragment A on Query { log: auditLog { entries { changes } } }',
    );
    expect(sneaky.data).toBeNull();
    expect(sneaky.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the audit log out of the cache even when a request the cache answers reads it as an admin', async () => {
    // The second line of defence, alone: a context that authenticates whatever the request carries.
    const yoga = createYoga<Record<string, unknown>, Context>({
      schema,
      context: () => createContext(app.handle.db, new Date(), `Bearer ${keys.admin}`),
      plugins: responseCache({ cache: memoryCache(1 << 20), ttlMs: 60_000, today, variant: '' }),
    });
    const run = async (query: string) => {
      const before = app.handle.statements.count;
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { body: (await response.json()) as any, statements: app.handle.statements.count - before };
    };
    for (const query of [AUDIT, '{ categories { slug } log: auditLog(first: 1) { hasNextPage } }']) {
      for (let i = 0; i < 2; i++) {
        const read = await run(query);
        expect(read.body.errors).toBeUndefined();
        expect(read.statements).toBeGreaterThan(0);
      }
    }
    // What does not read it is cached by the same plugin.
    await run('{ categories { slug } }');
    expect((await run('{ categories { slug } }')).statements).toBe(0);
  });

  it('misses after midnight, and is off with RESPONSE_CACHE_TTL_MS=0', async () => {
    let clock = new Date('2026-11-25T23:59:00Z');
    const dated = hardenedApp(app.handle, {}, { now: () => clock });
    expect((await dated.send(COMPARE, { variables: PAIR })).statements).toBeGreaterThan(0);
    expect((await dated.send(COMPARE, { variables: PAIR })).statements).toBe(0);
    clock = new Date('2026-11-26T00:01:00Z');
    expect((await dated.send(COMPARE, { variables: PAIR })).statements).toBeGreaterThan(0);

    const uncached = hardenedApp(app.handle, { RESPONSE_CACHE_TTL_MS: 0 }, { now: () => new Date() });
    for (let i = 0; i < 2; i++)
      expect((await uncached.send(COMPARE, { variables: PAIR })).statements).toBeGreaterThan(0);
  });

  it('keeps serving reads and writes, uncached, when Redis is unreachable', async () => {
    const broken = hardenedApp(
      app.handle,
      { REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'llmc-test-unreachable:' },
      { now: () => new Date() },
    );
    try {
      for (let i = 0; i < 2; i++) {
        const read = await broken.send(COMPARE, { variables: PAIR });
        expect(read.body.errors).toBeUndefined();
        expect(read.statements).toBeGreaterThan(0);
      }
      const write = await broken.send(RECORD, { variables: gpqa(98), headers: as(keys.write) });
      expect(write.body.data.recordScores).toMatchObject({ changed: true });
      expect(gpqaScore((await broken.send(COMPARE, { variables: PAIR })).body.data)).toBe(98);
    } finally {
      await broken.yoga.dispose();
    }
  });
});

const reachable = await redisReachable('response cache in Redis');

describe.skipIf(!reachable)('response cache in Redis, shared by two instances', () => {
  const namespace = redisNamespace();
  const config = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: namespace.prefix };
  let a: HardenedApp;
  let b: HardenedApp;
  beforeAll(() => {
    // Two instances on one database, as in production.
    a = hardenedApp(app.handle, config, { now: () => new Date() });
    b = hardenedApp(app.handle, config, { now: () => new Date() });
  });
  afterAll(async () => {
    await a?.yoga.dispose();
    await b?.yoga.dispose();
    await namespace.cleanup();
  });

  it("app A caches a comparison, app B records a score, app A's next comparison shows it", async () => {
    const first = await a.send(COMPARE, { variables: PAIR });
    expect(first.body.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(0);
    expect((await a.send(COMPARE, { variables: PAIR })).statements).toBe(0);
    // The cache is shared: B answers from what A stored.
    const fromB = await b.send(COMPARE, { variables: PAIR });
    expect(fromB.statements).toBe(0);
    expect(fromB.body).toEqual(first.body);

    const recorded = await b.send(RECORD, { variables: gpqa(97), headers: as(keys.write) });
    expect(recorded.body.data.recordScores).toMatchObject({ changed: true });

    const after = await a.send(COMPARE, { variables: PAIR });
    expect(after.statements).toBeGreaterThan(0);
    expect(gpqaScore(after.body.data)).toBe(97);
    expect(after.body.data.comparison.categories).not.toEqual(first.body.data.comparison.categories);
    // A learnt of the new generation from that read, so the next one is the first it can store
    // (the one above may hold an answer from before the write, so it was not stored); then both hit.
    expect((await a.send(COMPARE, { variables: PAIR })).body).toEqual(after.body);
    expect((await a.send(COMPARE, { variables: PAIR })).statements).toBe(0);
    const hit = await b.send(COMPARE, { variables: PAIR });
    expect(hit.statements).toBe(0);
    expect(hit.body).toEqual(after.body);
  });

  it('runs identical reads that arrive together once, the others reading its answer back from Redis', async () => {
    const pair = { m: ['gpt-4-1-mini', 'gpt-4-1'] };
    const once = await hardenedApp(app.handle, { RESPONSE_CACHE_TTL_MS: 0 }, { now: () => new Date() }).send(COMPARE, {
      variables: pair,
    });
    expect(once.body.errors).toBeUndefined();
    const log = memoryLogger('info');
    const c = hardenedApp(app.handle, config, { now: () => new Date(), logger: log.logger });
    try {
      await c.send('{ categories { slug } }'); // C knows the current generation
      const replies = await Promise.all(Array.from({ length: 4 }, () => c.send(COMPARE, { variables: pair })));
      for (const reply of replies) expect(reply.body).toEqual(once.body);
      expect(executed(log.lines().slice(1))).toEqual({ requests: 4, withSql: 1 });
    } finally {
      await c.yoga.dispose();
    }
  });

  it('keeps working when Redis loses the generation counter, starting it again above the old one', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const before = Number(await redis.get(`${namespace.prefix}cache:generation`));
      await redis.del(`${namespace.prefix}cache:generation`);
      const statements: number[] = [];
      for (let i = 0; i < 4; i++) statements.push((await a.send(COMPARE, { variables: PAIR })).statements);
      expect(statements.at(-1)).toBe(0);
      expect(Number(await redis.get(`${namespace.prefix}cache:generation`))).toBeGreaterThan(before);
    } finally {
      redis.disconnect();
    }
  });

  it('keeps every key under its prefix, with an expiry on every response', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${namespace.prefix}*`);
      expect(keys).toContain(`${namespace.prefix}cache:generation`);
      const responses = keys.filter((k) => k.startsWith(`${namespace.prefix}cache:response:`));
      expect(responses.length).toBeGreaterThan(0);
      for (const key of responses) expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
