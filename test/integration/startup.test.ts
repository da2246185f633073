import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's promise, on the embedded default: `npm start` with no DATABASE_URL migrates a
 * fresh PGlite under DATA_DIR, loads the bundled dataset and serves GraphiQL and the API; a
 * database that already has models (an import) is served as it is. How fast is a benchmark's
 * question (`npm run bench:startup`), not this test's: it only bounds the wait.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'llmc-start-'));
const bundledModels = (JSON.parse(readFileSync(join(root, 'data/models.json'), 'utf8')) as unknown[]).length;
const children: ChildProcess[] = [];
/** `npm start`'s own command line (after its `prestart` build), node replaced by this very node. */
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const [program, ...startArgs] = scripts.start!.split(' ');

beforeAll(() => {
  expect(program).toBe('node');
  const built = spawnSync('npm', ['run', '-s', 'prestart'], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `npm start`'s command on DATA_DIR and waits until GraphiQL answers (bounded, so a hung start fails). */
async function start(dataDir: string): Promise<{ origin: string; child: ChildProcess; elapsedMs: number }> {
  const port = await freePort();
  const started = Date.now();
  const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, startArgs, { cwd: root, env, stdio: 'ignore' });
  children.push(child);
  const origin = `http://127.0.0.1:${port}`;
  while (Date.now() - started < 90_000) {
    try {
      const page = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
      if (page.ok && (await page.text()).includes('GraphiQL'))
        return { origin, child, elapsedMs: Date.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not serve GraphiQL within 90 s');
}

const totalCount = async (origin: string) => {
  const r = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ models(first: 5) { totalCount } }' }),
  });
  return ((await r.json()) as { data: { models: { totalCount: number } } }).data.models.totalCount;
};

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('npm start on the embedded default', () => {
  it('serves GraphiQL on a bare data directory, with the bundled dataset loaded', { timeout: 240_000 }, async () => {
    const { origin, child } = await start(join(dir, 'fresh'));
    expect(await totalCount(origin)).toBe(bundledModels);
    expect(await stop(child)).toBe(0);
    // Started again on the same files: nothing is loaded twice.
    const again = await start(join(dir, 'fresh'));
    expect(await totalCount(again.origin)).toBe(bundledModels);
    expect(await stop(again.child)).toBe(0);
  });

  it(
    'serves what `npm run import` put in the database, without adding the bundled data',
    { timeout: 240_000 },
    async () => {
      const folder = join(dir, 'small');
      cpSync(join(root, 'data'), folder, { recursive: true });
      const models = JSON.parse(readFileSync(join(folder, 'models.json'), 'utf8')) as { slug: string }[];
      const kept = models.slice(0, 3);
      writeFileSync(join(folder, 'models.json'), JSON.stringify(kept));
      const scores = JSON.parse(readFileSync(join(folder, 'scores.json'), 'utf8')) as { model: string }[];
      writeFileSync(
        join(folder, 'scores.json'),
        JSON.stringify(scores.filter((s) => kept.some((m) => m.slug === s.model))),
      );
      const dataDir = join(dir, 'imported');
      const imported = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', folder], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(imported.status, imported.stderr).toBe(0);
      const { origin, child } = await start(dataDir);
      expect(await totalCount(origin)).toBe(3);
      expect(await stop(child)).toBe(0);
    },
  );
});
