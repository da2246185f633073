import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { MIGRATIONS_DIR } from '../paths.js';
import type { DbHandle } from './client.js';

/** Applies the committed drizzle-kit migrations that the database has not seen yet. */
export async function migrate(handle: DbHandle): Promise<void> {
  // Both migrators take the same config; the cast picks the one matching the driver.
  const run = handle.kind === 'pglite' ? migratePglite : migratePostgres;
  const result = await run(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
  if (result && typeof result === 'object' && 'exitCode' in result) {
    throw new Error(`Migration failed: ${JSON.stringify(result)}`);
  }
}
