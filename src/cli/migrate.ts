import { databaseTarget, loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';

const handle = await createDb(databaseTarget(loadConfig()));
try {
  await migrate(handle);
  console.log(`Migrated (${handle.kind}).`);
} finally {
  await handle.close();
}
