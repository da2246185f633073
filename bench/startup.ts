/**
 * Time from `npm start` (its prestart build, then node dist/server.js) to GraphiQL answering, on
 * the embedded default with a bare data directory (migrate + load the bundled dataset + compute
 * profiles), and again on the same directory (migrations already applied, data present).
 *
 *   npm run bench:startup
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndStartArgs, machine, percentile, writeSection } from './results.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function timeToGraphiql(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, buildAndStartArgs(), {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
        if (r.ok && (await r.text()).includes('GraphiQL')) return performance.now() - started;
      } catch {
        // not yet listening
      }
      if (performance.now() - started > 120_000) throw new Error('no GraphiQL after 120 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < 3; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'llmc-startup-'));
  try {
    cold.push(await timeToGraphiql(join(dir, 'db')));
    warm.push(await timeToGraphiql(join(dir, 'db')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const s = (xs: number[]) =>
  `${(
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    ) / 1000
  ).toFixed(1)} s (runs: ${xs.map((x) => (x / 1000).toFixed(1)).join(', ')})`;
console.log(`cold ${s(cold)}; warm ${s(warm)}`);
writeSection(
  'Start-up on the embedded default (issue 2)',
  `Command: \`npm run bench:startup\`. Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}.
Time from running \`npm start\`'s commands (its build, then the server; no DATABASE_URL, a fresh DATA_DIR) until GET /graphql serves GraphiQL; median of 3.

| start | median time to GraphiQL |
| --- | --- |
| bare data directory (migrate, load the bundled dataset, compute profiles) | ${s(cold)} |
| same directory again (data present) | ${s(warm)} |

The acceptance bound is 20 s.`,
);
