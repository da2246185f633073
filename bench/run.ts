/**
 * Throughput against peers (issue 8): the service (`src/server.ts`), PostGraphile v5 and a bare
 * node:http ceiling, each in its own child process on the same PostgreSQL database, driven over
 * HTTP by autocannon from this process. Two datasets: the bundled one (database llmc_bench_peers,
 * created and seeded here, dropped at the end) and the synthetic 10,000 × 300 one (llmc_synth,
 * which must already exist: `npm run data:synthetic -- --models 10000 --benchmarks 300`).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *   npm run bench -- --duration 5 --rounds 3 --connections 1,10,50 --datasets bundled,synthetic
 *
 * Per operation, server and connection count: requests/s, p50/p99 latency, server CPU per request
 * (/proc/<pid>/stat before and after), SQL statements per operation (the service's own statement
 * counter in this process; a counting wrapper in the peers' processes), and each server's peak RSS
 * (VmHWM). Runs of the different servers are interleaved and repeated; tables show medians.
 */
import { execFileSync, execSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { databaseTarget, loadConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { ANALYST, MODEL_PAGE_NO_PROFILE } from './operations.js';
import { buildAndStartArgs, machine, writeSection } from './results.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
};
const DURATION = Number(arg('duration', '3'));
const ROUNDS = Number(arg('rounds', '3'));
const WARMUP = Number(arg('warmup', '1'));
const CONNECTIONS = arg('connections', '1,10,50').split(',').map(Number);
const DATASETS = arg('datasets', 'bundled,synthetic').split(',');
const SYNTHETIC_DB = arg('synthetic-db', 'llmc_synth');
const BUNDLED_DB = 'llmc_bench_peers';
const WRITE = !process.argv.includes('--no-write');
const CLK_TCK = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** ours: the service with its response cache off (every request executes); ours-cached: as deployed (cache on, the default). */
type ServerName = 'ours' | 'ours-cached' | 'postgraphile' | 'bare';
interface Target {
  server: ServerName;
  path: string;
  body: string;
}
interface Op {
  id: string;
  label: string;
  targets: Target[];
}

const contract = (name: string) => readFileSync(new URL(`../contract/${name}.graphql`, import.meta.url), 'utf8');
const gql = (server: ServerName, query: string, variables: Record<string, unknown> = {}): Target => ({
  server,
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});
const bare = (path: string, variables: Record<string, unknown> = {}): Target => ({
  server: 'bare',
  path,
  body: JSON.stringify({ variables }),
});

const PGL_MODEL_PAGE = `query ModelPage($slug: String!) {
  modelBySlug(slug: $slug) {
    rowId slug name releaseDate openWeights contextWindow
    providerByProviderId { slug name }
    familyByFamilyId { slug name modelsByFamilyId(orderBy: NAME_ASC) { nodes { slug name } } }
    modelPricesByModelId(orderBy: EFFECTIVE_FROM_DESC, first: 1) { nodes { inputPrice outputPrice cachedInputPrice } }
    outputTokensPerSecond timeToFirstTokenSeconds
    scoresByModelId(condition: { supersededAt: null, retractedAt: null }) {
      nodes { value provenance source measuredOn benchmarkByBenchmarkId { slug name unit categoryByCategoryId { slug } } }
    }
  }
}`;
const PGL_ANALYST = `query Analyst { allModels(first: 100, orderBy: PRIMARY_KEY_ASC) { edges { node { slug
  scoresByModelId(condition: { supersededAt: null, retractedAt: null }) { nodes { value benchmarkByBenchmarkId { slug } } } } } } }`;
// PostGraphile has no _entities: a client fetching 100 models by key sends 100 aliased lookups.
const pglEntities = (slugs: string[]) => ({
  query: `query Entities(${slugs.map((_, i) => `$s${i}: String!`).join(', ')}) {\n${slugs
    .map(
      (_, i) =>
        `  m${i}: modelBySlug(slug: $s${i}) { __typename slug name modelPricesByModelId(orderBy: EFFECTIVE_FROM_DESC, first: 1) { nodes { inputPrice outputPrice } } }`,
    )
    .join('\n')}\n}`,
  variables: Object.fromEntries(slugs.map((s, i) => [`s${i}`, s])),
});

function operations(p: { pair: string[]; slug: string; slugs: string[]; firstId: number }): Op[] {
  const entities = pglEntities(p.slugs);
  const ops: Op[] = [
    {
      id: 'compare',
      label: 'compare page (2 models)',
      targets: [gql('ours', contract('compare-page'), { models: p.pair }), bare('/compare', { models: p.pair })],
    },
    {
      id: 'leaderboard',
      label: 'leaderboard, first 50',
      targets: [gql('ours', contract('leaderboard'), { first: 50 }), bare('/leaderboard', { first: 50 })],
    },
    {
      id: 'model',
      label: 'model page',
      targets: [gql('ours', contract('model-page'), { slug: p.slug }), bare('/model', { slug: p.slug })],
    },
    {
      id: 'model-raw',
      label: 'model page without profile',
      targets: [
        gql('ours', MODEL_PAGE_NO_PROFILE, { slug: p.slug }),
        gql('postgraphile', PGL_MODEL_PAGE, { slug: p.slug }),
        bare('/model', { slug: p.slug }),
      ],
    },
    {
      id: 'analyst',
      label: 'analyst: 100 models × all scores',
      targets: [gql('ours', ANALYST), gql('postgraphile', PGL_ANALYST), bare('/analyst', { first: 100 })],
    },
    {
      id: 'entities',
      label: `_entities, ${p.slugs.length} models`,
      targets: [
        gql('ours', contract('entities'), { representations: p.slugs.map((slug) => ({ __typename: 'Model', slug })) }),
        gql('postgraphile', entities.query, entities.variables),
        bare('/entities', { slugs: p.slugs }),
      ],
    },
    {
      id: 'control',
      label: 'control `{ __typename }`',
      targets: [gql('ours', '{ __typename }'), gql('postgraphile', '{ __typename }'), bare('/control')],
    },
    { id: 'pk', label: 'one primary-key SELECT', targets: [bare('/pk', { id: p.firstId })] },
  ];
  // The same requests to the service as deployed, whose response cache answers repeats.
  return ops.map((op) => ({
    ...op,
    targets: op.targets.flatMap((t) => (t.server === 'ours' ? [t, { ...t, server: 'ours-cached' as const }] : [t])),
  }));
}

/** `npm start`'s arguments for ours (after its build), and the same transpilation of the peers. */
const START_ARGS: string[] = [];
function buildServers(): void {
  START_ARGS.push(...buildAndStartArgs());
  execFileSync(process.execPath, ['scripts/build.mjs', '--from', 'bench/servers', '--to', 'bench/.build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

interface Running {
  name: ServerName;
  child: ChildProcess;
  origin: string;
}

async function start(name: ServerName, databaseUrl: string): Promise<Running> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DATABASE_POOL_MAX: '10',
  };
  if (name === 'ours') env.RESPONSE_CACHE_TTL_MS = '0';
  // Every server runs as transpiled JavaScript (built once, below), as `npm start` runs ours.
  const args = {
    ours: START_ARGS,
    'ours-cached': START_ARGS,
    postgraphile: ['bench/.build/postgraphile.js'],
    bare: ['bench/.build/bare.js'],
  }[name];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  let ready = false;
  child.on('message', (m: { type?: string }) => {
    if (m?.type === 'ready') ready = true;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (
      name.startsWith('ours')
        ? await fetch(`${origin}/ready`).then(
            (r) => r.ok,
            () => false,
          )
        : ready
    )
      break;
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 180 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { name, child, origin };
}

async function stop(server: Running): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

/** User + system CPU of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime, stime (fields 14, 15)
}

/** Peak resident set of a process so far, in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function peerStatements(child: ChildProcess): Promise<number> {
  const reply = new Promise<number>((resolve) => {
    const listener = (m: { type?: string; statements?: number }) => {
      if (m?.type !== 'stats') return;
      child.off('message', listener);
      resolve(m.statements ?? Number.NaN);
    };
    child.on('message', listener);
  });
  child.send({ type: 'stats' });
  return reply;
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

async function request(origin: string, t: Target): Promise<{ status: number; text: string }> {
  const res = await fetch(`${origin}${t.path}`, { method: 'POST', headers: { ...HEADERS }, body: t.body });
  return { status: res.status, text: await res.text() };
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  cpuPerReq: number;
  failures: number;
  /** no response at all during the run */ silent: boolean;
}

async function load(server: Running, t: Target, connections: number, duration: number): Promise<Sample> {
  const pid = server.child.pid!;
  const cpuBefore = cpuMs(pid);
  const r = await autocannon({
    url: `${server.origin}${t.path}`,
    method: 'POST',
    headers: { ...HEADERS },
    body: t.body,
    connections,
    duration,
  });
  const cpu = cpuMs(pid) - cpuBefore;
  const total = r.requests.total;
  await settle(pid);
  // A run without a single response has no latency (autocannon reports 0 ms): NaN, so that no target counts it as met.
  const latency = (ms: number) => (total ? ms : Number.NaN);
  return {
    rps: total / (r as unknown as { duration: number }).duration,
    p50: latency(r.latency.p50),
    p99: latency(r.latency.p99),
    cpuPerReq: total ? cpu / total : Number.NaN,
    failures: r.errors + r.timeouts + r.non2xx,
    silent: total === 0,
  };
}

/**
 * Waits until a server has finished the requests autocannon abandoned at the end of a run (a
 * server keeps executing them), so that they do not slow down the next run: until its process uses
 * under 5% of a core over 300 ms, or 120 s.
 */
async function settle(pid: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  let before = cpuMs(pid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 300));
    const now = cpuMs(pid);
    if (now - before < 15) return;
    before = now;
  }
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface DatasetResult {
  name: string;
  description: string;
  ops: Op[];
  statements: Map<string, number>; // `${op}/${server}`
  bytes: Map<string, number>;
  samples: Map<string, Sample[]>; // `${op}/${server}/${connections}`
  peakRss: Map<ServerName, number>;
  startupRss: Map<ServerName, number>;
  /** 1-minute load average when the measured runs began and ended (other work on the machine shows here). */
  load: [number, number];
  skipped: string[];
}

const target = databaseTarget(loadConfig());
if (target.kind !== 'postgres')
  throw new Error(
    'npm run bench needs DATABASE_URL=postgres://… (an admin connection; the bench uses databases of its own)',
  );
const admin = postgres(target.url, { max: 1, onnotice: () => {} });
const dbUrl = (name: string) => {
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return url.toString();
};

async function runDataset(dataset: string): Promise<DatasetResult> {
  const database = dataset === 'bundled' ? BUNDLED_DB : SYNTHETIC_DB;
  if (dataset === 'bundled') {
    await admin.unsafe(`drop database if exists ${BUNDLED_DB} with (force)`);
    await admin.unsafe(`create database ${BUNDLED_DB}`);
  } else {
    const exists = await admin`select 1 from pg_database where datname = ${SYNTHETIC_DB}`;
    if (exists.length === 0)
      throw new Error(
        `database ${SYNTHETIC_DB} is missing: createdb it, then DATABASE_URL=…/${SYNTHETIC_DB} npm run data:synthetic -- --models 10000 --benchmarks 300`,
      );
  }
  const url = dbUrl(database);
  // The service first: it migrates (and seeds the bundled dataset into the empty database).
  const running: Running[] = [await start('ours', url)];
  // Fresh statistics and visibility map for every server alike (autovacuum would get there later).
  const vacuum = postgres(url, { max: 1, onnotice: () => {} });
  await vacuum.unsafe('vacuum analyze');
  await vacuum.end();
  const skipped: string[] = [];
  for (const name of ['ours-cached', 'postgraphile', 'bare'] as const) {
    try {
      running.push(await start(name, url));
    } catch (err) {
      skipped.push(`${name}: ${(err as Error).message}`);
    }
  }
  const byName = new Map(running.map((s) => [s.name, s]));
  // Should the bench fail midway, its servers must not outlive it.
  process.on('exit', () => running.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL')));

  const db = postgres(url, { max: 1, onnotice: () => {} });
  const [sizes] =
    await db`select (select count(*)::int from models) as models, (select count(*)::int from benchmarks) as benchmarks, (select count(*)::int from scores) as scores`;
  const ids = await db<{ id: number; slug: string }[]>`select id, slug from models order by id limit 100`;
  await db.end();
  const slugs = Array.from({ length: 100 }, (_, i) => ids[i % ids.length]!.slug); // 100 representations, repeating if fewer models
  const params =
    dataset === 'bundled'
      ? { pair: ['gpt-4-1', 'gpt-4-1-mini'], slug: 'gpt-4-1', slugs, firstId: ids[0]!.id }
      : { pair: ['syn-model-00042', 'syn-model-04242'], slug: 'syn-model-04242', slugs, firstId: ids[0]!.id };
  const ops = operations(params).map((op) => ({ ...op, targets: op.targets.filter((t) => byName.has(t.server)) }));

  // SQL statements per operation: the service's own counter, on an app in this process.
  const statements = new Map<string, number>();
  const bytes = new Map<string, number>();
  const handle = await createDb({ kind: 'postgres', url, poolMax: 4 });
  const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent', RESPONSE_CACHE_TTL_MS: 0 } });
  for (const op of ops) {
    for (const t of op.targets) {
      const server = byName.get(t.server)!;
      const first = await request(server.origin, t);
      const parsed = JSON.parse(first.text) as { errors?: unknown };
      if (first.status !== 200 || parsed.errors)
        throw new Error(`${t.server} ${op.id}: ${first.status} ${first.text.slice(0, 400)}`);
      bytes.set(`${op.id}/${t.server}`, first.text.length);
      if (t.server === 'ours-cached') continue;
      if (t.server === 'ours') {
        const before = handle.statements.count;
        const res = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { ...HEADERS }, body: t.body });
        await res.text();
        statements.set(`${op.id}/ours`, handle.statements.count - before);
      } else {
        const before = await peerStatements(server.child);
        await request(server.origin, t);
        statements.set(`${op.id}/${t.server}`, (await peerStatements(server.child)) - before);
      }
    }
  }
  await handle.close();

  // Peak RSS under load only: note the start-up peak (migrations, seeding, schema build), then reset
  // VmHWM (writing 5 to clear_refs) so the figure below is the peak while the bench drives the servers.
  const startupRss = new Map(running.map((s) => [s.name, peakRssMb(s.child.pid!)] as const));
  for (const s of running) writeFileSync(`/proc/${s.child.pid}/clear_refs`, '5');
  for (const op of ops) for (const t of op.targets) await load(byName.get(t.server)!, t, 10, WARMUP); // plans, prepared statements, JIT

  const samples = new Map<string, Sample[]>();
  const loadBefore = loadavg()[0]!;
  for (let round = 0; round < ROUNDS; round++) {
    for (const op of ops) {
      for (const connections of CONNECTIONS) {
        // Interleave the servers, rotating who goes first each round.
        const order = op.targets.map((_, i) => op.targets[(i + round) % op.targets.length]!);
        for (const t of order) {
          const sample = await load(byName.get(t.server)!, t, connections, DURATION);
          const key = `${op.id}/${t.server}/${connections}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          console.log(
            `${dataset} round ${round + 1} ${key}: ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, ${sample.cpuPerReq.toFixed(2)} ms CPU/req${sample.failures ? `, ${sample.failures} failures` : ''}${sample.silent ? ', NO RESPONSE' : ''}`,
          );
        }
      }
    }
  }
  const loadRange: [number, number] = [loadBefore, loadavg()[0]!];
  const peakRss = new Map(running.map((s) => [s.name, peakRssMb(s.child.pid!)] as const));
  for (const s of running) await stop(s);
  if (dataset === 'bundled') await admin.unsafe(`drop database if exists ${BUNDLED_DB} with (force)`);
  const description = `${dataset} dataset (database ${database}: ${sizes!.models} models, ${sizes!.benchmarks} benchmarks, ${sizes!.scores} scores)`;
  return { name: dataset, description, ops, statements, bytes, samples, peakRss, startupRss, load: loadRange, skipped };
}

const revision = (() => {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- src', { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? ' plus uncommitted changes under src/' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
})();
const started = Date.now();
const results: DatasetResult[] = [];
buildServers();
try {
  for (const dataset of DATASETS) results.push(await runDataset(dataset));
} finally {
  await admin.end();
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

const f0 = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const f2 = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(2));
type Metric = Exclude<keyof Sample, 'silent'>;
const m = (r: DatasetResult, op: string, server: ServerName, c: number, k: Metric) =>
  median((r.samples.get(`${op}/${server}/${c}`) ?? []).map((s) => s[k]));
/** Every run of an operation on a server, at every connection count. */
const runsOf = (r: DatasetResult, op: string, server: ServerName) =>
  CONNECTIONS.flatMap((c) => r.samples.get(`${op}/${server}/${c}`) ?? []);
const triple = (r: DatasetResult, op: string, server: ServerName, k: Metric) =>
  CONNECTIONS.map((c) => f0(m(r, op, server, c, k))).join(' / ');
const ratio = (r: DatasetResult, op: string, other: ServerName, otherOp = op, who: ServerName = 'ours') =>
  CONNECTIONS.map((c) => f2(m(r, op, who, c, 'rps') / m(r, otherOp, other, c, 'rps'))).join(' / ');

function table(r: DatasetResult): string {
  const c = CONNECTIONS.join('/');
  const rows = [
    `| operation | server | SQL/op | req/s @ ${c} conn | p50 ms @ ${c} | p99 ms @ ${c} | CPU ms/req @ 10 | bytes | ours ÷ this, req/s @ ${c} | ours-cached ÷ this |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const op of r.ops) {
    const hasOurs = op.targets.some((x) => x.server === 'ours');
    for (const t of op.targets) {
      const runs = runsOf(r, op.id, t.server);
      const failures = runs.reduce((a, s) => a + s.failures, 0);
      const silent = runs.filter((s) => s.silent).length;
      const notes = [
        failures ? `${failures} failed requests` : '',
        silent ? `no response in ${silent} of ${runs.length} runs` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const peer = hasOurs && !t.server.startsWith('ours');
      rows.push(
        `| ${op.label} | ${t.server}${notes ? ` (${notes})` : ''} | ${r.statements.get(`${op.id}/${t.server}`) ?? '–'} | ${triple(r, op.id, t.server, 'rps')} | ${triple(r, op.id, t.server, 'p50')} | ${triple(r, op.id, t.server, 'p99')} | ${f2(m(r, op.id, t.server, 10, 'cpuPerReq'))} | ${r.bytes.get(`${op.id}/${t.server}`) ?? '–'} | ${peer ? ratio(r, op.id, t.server) : ''} | ${peer ? ratio(r, op.id, t.server, op.id, 'ours-cached') : ''} |`,
      );
    }
  }
  rows.push(
    '',
    `1-minute load average: ${r.load[0].toFixed(1)} when the measured runs began, ${r.load[1].toFixed(1)} when they ended (2 cores).`,
  );
  rows.push(
    '',
    `Peak RSS under load (VmHWM, reset after start-up): ${[...r.peakRss].map(([s, mb]) => `${s} ${mb.toFixed(0)} MB`).join(', ')}; at start-up (before the reset): ${[...r.startupRss].map(([s, mb]) => `${s} ${mb.toFixed(0)} MB`).join(', ')}.${r.skipped.length ? ` Skipped: ${r.skipped.join('; ')}.` : ''}`,
  );
  return rows.join('\n');
}

/** Whether any run of an operation on a server went without a single response: the target is missed, whatever the other runs did. */
const silent = (r: DatasetResult, op: string, server: ServerName) => runsOf(r, op, server).some((s) => s.silent);

function targets(): string {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  for (const r of results) {
    for (const who of ['ours', 'ours-cached'] as const) {
      if (!r.samples.has(`control/${who}/${CONNECTIONS[0]}`)) continue;
      for (const op of ['model-raw', 'analyst', 'entities', 'control']) {
        if (!r.samples.has(`${op}/postgraphile/${CONNECTIONS[0]}`)) continue;
        const rpsOk = CONNECTIONS.every((c) => m(r, op, who, c, 'rps') >= m(r, op, 'postgraphile', c, 'rps'));
        const p99Ok = CONNECTIONS.every((c) => m(r, op, who, c, 'p99') <= m(r, op, 'postgraphile', c, 'p99'));
        lines.push(
          `| ${r.name} | ${who} | req/s ≥ 1.0× PostGraphile, p99 no worse: ${op} | req/s ratio ${ratio(r, op, 'postgraphile', op, who)}; p99 ${triple(r, op, who, 'p99')} vs ${triple(r, op, 'postgraphile', 'p99')} ms | ${mark(rpsOk && p99Ok && !silent(r, op, who))} |`,
        );
      }
      for (const op of ['model', 'entities']) {
        const ok =
          !silent(r, op, who) &&
          CONNECTIONS.every((c) => m(r, op, who, c, 'rps') >= 0.4 * m(r, 'pk', 'bare', c, 'rps'));
        lines.push(
          `| ${r.name} | ${who} | ${op} ≥ 40% of bare node:http + one SELECT | ratio ${ratio(r, op, 'bare', 'pk', who)} | ${mark(ok)} |`,
        );
      }
      if (r.name === 'synthetic') {
        const p99 = m(r, 'leaderboard', who, 10, 'p99');
        lines.push(
          `| synthetic | ${who} | leaderboard first page p99 < 250 ms at 10 connections | ${f0(p99)} ms | ${mark(p99 < 250 && !silent(r, 'leaderboard', who))} |`,
        );
      }
      const rss = r.peakRss.get(who) ?? Number.NaN;
      lines.push(
        `| ${r.name} | ${who} | peak RSS of the service under load < 300 MB | ${rss.toFixed(0)} MB (start-up peak ${(r.startupRss.get(who) ?? Number.NaN).toFixed(0)} MB) | ${mark(rss < 300)} |`,
      );
    }
  }
  if (results.length > 1) {
    const [a, b] = results as [DatasetResult, DatasetResult];
    const ids = a.ops.map((op) => op.id).filter((id) => a.statements.has(`${id}/ours`));
    const diff = ids.filter((id) => a.statements.get(`${id}/ours`) !== b.statements.get(`${id}/ours`));
    lines.push(
      `| both | ours | SQL statements per operation identical on ${a.name} and ${b.name} | ${ids.map((id) => `${id} ${a.statements.get(`${id}/ours`)}/${b.statements.get(`${id}/ours`)}`).join(', ')} | ${mark(diff.length === 0)} |`,
    );
  }
  return [
    '| dataset | server | target | measured (@ ' + CONNECTIONS.join('/') + ' connections) | |',
    '| --- | --- | --- | --- | --- |',
    ...lines,
  ].join('\n');
}

const command = `DATABASE_URL=${target.url.replace(/\/\/[^@]*@/, '//postgres@')} npm run bench -- --duration ${DURATION} --rounds ${ROUNDS} --connections ${CONNECTIONS.join(',')} --datasets ${DATASETS.join(',')}`;
const report = `
Command: \`${command}\` (took ${minutes} min).
Machine: ${machine()}; PostgreSQL 15 on the same machine; autocannon (driver), the three servers and PostgreSQL share the cores.
Date: ${new Date().toISOString().slice(0, 10)}. Code: ${revision}.
Servers, each a child process with a pool of 10 connections to the same database: **ours** = \`npm start\`'s command, \`node ${START_ARGS.join(' ')}\` (after its build)
(LOG_LEVEL=warn, default limits) with RESPONSE_CACHE_TTL_MS=0, so every request executes, as it does for the peers; **ours-cached** = the same
server as deployed (response cache on, 60 s TTL): after the first request of a run it answers from the cache; **postgraphile** = PostGraphile 5.1.5, Amber preset, default inflection, \`PgIndexBehaviorsPlugin\`
disabled (scores.model_id has only partial indexes), \`Promise.withResolvers\` polyfilled (it declares Node ≥ 22; this is Node 20);
the peers' TypeScript (bench/servers) is transpiled by the same build script and run as JavaScript;
**bare** = node:http + postgres.js, one hand-written SQL per operation that builds the JSON in PostgreSQL (raw rows, none of the computed figures).
Each cell is the median of ${ROUNDS} interleaved runs of ${DURATION} s (servers rotated each round) after a ${WARMUP} s warm-up at 10 connections.
CPU ms/req is the server process's user+system time over the run (/proc/<pid>/stat) divided by its requests. SQL/op: ours = the app's statement
counter (one request through \`yoga.fetch\` in the bench process); peers = a counter in their process. "ours ÷ this" is our req/s divided by that row's.
PostGraphile answers the raw-data operations only: the model page without profile (scores unfiltered by lane, no normalised values),
the analyst page, and 100 aliased \`modelBySlug\` lookups for \`_entities\` (it has no federation).

${results.map((r) => `### ${r.description}\n\n${table(r)}`).join('\n\n')}

### Targets

${targets()}
`;
console.log(report);
if (WRITE) writeSection('Throughput against peers (issue 8)', report);
