import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/modules/ingestion/keys.js';
import type { DbHandle } from '../../src/db/client.js';
import { createTestDb } from '../helpers/db.js';
import { insertSynthetic } from '../helpers/factories.js';
import { hardenedApp, spawnServer, type HardenedApp } from '../helpers/http.js';
import { redisNamespace, redisReachable, TEST_REDIS_URL } from '../helpers/redis.js';
import { subscribe, type SseSubscription } from '../helpers/sse.js';

const today = () => new Date().toISOString().slice(0, 10);
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const ENDPOINT = 'http://test/graphql';
const DATA_CHANGED = 'subscription($models: [String!]) { dataChanged(models: $models) { operation kind models at } }';
const RECORD =
  'mutation($input: RecordScoresInput!) { recordScores(input: $input) { __typename ... on RecordScoresPayload { changed } } }';
const PRICE =
  'mutation($input: SetModelPricingInput!) { setModelPricing(input: $input) { __typename ... on SetModelPricingPayload { changed } } }';
const PROVIDER =
  'mutation($input: UpsertProviderInput!) { upsertProvider(input: $input) { __typename ... on UpsertProviderPayload { changed } } }';
// A small synthetic catalog: models model-00000 to model-00002, benchmarks bench-0000 to bench-0002.
const [M0, M1, M2] = ['model-00000', 'model-00001', 'model-00002'];
const score = (model: string, value: number) => ({
  input: {
    scores: [{ model, benchmark: 'bench-0000', value, source: 'https://example.org/bench', provenance: 'INDEPENDENT' }],
  },
});
const price = (model: string, input: number) => ({
  input: { model, input, output: input * 4, effectiveFrom: today() },
});
/** How long a subscriber waits before concluding that an event it must not get is not coming. */
const QUIET_MS = 300;

/** A migrated database with a small catalog and a write key. */
async function seededDb(): Promise<{ handle: DbHandle; key: string }> {
  const handle = await createTestDb();
  await insertSynthetic(handle.db, { models: 3, benchmarks: 3 });
  return { handle, key: (await createKey(handle.db, { name: 'curator', scope: 'write' })).key };
}

/** Runs a mutation and checks that it changed something. */
async function write(app: HardenedApp, key: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const reply = await app.send(query, { variables, headers: as(key) });
  expect(reply.body.errors).toBeUndefined();
  expect(Object.values(reply.body.data as Record<string, { changed: boolean }>)[0]!.changed).toBe(true);
}

/** Opens a dataChanged subscription on `app`. */
const dataChanged = (app: HardenedApp, models?: string[]) =>
  subscribe((url, init) => app.yoga.fetch(url, init), ENDPOINT, DATA_CHANGED, models ? { models } : undefined);

// One database for the file; every test makes its own writes.
let handle: DbHandle;
let key = '';
beforeAll(async () => {
  ({ handle, key } = await seededDb());
});
afterAll(() => handle?.close());

describe('dataChanged over SSE, in process', () => {
  let app: HardenedApp;
  const open: SseSubscription[] = [];
  beforeAll(() => {
    app = hardenedApp(handle, {}, { now: () => new Date() });
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await app?.yoga.dispose();
  });
  const track = (s: SseSubscription) => (open.push(s), s);

  it('delivers a write with its operation, kind, models and time', async () => {
    const all = track(await dataChanged(app));
    expect(all.status).toBe(200);
    expect(all.contentType).toMatch(/^text\/event-stream/);
    const before = Date.now();
    await write(app, key, RECORD, score(M0, 91));
    const event = await all.next();
    expect(event.errors).toBeUndefined();
    expect(event.data.dataChanged).toMatchObject({ operation: 'recordScores', kind: 'SCORE', models: [M0] });
    expect(Date.parse(event.data.dataChanged.at)).toBeGreaterThanOrEqual(before - 1000);
    // Writing the same score again changes nothing and announces nothing.
    const again = await app.send(RECORD, { variables: score(M0, 91), headers: as(key) });
    expect(again.body.data.recordScores.changed).toBe(false);
    expect(await all.receivesWithin(QUIET_MS)).toBe(false);
  });

  it('filters by model: unrelated changes are dropped, catalog-wide ones delivered to everyone', async () => {
    const all = track(await dataChanged(app));
    const onlyM1 = track(await dataChanged(app, [M1]));
    const m2OrM0 = track(await dataChanged(app, [M2, M0]));

    await write(app, key, PRICE, price(M0, 1.5));
    expect((await all.next()).data.dataChanged).toMatchObject({
      operation: 'setModelPricing',
      kind: 'PRICE',
      models: [M0],
    });
    expect((await m2OrM0.next()).data.dataChanged).toMatchObject({ kind: 'PRICE', models: [M0] });
    expect(await onlyM1.receivesWithin(QUIET_MS)).toBe(false);

    await write(app, key, PROVIDER, { input: { slug: 'acme', name: 'Acme' } });
    for (const s of [all, onlyM1, m2OrM0])
      expect((await s.next()).data.dataChanged).toMatchObject({
        operation: 'upsertProvider',
        kind: 'CATALOG',
        models: [],
      });

    await write(app, key, RECORD, score(M1, 77));
    expect((await onlyM1.next()).data.dataChanged).toMatchObject({ kind: 'SCORE', models: [M1] });
    expect((await all.next()).data.dataChanged.models).toEqual([M1]);
    expect(await m2OrM0.receivesWithin(QUIET_MS)).toBe(false);
  });

  it('announces a write only once the cache no longer holds what it changed', async () => {
    const query = '{ model(slug: "model-00000") { pricing { input } } }';
    await app.send(query);
    expect((await app.send(query)).statements).toBe(0);
    const events = track(await dataChanged(app, [M0]));
    await write(app, key, PRICE, price(M0, 2.5));
    await events.next();
    const reread = await app.send(query);
    expect(reread.statements).toBeGreaterThan(0);
    expect(reread.body.data.model.pricing.input).toBe(2.5);
  });

  it('ends open streams when the server starts shutting down, and when the app is disposed', async () => {
    const stopping = new AbortController();
    const other = hardenedApp(handle, {}, { stopping: stopping.signal });
    const stream = await dataChanged(other);
    stopping.abort();
    await expect(stream.next()).rejects.toThrow(/completed/);
    // Subscribing afterwards ends at once.
    await expect((await dataChanged(other)).next()).rejects.toThrow(/completed/);

    const disposed = hardenedApp(handle, {});
    const live = await dataChanged(disposed);
    await disposed.yoga.dispose();
    await expect(live.next()).rejects.toThrow(/completed/);
  });
});

const reachable = await redisReachable('dataChanged over Redis');

describe.skipIf(!reachable)('dataChanged over Redis, across instances', () => {
  const namespace = redisNamespace();
  let a: HardenedApp;
  let b: HardenedApp;
  const open: SseSubscription[] = [];
  beforeAll(() => {
    const config = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: namespace.prefix };
    a = hardenedApp(handle, config, { now: () => new Date() });
    b = hardenedApp(handle, config, { now: () => new Date() });
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await a?.yoga.dispose();
    await b?.yoga.dispose();
    await namespace.cleanup();
  });

  it('a subscriber on app A receives a write made through app B, filtered by model', async () => {
    const track = (s: SseSubscription) => (open.push(s), s);
    const onA = track(await dataChanged(a));
    const m1OnA = track(await dataChanged(a, [M1]));
    const onB = track(await dataChanged(b, [M0]));

    await write(b, key, RECORD, score(M0, 88));
    expect((await onA.next()).data.dataChanged).toMatchObject({
      operation: 'recordScores',
      kind: 'SCORE',
      models: [M0],
    });
    expect((await onB.next()).data.dataChanged).toMatchObject({ operation: 'recordScores', models: [M0] });
    expect(await m1OnA.receivesWithin(QUIET_MS)).toBe(false);

    await write(a, key, PRICE, price(M1, 0.3));
    expect((await m1OnA.next()).data.dataChanged).toMatchObject({ kind: 'PRICE', models: [M1] });
    expect((await onA.next()).data.dataChanged.models).toEqual([M1]);
    expect(await onB.receivesWithin(QUIET_MS)).toBe(false);
  });
});

describe.skipIf(!reachable)('the real server with REDIS_URL (node src/server.ts)', () => {
  it(
    'on SIGTERM ends open subscriptions, closes Redis and exits 0 without waiting out the drain timeout',
    { timeout: 120_000 },
    async () => {
      const namespace = redisNamespace();
      const server = await spawnServer({
        DATABASE_URL: 'memory://',
        SEED_ON_START: 'false',
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: namespace.prefix,
        SHUTDOWN_TIMEOUT_MS: '30000',
      });
      try {
        const stream = await subscribe(fetch, `${server.url}/graphql`, DATA_CHANGED);
        expect(stream.status).toBe(200);
        const signalled = Date.now();
        server.child.kill('SIGTERM');
        await expect(stream.next(20_000)).rejects.toThrow(/completed/);
        expect(await server.exited).toBe(0);
        expect(Date.now() - signalled).toBeLessThan(20_000);
        expect(server.logs().map((l) => l.msg)).toContain('stopped');
      } finally {
        await server.kill();
        await namespace.cleanup();
      }
    },
  );
});
