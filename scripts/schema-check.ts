/**
 * Fails on a breaking change to schema.graphql since a base revision, unless a commit since then
 * carries the [breaking-schema] marker. Usage: npm run schema:check [-- --base <rev>]
 *
 * Base, unless given: where HEAD left origin/main when HEAD is ahead of it (a branch or unpushed
 * work), otherwise HEAD~1 (CI runs on main's tip, so that is main's previous commit). No base
 * (a single-commit or shallow clone) or no schema.graphql there: nothing to compare, exit 0.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BREAKING_MARKER, breakingAllowed, breakingChanges, dangerousChanges } from './schema-breaking.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA = 'schema.graphql';

/** Runs git in the project; undefined when git fails (unknown revision, not a repository). */
function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function commit(rev: string): string | undefined {
  return git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
}

function defaultBase(): string | undefined {
  const head = commit('HEAD');
  const main = commit('origin/main');
  if (head && main) {
    const forkPoint = git('merge-base', main, head);
    if (forkPoint && forkPoint !== head) return forkPoint;
  }
  return commit('HEAD~1');
}

const { values } = parseArgs({ options: { base: { type: 'string' } } });
const base = values.base ? commit(values.base) : defaultBase();
if (values.base && !base) {
  console.error(`schema:check: unknown revision ${values.base}`);
  process.exit(2);
}
if (!base) {
  console.log('schema:check: SKIPPED, no base revision to compare with (single commit or shallow clone).');
  process.exit(0);
}
const label = `${base.slice(0, 12)} (${git('log', '-1', '--format=%s', base)})`;
const before = git('show', `${base}:${SCHEMA}`);
if (before === undefined) {
  console.log(`schema:check: SKIPPED, ${SCHEMA} does not exist at ${label}.`);
  process.exit(0);
}
const after = readFileSync(`${root}${SCHEMA}`, 'utf8');

const breaking = breakingChanges(before, after);
const dangerous = dangerousChanges(before, after);
console.log(`schema:check: ${SCHEMA} in the working tree against ${label}`);
for (const change of dangerous) console.log(`  dangerous  ${change.type}: ${change.description}`);
for (const change of breaking) console.log(`  BREAKING   ${change.type}: ${change.description}`);
if (breaking.length === 0) {
  console.log(`schema:check: no breaking change (${dangerous.length} dangerous).`);
  process.exit(0);
}

const messages = (git('log', '--format=%B%x00', `${base}..HEAD`) ?? '').split('\0');
if (breakingAllowed(messages)) {
  console.log(
    `schema:check: ${breaking.length} breaking change(s), declared intended by ${BREAKING_MARKER} in a commit message.`,
  );
  process.exit(0);
}
console.error(
  `schema:check: ${breaking.length} breaking change(s). Existing clients' operations would fail. ` +
    `Make the change additive (add, deprecate, remove later), or put ${BREAKING_MARKER} in the commit message if it is intended.`,
);
process.exit(1);
