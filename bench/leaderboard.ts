/**
 * Leaderboards at scale (issue 4): first pages of the overall, category and custom-weight
 * leaderboards, and the model page, on the synthetic 10,000 × 300 dataset in PostgreSQL.
 *
 *   createdb -h 127.0.0.1 -U postgres llmc_synth
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/llmc_synth npm run data:synthetic -- --models 10000 --benchmarks 300
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/llmc_synth npm run bench:leaderboard
 *
 * Requests go through yoga.fetch in this process (no HTTP), so the numbers are the service's own
 * time: GraphQL execution plus SQL. Each operation runs sequentially and then 10 at a time.
 */
import { readFileSync } from 'node:fs';
import { createApp } from '../src/app.js';
import { databaseTarget, loadConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { machine, percentile, writeSection } from './results.js';

const contract = (name: string) => readFileSync(new URL(`../contract/${name}.graphql`, import.meta.url), 'utf8');
const target = databaseTarget(loadConfig());
if (target.kind !== 'postgres')
  throw new Error('bench:leaderboard needs DATABASE_URL=postgres://… with the synthetic dataset');
const handle = await createDb({ ...target, poolMax: 12 });
const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent', RESPONSE_CACHE_TTL_MS: 0 } });

const operations: [string, string, Record<string, unknown>][] = [
  ['overall leaderboard, first 50', contract('leaderboard'), { first: 50 }],
  ['category leaderboard, first 50', contract('leaderboard'), { first: 50, category: 'syn-category-3' }],
  [
    'overall, caller weights, first 50',
    `query($w: [CategoryWeightInput!]) { leaderboard(first: 50, weights: $w) { totalCount edges { node { rank score model { slug } } } } }`,
    {
      w: [
        { category: 'syn-category-1', weight: 3 },
        { category: 'syn-category-2', weight: 1 },
      ],
    },
  ],
  [
    'filtered leaderboard (open weights, ≥128K)',
    contract('leaderboard'),
    { first: 50, filter: { openWeights: true, minContextWindow: 131072 } },
  ],
  ['category leaders', contract('category-leaders'), {}],
  ['model page', contract('model-page'), { slug: 'syn-model-04242' }],
  ['compare page, 2 models', contract('compare-page'), { models: ['syn-model-00042', 'syn-model-04242'] }],
];

async function run(query: string, variables: Record<string, unknown>): Promise<{ ms: number; statements: number }> {
  const before = handle.statements.count;
  const started = performance.now();
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(`errors: ${JSON.stringify(body.errors)}`);
  return { ms, statements: handle.statements.count - before };
}

const counts = await handle.db.execute(
  (await import('drizzle-orm'))
    .sql`select (select count(*) from models) as models, (select count(*) from scores) as scores, (select count(*) from benchmarks) as benchmarks`,
);
const sizes = (Array.isArray(counts) ? counts : (counts as { rows: unknown[] }).rows)[0] as Record<string, string>;
const lines: string[] = [];
for (const [name, query, variables] of operations) {
  for (let i = 0; i < 10; i++) await run(query, variables); // warm-up: plans, caches, JIT
  // And concurrently, so that opening the pool's other connections (and preparing statements on them) is not measured.
  for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: 10 }, () => run(query, variables)));
  const sequential: number[] = [];
  let statements = 0;
  for (let i = 0; i < 100; i++) {
    const r = await run(query, variables);
    sequential.push(r.ms);
    statements = r.statements;
  }
  const concurrent: number[] = [];
  for (let round = 0; round < 20; round++) {
    const results = await Promise.all(Array.from({ length: 10 }, () => run(query, variables)));
    concurrent.push(...results.map((r) => r.ms));
  }
  sequential.sort((a, b) => a - b);
  concurrent.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  lines.push(
    `| ${name} | ${statements} | ${f(percentile(sequential, 50))} | ${f(percentile(sequential, 99))} | ${f(percentile(concurrent, 50))} | ${f(percentile(concurrent, 99))} |`,
  );
  console.log(lines.at(-1));
}
await handle.close();

writeSection(
  'Leaderboards at scale (issue 4)',
  `Command: \`DATABASE_URL=postgres://…/llmc_synth npm run bench:leaderboard\` on the synthetic dataset
(\`npm run data:synthetic -- --models 10000 --benchmarks 300\`: ${sizes.models} models, ${sizes.benchmarks} benchmarks, ${sizes.scores} scores), PostgreSQL 15 on the same machine.
Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}.
In-process through \`yoga.fetch\` (GraphQL execution + SQL, no HTTP); 10 sequential and 2 rounds of 10 concurrent warm-up runs, then 100 sequential runs and 20 rounds of 10 concurrent runs per operation. Latencies in ms.

| operation | SQL statements | p50 sequential | p99 sequential | p50 at 10 concurrent | p99 at 10 concurrent |
| --- | --- | --- | --- | --- | --- |
${lines.join('\n')}
`,
);
