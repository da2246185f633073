import { once } from 'node:events';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { DbHandle } from '../../src/db/client.js';
import { listen, type HttpService } from '../../src/http/serve.js';
import { createTestDb } from '../helpers/db.js';
import { insertSynthetic } from '../helpers/factories.js';
import { hardenedApp, LEAK, memoryLogger, ROOT, type HardenedApp } from '../helpers/http.js';

const COMPARE_PAGE = readFileSync(`${ROOT}contract/compare-page.graphql`, 'utf8');
const PAIR = { models: ['model-00000', 'model-00001'] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await insertSynthetic(handle.db, { models: 3, benchmarks: 4 });
});
afterAll(async () => {
  await handle?.close();
});

describe('GraphQL over HTTP (graphql-http server audits, real socket)', () => {
  let service: HttpService;
  beforeAll(async () => {
    const app = hardenedApp(handle);
    service = await listen(app.yoga, { ...DEFAULT_CONFIG, PORT: 0, HOST: '127.0.0.1' });
  });
  afterAll(async () => {
    await service?.drain(1000);
  });

  it('passes every MUST and every SHOULD audit; only the GET audits (MAY) give way to CSRF prevention', async () => {
    const results = await Promise.all(
      serverAudits({ url: `http://127.0.0.1:${service.port}/graphql` }).map((audit) => audit.fn()),
    );
    const failed = results.filter((r) => r.status !== 'ok');
    const describe = (r: (typeof results)[number]) => `${r.id} ${r.name}${'reason' in r ? `: ${r.reason}` : ''}`;
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(failed.filter((r) => r.name.startsWith('MUST')).map(describe)).toEqual([]);
    expect(failed.filter((r) => r.name.startsWith('SHOULD')).map(describe)).toEqual([]);
    // A GET without a preflight header is exactly what CSRF prevention refuses (403).
    expect(failed.map((r) => r.id).sort()).toEqual(['5A70', '6A70', 'D6D5']);
  });

  it('listens with the configured HTTP timeouts', async () => {
    const custom = await listen(hardenedApp(handle).yoga, {
      ...DEFAULT_CONFIG,
      PORT: 0,
      HOST: '127.0.0.1',
      HTTP_REQUEST_TIMEOUT_MS: 12_000,
      HTTP_HEADERS_TIMEOUT_MS: 3000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 61_000,
    });
    try {
      expect(custom.server.requestTimeout).toBe(12_000);
      expect(custom.server.headersTimeout).toBe(3000);
      expect(custom.server.keepAliveTimeout).toBe(61_000);
      expect(service.server.requestTimeout).toBe(DEFAULT_CONFIG.HTTP_REQUEST_TIMEOUT_MS);
    } finally {
      expect(await custom.drain(1000)).toBe(true);
    }
  });
});

describe('CSRF prevention and batching', () => {
  let app: HardenedApp;
  beforeAll(() => {
    app = hardenedApp(handle);
  });

  it('refuses a GET without a preflight header (403), serves it with one', async () => {
    const refused = await app.request('/graphql?query=%7B__typename%7D', { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe('CSRF_PREVENTED');
    const served = await app.request('/graphql?query=%7Bcategories%7Bslug%7D%7D', {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(served.status).toBe(200);
    expect(served.body.data.categories).toHaveLength(3);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a POST of %s (what an HTML form can send) with 403 and no SQL',
    async (type) => {
      const reply = await app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'query=%7Bcategories%7Bslug%7D%7D',
      });
      expect(reply.status).toBe(403);
      expect(reply.statements).toBe(0);
    },
  );

  it('refuses a batched request (400 "Batching is not supported.") without running any of it', async () => {
    const reply = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify([{ query: '{ categories { slug } }' }, { query: '{ providers { slug } }' }]),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toBe('Batching is not supported.');
    expect(reply.statements).toBe(0);
  });

  it('refuses a body over MAX_REQUEST_BODY_BYTES (413)', async () => {
    const reply = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ categories { slug } }',
        variables: { pad: 'x'.repeat(DEFAULT_CONFIG.MAX_REQUEST_BODY_BYTES) },
      }),
    });
    expect(reply.status).toBe(413);
    expect(reply.statements).toBe(0);
  });

  it('refuses a declared Content-Length over the limit (413) or malformed (400) before reading the body', async () => {
    const body = JSON.stringify({ query: '{ categories { slug } }' });
    const over = await app.request('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(DEFAULT_CONFIG.MAX_REQUEST_BODY_BYTES + 1),
      },
      body,
    });
    expect([over.status, over.body.errors[0].extensions.code, over.statements]).toEqual([
      413,
      'REQUEST_ENTITY_TOO_LARGE',
      0,
    ]);
    const malformed = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '12, 12' },
      body,
    });
    expect([malformed.status, malformed.statements]).toEqual([400, 0]);
    const fine = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    expect([fine.status, fine.body.errors]).toEqual([200, undefined]);
  });
});

describe('unexpected errors are masked for the client and logged with the request id', () => {
  let broken: DbHandle;
  let app: HardenedApp;
  let logs: ReturnType<typeof memoryLogger>;
  beforeAll(async () => {
    broken = await createTestDb();
    logs = memoryLogger('info');
    app = hardenedApp(broken, { LOG_LEVEL: 'info' }, { logger: logs.logger });
    // Every statement now fails inside the driver, as when the database goes away.
    await broken.close();
  });

  it('answers "Unexpected error." with no SQL, driver, host or stack text, even with NODE_ENV=development', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const reply = await app.send(COMPARE_PAGE, { variables: PAIR, headers: { 'x-request-id': 'fault-42' } });
      expect(reply.status).toBeLessThan(500);
      expect(reply.body.errors.length).toBeGreaterThan(0);
      for (const error of reply.body.errors) {
        expect(error.message).toBe('Unexpected error.');
        expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      }
      expect(reply.text).not.toMatch(LEAK);
      expect(reply.headers.get('x-request-id')).toBe('fault-42');
    } finally {
      process.env.NODE_ENV = before;
    }
    const logged = logs.lines().filter((l) => l.level === 50 && l.requestId === 'fault-42');
    expect(logged.length).toBeGreaterThan(0);
    // The log has what the client must not see.
    expect(JSON.stringify(logged[0].err)).toMatch(/select|query|closed|ended/i);
  });

  it('/ready answers 503 (database unreachable), /health still 200', async () => {
    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    expect(ready.text).not.toMatch(LEAK);
    expect((await app.request('/health')).status).toBe(200);
  });
});

describe('health, readiness, request ids, logs and metrics', () => {
  let app: HardenedApp;
  let logs: ReturnType<typeof memoryLogger>;
  let draining = false;
  beforeAll(() => {
    logs = memoryLogger('debug');
    app = hardenedApp(
      handle,
      { LOG_LEVEL: 'debug', SLOW_OPERATION_MS: 10_000 },
      { logger: logs.logger, isDraining: () => draining },
    );
  });

  it('/health is 200 without touching the database', async () => {
    const reply = await app.request('/health');
    expect(reply.status).toBe(200);
    expect(reply.statements).toBe(0);
  });

  it('/ready runs select 1 (200), and answers 503 while the server drains', async () => {
    const ready = await app.request('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
    expect(ready.statements).toBe(1);
    draining = true;
    try {
      const drainingReply = await app.request('/ready');
      expect(drainingReply.status).toBe(503);
      expect(drainingReply.body.reason).toBe('shutting down');
    } finally {
      draining = false;
    }
  });

  it('echoes a sane x-request-id, replaces a missing or unsafe one with a UUID', async () => {
    expect(
      (await app.send('{ categories { slug } }', { headers: { 'x-request-id': 'abc-123.x:y' } })).headers.get(
        'x-request-id',
      ),
    ).toBe('abc-123.x:y');
    expect((await app.send('{ categories { slug } }')).headers.get('x-request-id')).toMatch(UUID);
    expect(
      (await app.send('{ categories { slug } }', { headers: { 'x-request-id': 'a b"c' } })).headers.get('x-request-id'),
    ).toMatch(UUID);
    expect(
      (await app.send('{ categories { slug } }', { headers: { 'x-request-id': 'x'.repeat(200) } })).headers.get(
        'x-request-id',
      ),
    ).toMatch(UUID);
  });

  it('logs one JSON line per GraphQL request: request id, operation name, status, duration, SQL statements', async () => {
    const reply = await app.send(COMPARE_PAGE, { variables: PAIR, headers: { 'x-request-id': 'log-1' } });
    expect(reply.body.errors).toBeUndefined();
    const line = logs.lines().find((l) => l.requestId === 'log-1' && l.msg === 'graphql request');
    expect(line).toMatchObject({
      level: 30,
      operationName: 'ComparePage',
      operationType: 'query',
      status: 200,
      path: '/graphql',
      statements: reply.statements,
      errors: 0,
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(reply.statements).toBeGreaterThan(0);
  });

  it('logs an operation slower than SLOW_OPERATION_MS at warn', async () => {
    const slowLogs = memoryLogger('info');
    const slow = hardenedApp(handle, { LOG_LEVEL: 'info', SLOW_OPERATION_MS: 50 }, { logger: slowLogs.logger });
    // The request body trickles in over 100 ms, so the request takes at least that long.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const text = new TextEncoder().encode(JSON.stringify({ query: 'query Trickle { categories { slug } }' }));
        controller.enqueue(text.slice(0, 10));
        await new Promise((r) => setTimeout(r, 100));
        controller.enqueue(text.slice(10));
        controller.close();
      },
    });
    const response = await slow.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'slow-1' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const line = slowLogs.lines().find((l) => l.requestId === 'slow-1');
    expect(line).toMatchObject({ level: 40, msg: 'slow operation', operationName: 'Trickle', thresholdMs: 50 });
    // The body started trickling before the request reached the server, so the measured duration
    // is somewhat under the 100 ms trickle; what matters is that it crossed the threshold.
    expect(line.durationMs).toBeGreaterThanOrEqual(50);
    // Under the threshold it is an ordinary info line.
    await app.send('query Quick { categories { slug } }', { headers: { 'x-request-id': 'quick-1' } });
    const quick = logs.lines().filter((l) => l.requestId === 'quick-1' && l.level >= 30);
    expect(quick).toEqual([expect.objectContaining({ level: 30, msg: 'graphql request', operationName: 'Quick' })]);
  });

  it('/metrics exposes request, operation, error and SQL metrics on a registry per app', async () => {
    const other = hardenedApp(handle);
    await app.send(COMPARE_PAGE, { variables: PAIR });
    await app.send('{ models(first: 101) { totalCount } }');
    const metrics = await app.request('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = metrics.text;
    expect(text).toMatch(/^http_requests_total\{method="POST",route="graphql",status="200"\} \d+/m);
    expect(text).toMatch(/^graphql_operations_total\{operation="ComparePage",type="query",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation="ComparePage",type="query"\} [1-9]/m);
    expect(text).toMatch(/^graphql_errors_total\{operation="anonymous",code="BAD_USER_INPUT"\} 1$/m);
    expect(text).toMatch(/^db_statements_total [1-9]/m);
    expect(text).toMatch(/^graphql_operation_sql_statements_count\{operation="ComparePage"\} [1-9]/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    // A second app in the same process counts only its own traffic.
    const fresh = (await other.request('/metrics')).text;
    expect(fresh).not.toMatch(/operation="ComparePage"/);
  });
});

describe('admission control (real socket)', () => {
  it('with MAX_CONCURRENT_REQUESTS=1 a second query waits for the first to finish; /health answers meanwhile', async () => {
    const service = await listen(hardenedApp(handle).yoga, {
      ...DEFAULT_CONFIG,
      PORT: 0,
      HOST: '127.0.0.1',
      MAX_CONCURRENT_REQUESTS: 1,
    });
    const socket = connect(service.port, '127.0.0.1');
    try {
      await once(socket, 'connect');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      const body = JSON.stringify({ query: '{ categories { slug } }' });
      // The first request takes the only turn and holds it: its body is not all sent yet.
      const arrived = once(service.server, 'request');
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
      );
      await arrived;
      const origin = `http://127.0.0.1:${service.port}`;
      const second = fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then((r) => r.status);
      const early = await Promise.race([
        second.then(() => 'answered'),
        new Promise((r) => setTimeout(() => r('waiting'), 300)),
      ]);
      expect(early).toBe('waiting');
      expect((await fetch(`${origin}/health`)).status).toBe(200);
      socket.write(body.slice(5));
      expect(await second).toBe(200);
      await once(socket, 'close');
      expect(received).toMatch(/^HTTP\/1\.1 200 OK/);
    } finally {
      socket.destroy();
      await service.drain(1000);
    }
  });
});
