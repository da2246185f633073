import { createServer } from 'node:http';
import { createApp } from './app.js';
import { databaseTarget, loadConfig } from './config.js';
import { createDb } from './db/client.js';
import { seedBundledIfEmpty } from './db/import/write.js';
import { migrate } from './db/migrate.js';
import { ensureProfiles } from './db/profiles/refresh.js';

const config = loadConfig();
const handle = await createDb(databaseTarget(config));
await migrate(handle);
if (config.SEED_ON_START) {
  const summary = await seedBundledIfEmpty(handle.db);
  if (summary) console.log('Loaded the bundled dataset into the empty database.');
}
if (await ensureProfiles(handle.db)) console.log('Computed the stored model profiles.');

const yoga = createApp({ db: handle.db, config });
const server = createServer(yoga);
server.listen(config.PORT, config.HOST, () => {
  console.log(`GraphQL API on http://localhost:${config.PORT}${yoga.graphqlEndpoint} (${handle.kind})`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing (in-flight requests may finish for ${config.SHUTDOWN_TIMEOUT_MS} ms)`);
  const force = setTimeout(() => {
    console.error('Shutdown timed out; exiting.');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  force.unref();
  // Stop accepting, let in-flight requests finish, drop idle keep-alive sockets.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await handle.close();
  clearTimeout(force);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
