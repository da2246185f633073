import { createApp } from './app.js';
import { databaseTarget, loadConfig } from './config.js';
import { createDb } from './db/client.js';
import { seedBundledIfEmpty } from './modules/ingestion/service.js';
import { migrate } from './db/migrate.js';
import { createCapabilityRefresher } from './modules/capability/service.js';
import { ensureProfiles } from './modules/leaderboard/service.js';
import { createLogger } from './http/logger.js';
import { listen, shutdownGracefully } from './http/serve.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const handle = await createDb(databaseTarget(config));
await migrate(handle);
if (config.SEED_ON_START) {
  const summary = await seedBundledIfEmpty(handle.db);
  if (summary) logger.info('Loaded the bundled dataset into the empty database.');
}
if (await ensureProfiles(handle.db)) logger.info('Computed the stored model profiles.');

// Refits the capability index in the background after every write (and below, once listening, if stale).
const capability = createCapabilityRefresher({ db: handle.db, logger });
// Aborted on SIGTERM: subscription streams never end by themselves, so they are ended before draining.
const shuttingDown = new AbortController();
const yoga = createApp({
  db: handle.db,
  config,
  logger,
  countedDb: handle.counted,
  // Only called by requests, which arrive once `service` listens.
  isDraining: () => service.isDraining(),
  stopping: shuttingDown.signal,
  capability,
});
const service = await listen(yoga, config);
// A missing or stale fit (new data, new methodology version) is refitted after listening: until it is
// stored, capability fields read null (or the older fit, with its fittedAt), never wait for it.
capability.schedule();
logger.info(
  { port: service.port, database: handle.kind },
  `GraphQL API on http://localhost:${service.port}${yoga.graphqlEndpoint}`,
);

// SIGTERM: stop accepting, let in-flight requests finish (bounded), close the pool, exit 0.
let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  shuttingDown.abort();
  // After draining: dispose the app (closes its Redis connections), then the pool.
  const close = async () => {
    await yoga.dispose();
    await handle.close();
  };
  void shutdownGracefully({ service, signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, closeDb: close, logger }).then(
    (code) => process.exit(code),
  );
}
// A promise some library let go of (e.g. one of several entity loads when another fails) must not
// take every in-flight request down with the process: log it loudly and keep serving.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
