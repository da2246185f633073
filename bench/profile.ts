/**
 * Where the service's CPU goes on one operation (issue 8): starts the built server (`dist/server.js`) under
 * `node --cpu-prof` (response cache off) on an existing database, drives it with autocannon, stops
 * it, and prints the functions with the most self time, and the packages/files they live in.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/llmc_synth npm run bench:profile -- --op analyst --duration 10
 *
 * --op: control | analyst | model | entities | leaderboard | compare. The .cpuprofile stays in --dir
 * (default /tmp/llmc-cpu-prof) for Chrome DevTools or speedscope; with --svg <file> a flame graph
 * of it is written too (bench/flame.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { databaseTarget, loadConfig } from '../src/config.js';
import { flameGraph } from './flame.js';
import { buildAndStartArgs } from './results.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
};
const OP = arg('op', 'analyst');
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '10'));
const DIR = arg('dir', '/tmp/llmc-cpu-prof');
const SVG = arg('svg', '');
const contract = (name: string) => readFileSync(new URL(`../contract/${name}.graphql`, import.meta.url), 'utf8');

const target = databaseTarget(loadConfig());
if (target.kind !== 'postgres') throw new Error('bench:profile needs DATABASE_URL=postgres://… of a seeded database');
const synthetic = target.url.includes('synth');
const slug = synthetic ? 'syn-model-04242' : 'gpt-4-1';
const pair = synthetic ? ['syn-model-00042', 'syn-model-04242'] : ['gpt-4-1', 'gpt-4-1-mini'];
const bodies: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  control: { query: '{ __typename }' },
  analyst: {
    query: 'query Analyst { models(first: 100) { edges { node { slug scores { value benchmark { slug } } } } } }',
  },
  model: { query: contract('model-page'), variables: { slug } },
  compare: { query: contract('compare-page'), variables: { models: pair } },
  leaderboard: { query: contract('leaderboard'), variables: { first: 50 } },
  entities: {
    query: contract('entities'),
    variables: {
      representations: Array.from({ length: 100 }, (_, i) => ({
        __typename: 'Model',
        slug: synthetic ? `syn-model-${String(i + 1).padStart(5, '0')}` : slug,
      })),
    },
  },
};
const body = JSON.stringify(
  bodies[OP] ??
    (() => {
      throw new Error(`unknown --op ${OP}`);
    })(),
);

const probe = createServer().listen(0, '127.0.0.1');
await once(probe, 'listening');
const port = (probe.address() as { port: number }).port;
probe.close();
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const server = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${DIR}`, ...buildAndStartArgs()], {
  cwd: ROOT,
  env: {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: target.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    RESPONSE_CACHE_TTL_MS: '0',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const origin = `http://127.0.0.1:${port}`;
for (const deadline = Date.now() + 120_000; ;) {
  if (
    await fetch(`${origin}/ready`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (Date.now() > deadline || server.exitCode !== null) throw new Error('the server did not become ready');
  await new Promise((r) => setTimeout(r, 200));
}
const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const check = await fetch(`${origin}/graphql`, { method: 'POST', headers: { ...headers }, body }).then((r) => r.text());
if (check.includes('"errors"')) throw new Error(check.slice(0, 500));
const result = await autocannon({
  url: `${origin}/graphql`,
  method: 'POST',
  headers: { ...headers },
  body,
  connections: CONNECTIONS,
  duration: DURATION,
});
server.kill('SIGTERM');
await once(server, 'exit');
console.log(
  `${OP}: ${result.requests.total} requests in ${DURATION} s at ${CONNECTIONS} connections, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const file = readdirSync(DIR).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile in ${DIR}`);
const profile = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
if (SVG)
  writeFileSync(
    SVG,
    flameGraph(
      profile,
      `${OP} page, ${result.requests.total} requests at ${CONNECTIONS} connections (npm run bench:profile, ${new Date().toISOString().slice(0, 10)})`,
    ),
  );
// Self time per node from the sample deltas (µs).
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
const place = (url: string) => {
  if (!url) return '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '').replace(ROOT, '');
};
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  if (!t) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = idle.has(functionName)
    ? functionName
    : `${functionName || '(anonymous)'} ${place(url)}:${lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + t);
  const where = idle.has(functionName) ? functionName : place(url);
  byPlace.set(where, (byPlace.get(where) ?? 0) + t);
}
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${((100 * v) / total).toFixed(1)}% |`)
    .join('\n');
console.log(
  `\nProfile ${join(DIR, file)}, ${(total / 1e6).toFixed(1)} s sampled\n\n| package or file | self time |\n| --- | --- |\n${top(byPlace, 15)}\n\n| function | self time |\n| --- | --- |\n${top(byFunction, 25)}`,
);
