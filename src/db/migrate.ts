import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DbHandle } from './client.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies the committed drizzle-kit migrations that the database has not seen yet. */
export async function migrate(handle: DbHandle): Promise<void> {
  // Both migrators take the same config; the cast picks the one matching the driver.
  const run = handle.kind === 'pglite' ? migratePglite : migratePostgres;
  const result = await run(handle.db as never, { migrationsFolder });
  if (result && typeof result === 'object' && 'exitCode' in result) {
    throw new Error(`Migration failed: ${JSON.stringify(result)}`);
  }
}
