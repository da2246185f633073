import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { databaseTarget, loadConfig } from '../../src/config.js';
import { createDb, type DbHandle } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

/** A migrated, empty database of its own: in-memory PGlite, or a fresh PostgreSQL database when DATABASE_URL names a server. */
export async function createTestDb(): Promise<DbHandle> {
  const config = loadConfig();
  const target = databaseTarget(config);
  if (target.kind === 'pglite') {
    const handle = await createDb({ kind: 'pglite', dataDir: undefined });
    await migrate(handle);
    return handle;
  }
  const name = `llmc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(target.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  const handle = await createDb({ kind: 'postgres', url: url.toString(), poolMax: 4 });
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Whether this run targets a real PostgreSQL server. */
export const onPostgres = databaseTarget(loadConfig()).kind === 'postgres';
