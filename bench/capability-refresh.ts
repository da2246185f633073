/**
 * Times the capability index as the service runs it (METHODOLOGY §6, src/modules/capability/): the full
 * refresh (watermark, load every current score a chunk of models at a time, fit both lanes, store), cold
 * (no stored fit) and warm (forced, from the stored fit), the check that finds nothing new, and reads of
 * the capability fields through the app (median of 20, with their SQL statements and fits). On the bundled
 * data in in-memory PGlite, and on each PostgreSQL database given; records the run in bench/RESULTS.md.
 *
 *   node --max-old-space-size=384 --import tsx bench/capability-refresh.ts [--postgres label=postgres://…] …
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.js';
import { createDb, rowsOf, type DbHandle } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { fitCount, refreshCapability, type LaneRefresh } from '../src/modules/capability/service.js';
import { importDataset, readDataset } from '../src/modules/ingestion/service.js';
import { BUNDLED_DATA } from '../test/helpers/app.js';
import { machine, writeSection } from './results.js';

const MODEL = `query($slug: String!) { model(slug: $slug) { capability { value low high se rank bestRank worstRank }
  predictedScores { benchmark { slug } value } } }`;
const LEADERBOARD = `{ leaderboard(method: CAPABILITY, first: 50) { totalCount edges { node { rank score model { slug }
  capability { low high bestRank worstRank statisticallyTiedCount } statisticallyTiedWith { slug } } } } }`;
const MODELS = '{ models(first: 100) { edges { node { slug capability { value low high rank } } } } }';
const COMPARE = `query($models: [String!]!) { comparison(models: $models) { verdict { summary }
  capability { leader { slug } pairs { probabilityAhead } models { estimate { value low high } } } } }`;
const READS: [string, string][] = [
  ['model page: capability + predicted scores', MODEL],
  ['capability leaderboard, first 50 (with tied lists)', LEADERBOARD],
  ['100 models × capability', MODELS],
  ['compare 2 models: capability section + verdict', COMPARE],
];

interface Target {
  label: string;
  handle: DbHandle;
  counts: string;
}

/** Median wall time of a GraphQL read (ms), its statements and the fits it ran. */
async function timeRead(target: Target, query: string, variables: Record<string, unknown>) {
  const yoga = createApp({ db: target.handle.db, config: { LOG_LEVEL: 'silent', RESPONSE_CACHE_TTL_MS: 0 } });
  const send = async () => {
    const before = target.handle.statements.count;
    const started = performance.now();
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: performance.now() - started, statements: target.handle.statements.count - before };
  };
  await send();
  const fits = fitCount();
  const runs = [];
  for (let i = 0; i < 20; i++) runs.push(await send());
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { median: sorted[10]!, statements: runs[0]!.statements, fits: fitCount() - fits };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const laneCell = (lane: LaneRefresh) =>
  `${lane.lane}: ${lane.models} models (${lane.rankedModels} ranked) × ${lane.benchmarks} benchmarks, ` +
  `${lane.scoresUsed} scores, ${lane.rounds} rounds${lane.converged ? '' : ' (not converged)'}`;

/** One refresh timed: wall seconds, and each lane's load / fit / store seconds. */
async function timeRefresh(target: Target, force: boolean) {
  const started = performance.now();
  const lanes = await refreshCapability(target.handle.db, { force });
  const wall = performance.now() - started;
  const parts = lanes
    .filter((l) => l.refitted)
    .map((l) => `${l.lane[0]}: ${seconds(l.fitMs)} fit / ${seconds(l.storeMs)} store`)
    .join(', ');
  const load = lanes.find((l) => l.refitted)?.loadMs ?? 0;
  return { wall, lanes, cell: `${seconds(wall)} (load ${seconds(load)}; ${parts || 'nothing refitted'})` };
}

/** Every measurement of one database, as rows of the two tables. */
async function measure(target: Target) {
  await target.handle.db.execute(sql`delete from capability_estimates`);
  await target.handle.db.execute(sql`delete from capability_fits`);
  const cold = await timeRefresh(target, false);
  const warm = await timeRefresh(target, true);
  const idle = await timeRefresh(target, false);
  const refresh =
    `| ${target.label} | ${target.counts} | ${cold.cell} | ${warm.cell} | ${seconds(idle.wall)} | ` +
    `${cold.lanes
      .filter((l) => l.refitted)
      .map(laneCell)
      .join('; ')} |`;
  console.log(refresh);
  // The two ranked models at the top: both in the fit, as a reader's first comparison would be.
  const top = await target.handle.db.execute(
    sql`select m.slug from capability_estimates e join models m on m.id = e.model_id
      where e.lane = 'PROVISIONAL' and e.rank is not null order by e.theta desc limit 2`,
  );
  const [a, b] = rowsOf<{ slug: string }>(top).map((r) => r.slug);
  const reads = [];
  for (const [name, query] of READS) {
    const variables = { slug: a, models: [a, b] };
    const r = await timeRead(target, query, variables);
    reads.push(`| ${target.label} | ${name} | ${r.statements} | ${r.fits} | ${r.median.toFixed(1)} |`);
    console.log(reads.at(-1));
  }
  return { refresh, reads };
}

/** The bundled data in a fresh in-memory PGlite. */
async function bundledPglite(): Promise<Target> {
  const handle = await createDb({ kind: 'pglite', dataDir: undefined });
  await migrate(handle);
  await importDataset(handle.db, await readDataset(BUNDLED_DATA));
  return { label: 'bundled data/, PGlite (in memory)', handle, counts: await countsOf(handle) };
}

async function countsOf(handle: DbHandle): Promise<string> {
  const result = await handle.db.execute(
    sql`select (select count(*) from models) as models, (select count(*) from benchmarks) as benchmarks,
      (select count(*) from scores where superseded_at is null and retracted_at is null) as scores`,
  );
  const row = rowsOf<Record<string, unknown>>(result)[0]!;
  return `${row.models} × ${row.benchmarks}, ${row.scores} scores`;
}

const { values } = parseArgs({ options: { postgres: { type: 'string', multiple: true, default: [] } } });
const targets: Target[] = [await bundledPglite()];
for (const spec of values.postgres) {
  const [label, url] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
  const handle = await createDb({ kind: 'postgres', url, poolMax: 4 });
  await migrate(handle);
  targets.push({ label: `${label}, PostgreSQL`, handle, counts: await countsOf(handle) });
}
const refreshRows: string[] = [];
const readRows: string[] = [];
for (const target of targets) {
  const { refresh, reads } = await measure(target);
  refreshRows.push(refresh);
  readRows.push(...reads);
  await target.handle.close();
}

const date = new Date().toISOString().slice(0, 10);
const heapLimit = process.execArgv.find((a) => a.startsWith('--max-old-space-size')) ?? 'default heap';
writeSection(
  `Capability index refresh and reads (${date})`,
  `
Command: \`node --max-old-space-size=384 --import tsx bench/capability-refresh.ts --postgres synthetic=postgres://…/<db>\`
(the synthetic database made by \`npm run data:synthetic -- --models 10000 --benchmarks 300\` in a scratch database,
dropped afterwards). Machine: ${machine()}; PostgreSQL 15 on the same machine. Date: ${date}. Node flags: ${heapLimit}
(the heap \`npm start\` runs with). Load average when it finished: ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min): other work shared the 2 cores, so times are wall-clock and noisy.

A *refresh* is what the service runs after a write or on start (\`refreshCapability\`): read the watermark, load every
current score (250 models per statement), fit each lane (PROVISIONAL, then VERIFIED), store each lane's fit in one
transaction. *Cold*: no stored fit (θ = 0 start); *warm*: forced refit started from the stored fit (what a write
triggers); *nothing new*: the watermark matches, so no lane is loaded or fitted. Seconds; per lane the fit and the
store.

| database | models × benchmarks, current scores | cold refresh s | warm refresh s | nothing new s | fitted |
| --- | --- | --- | --- | --- | --- |
${refreshRows.join('\n')}

Reads through \`yoga.fetch\` (no HTTP, response cache off), PROVISIONAL lane, median of 20 after one warm-up:

| database | read | SQL statements | fits run | median ms |
| --- | --- | --- | --- | --- |
${readRows.join('\n')}
`,
);
