/**
 * Load (issue 6): the compare page for one fixed pair of models, 50 connections for 30 s with
 * autocannon, against the real server (`src/server.ts`) that this script starts in a child process
 * (so the load generator does not share its event loop). Every response must be the exact body of
 * a checked warm-up response: a GraphQL error in a 200 counts as a mismatch.
 *
 *   npm run bench:load                                                       (in-memory PGlite)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:load  (PostgreSQL)
 *
 * With PostgreSQL, the server gets a database of its own on that server (llmc_bench: created,
 * seeded with the bundled dataset by the server on start, dropped at the end); the database in the
 * URL is only used to create it. Writes its numbers to bench/RESULTS.md and exits 1 on any error,
 * timeout, non-2xx or mismatch. `-- --duration 5` shortens a trial run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { databaseTarget, loadConfig } from '../src/config.js';
import { buildAndStartArgs, machine, writeSection } from './results.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.argv[process.argv.indexOf('--duration') + 1]) || 30;
const CONNECTIONS = 50;
const PAIR = ['gpt-4-1', 'gpt-4-1-mini'];
const BODY = JSON.stringify({
  query: readFileSync(new URL('../contract/compare-page.graphql', import.meta.url), 'utf8'),
  variables: { models: PAIR },
});
const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

const target = databaseTarget(loadConfig());
let admin: postgres.Sql | undefined;
let databaseUrl = 'memory://';
if (target.kind === 'postgres') {
  admin = postgres(target.url, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists llmc_bench with (force)');
  await admin.unsafe('create database llmc_bench');
  const url = new URL(target.url);
  url.pathname = '/llmc_bench';
  databaseUrl = url.toString();
}

const port = await freePort();
const startArgs = buildAndStartArgs();
const server = spawn(process.execPath, startArgs, {
  cwd: ROOT,
  env: {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const origin = `http://127.0.0.1:${port}`;

let exitCode = 1;
try {
  // Migrate and seed happen before the server listens; /ready then also proves the database answers.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ready = await fetch(`${origin}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the server was not ready within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }

  const check = await fetch(`${origin}/graphql`, { method: 'POST', headers: HEADERS, body: BODY });
  const expected = await check.text();
  const parsed = JSON.parse(expected) as { errors?: unknown; data?: { comparison?: { models: { slug: string }[] } } };
  if (
    check.status !== 200 ||
    parsed.errors ||
    parsed.data?.comparison?.models.map((m) => m.slug).join() !== PAIR.join()
  ) {
    throw new Error(`the compare page does not answer as expected: ${check.status} ${expected.slice(0, 500)}`);
  }
  // Warm-up: plans, prepared statements, JIT.
  await autocannon({
    url: `${origin}/graphql`,
    method: 'POST',
    headers: HEADERS,
    body: BODY,
    connections: 10,
    duration: 3,
  });

  const result = await autocannon({
    url: `${origin}/graphql`,
    method: 'POST',
    headers: HEADERS,
    body: BODY,
    connections: CONNECTIONS,
    duration: DURATION,
    expectBody: expected,
  });

  const database =
    target.kind === 'postgres'
      ? 'PostgreSQL 15 on the same machine (database llmc_bench, bundled dataset)'
      : 'in-memory PGlite (bundled dataset)';
  const command =
    target.kind === 'postgres'
      ? 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:load'
      : 'npm run bench:load';
  const report = `
Command: \`${command}\`: the real server (\`npm start\`'s \`node ${startArgs.join(' ')}\` after its build, LOG_LEVEL=warn, default limits and pool) on ${database},
driven over HTTP by autocannon in another process: ${CONNECTIONS} connections for ${DURATION} s, POST /graphql with the
compare-page contract operation for ${PAIR.join(' vs ')}; every response compared with the checked warm-up body.
Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}.

| requests/s (mean) | latency p50 | latency p99 | requests | errors | timeouts | non-2xx | body mismatches |
| --- | --- | --- | --- | --- | --- | --- | --- |
| ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.requests.total} | ${result.errors} | ${result.timeouts} | ${result.non2xx} | ${result.mismatches} |
`;
  console.log(report);
  writeSection(target.kind === 'postgres' ? 'Load (issue 6)' : 'Load (issue 6, PGlite)', report);
  exitCode = result.errors + result.timeouts + result.non2xx + result.mismatches === 0 ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  if (server.exitCode === null) await once(server, 'exit');
  if (admin) {
    await admin.unsafe('drop database if exists llmc_bench with (force)');
    await admin.end();
  }
}
process.exit(exitCode);
