/**
 * Transpiles the service's TypeScript to plain ES modules with esbuild (no type check: `npm run
 * typecheck` does that): src/ → dist/, which `npm start` runs. Running compiled JavaScript instead
 * of tsx's loader saves its worker thread (about 90 MB of RSS) and its start-up work.
 * dist/ mirrors src/ at the same depth, so paths built from import.meta.url resolve alike.
 *
 *   node scripts/build.mjs [--from src --to dist]
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const from = join(root, arg('from', 'src'));
const to = join(root, arg('to', 'dist'));
const entryPoints = readdirSync(from, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => join(from, file));

rmSync(to, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: to,
  outbase: from,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
