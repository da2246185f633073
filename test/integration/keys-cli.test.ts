import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'llmc-keys-'));
// An on-disk PGlite of its own, so the three commands see one database.
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: join(dir, 'db') };
const keys = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { cwd: root, env, encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run keys', () => {
  it('creates a key shown once, lists it without the secret, revokes it', { timeout: 180_000 }, () => {
    const created = keys('create', '--scope', 'write', '--name', 'curator');
    expect(created.status, created.stderr).toBe(0);
    const key = /llmc_[A-Za-z0-9_-]{32}/.exec(created.stdout)?.[0];
    expect(key).toBeDefined();
    const listed = keys('list');
    expect(listed.stdout).toContain('curator');
    expect(listed.stdout).toContain('write');
    expect(listed.stdout).not.toContain(key!);
    expect(keys('revoke', '1').stdout).toContain('Revoked key 1');
    expect(keys('list').stdout).toContain('revoked');
    expect(keys('revoke', '1').status).toBe(1);
  });

  it('refuses a bad command with the usage', { timeout: 60_000 }, () => {
    const r = keys('create', '--scope', 'root', '--name', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage');
  });
});
