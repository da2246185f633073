/**
 * PostgreSQL's own time for the statements the service sends: runs each benchmarked operation
 * once through the app (in process), captures its SQL with parameters, then has PostgreSQL
 * EXPLAIN ANALYZE each statement (after 3 warm-up executions) and prints execution times.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/llmc_synth npm run bench:sql
 */
import postgres from 'postgres';
import { readFileSync } from 'node:fs';
import { createApp } from '../src/app.js';
import { databaseTarget, loadConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { ANALYST, MODEL_PAGE_NO_PROFILE } from './operations.js';

const config = loadConfig();
const target = databaseTarget(config);
if (target.kind !== 'postgres') throw new Error('bench:sql needs DATABASE_URL=postgres://… of a seeded database');
const handle = await createDb(target);
const captured: [string, unknown[]][] = [];
// Without countedDb, requests use handle.db, whose Drizzle logger is the counter below.
const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent', RESPONSE_CACHE_TTL_MS: 0 } });
// Every statement with its parameters, as Drizzle hands it to the driver.
const counting = handle.statements.logQuery.bind(handle.statements);
handle.statements.logQuery = (query: string, params?: unknown[]) => {
  captured.push([query, params ?? []]);
  counting(query);
};

const contract = (name: string) => readFileSync(new URL(`../contract/${name}.graphql`, import.meta.url), 'utf8');
const synthetic = target.url.includes('synth');
const slug = synthetic ? 'syn-model-04242' : 'gpt-4-1';
const operations: [string, string, Record<string, unknown>][] = [
  [
    'compare page',
    contract('compare-page'),
    { models: synthetic ? ['syn-model-00042', slug] : [slug, 'gpt-4-1-mini'] },
  ],
  ['leaderboard, first 50', contract('leaderboard'), { first: 50 }],
  ['model page', contract('model-page'), { slug }],
  ['model page without profile', MODEL_PAGE_NO_PROFILE, { slug }],
  ['analyst page', ANALYST, {}],
  ['category leaders', contract('category-leaders'), {}],
];
const sql = postgres(target.url, { max: 1, onnotice: () => {} });
console.log('| operation | statement | planning ms | execution ms |\n| --- | --- | --- | --- |');
for (const [name, query, variables] of operations) {
  captured.length = 0;
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 300)}`);
  for (const [statement, params] of [...captured]) {
    for (let i = 0; i < 3; i++) await sql.unsafe(statement, params as never[]);
    const plan = (await sql.unsafe(`explain (analyze) ${statement}`, params as never[])).map((r) =>
      String(r['QUERY PLAN']),
    );
    const time = (label: string) => plan.find((l) => l.startsWith(label))?.replace(/^[^:]*: ([\d.]+) ms$/, '$1') ?? '?';
    console.log(
      `| ${name} | \`${statement.replace(/\s+/g, ' ').trim().slice(0, 60)}…\` | ${time('Planning Time')} | ${time('Execution Time')} |`,
    );
  }
}
await sql.end();
await handle.close();
