import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTarget, loadConfig } from '../../src/config.js';
import { createDb, rowsOf } from '../../src/db/client.js';
import { freePort, LEAK, ROOT, spawnServer, type ServerProcess } from '../helpers/http.js';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const AVAILABLE = ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(`${PG_BIN}/${b}`));
if (!AVAILABLE)
  console.warn(
    `[hardening-fault] SKIPPED: no PostgreSQL 15 binaries under ${PG_BIN}; this test needs initdb and pg_ctl`,
  );

const COMPARE_PAGE = readFileSync(`${ROOT}contract/compare-page.graphql`, 'utf8');
const BODY = JSON.stringify({ query: COMPARE_PAGE, variables: { models: ['gpt-4-1', 'gpt-4-1-mini'] } });
/** PostgreSQL refuses to run as root: as root, its tools run as the postgres OS user. */
const AS_ROOT = process.getuid?.() === 0;

/** Runs a PostgreSQL binary (as the postgres user when we are root). */
function pg(binary: string, args: string[]): string {
  const path = `${PG_BIN}/${binary}`;
  if (!AS_ROOT) return execFileSync(path, args, { encoding: 'utf8' });
  const quoted = [path, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  return execFileSync('su', ['postgres', '-c', quoted], { encoding: 'utf8' });
}

interface Outcome {
  start: number;
  status?: number;
  text?: string;
  failure?: string;
  id: string;
}

describe.skipIf(!AVAILABLE)('PostgreSQL restart under load (its own server, postgres.js pool)', () => {
  let dir: string | undefined;
  let dataDir: string | undefined;
  let log = '';
  let port = 0;
  let options = '';
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llmc-fault-'));
    if (AS_ROOT) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    dataDir = join(dir, 'data');
    log = join(dir, 'postgres.log');
    port = await freePort();
    pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`;
    pg('pg_ctl', ['-D', dataDir, '-o', options, '-l', log, '-w', 'start']);
  });

  afterAll(async () => {
    await server?.kill();
    if (dataDir && existsSync(dataDir)) {
      try {
        pg('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w']);
      } catch {
        // Already stopped.
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('cancels a statement that runs longer than STATEMENT_TIMEOUT_MS (pool connection setting)', async () => {
    const target = databaseTarget(
      loadConfig({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`, STATEMENT_TIMEOUT_MS: '200' }),
    );
    const handle = await createDb(target);
    try {
      const started = Date.now();
      const error = await handle.db.execute(sql`select pg_sleep(5)`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(4000);
      // 57014: query_canceled, "canceling statement due to statement timeout".
      expect((error as { cause?: { code?: string } }).cause?.code).toBe('57014');
      expect(rowsOf(await handle.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });

  it(
    'never crashes, masks the failures, and serves every request again within 5 s of PostgreSQL being back',
    { timeout: 180_000 },
    async () => {
      if (!dataDir) throw new Error('PostgreSQL was not started');
      // No response cache: it would answer the repeated compare page through the outage, which is not what this tests.
      server = await spawnServer(
        {
          DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
          DATABASE_POOL_MAX: '4',
          LOG_LEVEL: 'info',
          RESPONSE_CACHE_TTL_MS: '0',
        },
        120_000,
      );
      const url = server.url;

      const outcomes: Outcome[] = [];
      let running = true;
      let counter = 0;
      const worker = async () => {
        while (running) {
          const id = `loop-${(counter += 1)}`;
          const start = Date.now();
          try {
            const response = await fetch(`${url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-request-id': id },
              body: BODY,
              signal: AbortSignal.timeout(15_000),
            });
            outcomes.push({ id, start, status: response.status, text: await response.text() });
          } catch (error) {
            outcomes.push({ id, start, failure: String(error) });
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      };
      const succeeded = (o: Outcome) =>
        o.status === 200 && !JSON.parse(o.text!).errors && JSON.parse(o.text!).data?.comparison?.models?.length === 2;
      const workers = Array.from({ length: 4 }, worker);

      // Steady state first.
      while (outcomes.filter(succeeded).length < 20) await new Promise((r) => setTimeout(r, 50));

      pg('pg_ctl', ['-D', dataDir, 'stop', '-m', 'fast', '-w']);
      await new Promise((r) => setTimeout(r, 500));
      const readyWhileDown = await fetch(`${url}/ready`);
      expect(readyWhileDown.status).toBe(503);
      await new Promise((r) => setTimeout(r, 1000));
      pg('pg_ctl', ['-D', dataDir, '-o', options, '-l', log, '-w', 'start']);
      const back = Date.now();

      while (Date.now() < back + 7000) await new Promise((r) => setTimeout(r, 100));
      running = false;
      await Promise.all(workers);

      // The process is alive and answers.
      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/ready`)).status).toBe(200);

      // Every request got an HTTP answer, never a 5xx.
      expect(outcomes.filter((o) => o.failure).map((o) => o.failure)).toEqual([]);
      expect(outcomes.filter((o) => o.status! >= 500).map((o) => o.text)).toEqual([]);

      // The outage was felt, and every failure a client saw is masked: no SQL, host, driver or stack.
      const failed = outcomes.filter((o) => !succeeded(o));
      expect(failed.length).toBeGreaterThan(0);
      for (const o of failed) {
        const body = JSON.parse(o.text!);
        expect(body.errors.length, o.text).toBeGreaterThan(0);
        for (const error of body.errors) {
          expect(error.message, o.text).toBe('Unexpected error.');
          expect(error.extensions, o.text).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        }
        expect(o.text).not.toMatch(LEAK);
      }
      // ... and logged in full with the request id the client sent.
      const logged = new Set(
        server
          .logs()
          .filter((l) => l.level === 50)
          .map((l) => l.requestId),
      );
      expect(failed.some((o) => logged.has(o.id))).toBe(true);

      // From 5 s after PostgreSQL is back, every request succeeds.
      const after = outcomes.filter((o) => o.start >= back + 5000);
      expect(after.length).toBeGreaterThan(5);
      expect(after.filter((o) => !succeeded(o)).map((o) => o.text)).toEqual([]);
    },
  );
});
