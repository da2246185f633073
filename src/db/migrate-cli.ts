import { databaseTarget, loadConfig } from '../config.js';
import { createDb } from './client.js';
import { migrate } from './migrate.js';

const handle = await createDb(databaseTarget(loadConfig()));
try {
  await migrate(handle);
  console.log(`Migrated (${handle.kind}).`);
} finally {
  await handle.close();
}
