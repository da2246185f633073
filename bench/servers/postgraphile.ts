/**
 * Peer server for bench/run.ts: PostGraphile v5 (Amber preset, default inflection) on the same
 * database, in its own process. Counts the SQL statements the pg driver sends and answers
 * `{ type: 'stats' }` IPC messages with them and process.cpuUsage().
 */
import { createServer } from 'node:http';
import pg from 'pg';

// PostGraphile 5.1 declares Node >= 22: the one newer API it calls is Promise.withResolvers (Node 22).
// On this Node 20 the peer gets a spec-equivalent polyfill; nothing else differs.
const withResolvers = <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
(Promise as unknown as { withResolvers?: typeof withResolvers }).withResolvers ??= withResolvers;

let statements = 0;
// Grafast's pg adaptor sends every statement through Client#query; count before it loads.
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  // scores.model_id has only partial indexes; without this the Model → scores relation is hidden.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 5000;
serv.addTo(server);
await pgl.getSchema();
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ type: 'ready' }));

process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stats') process.send?.({ type: 'stats', statements, cpu: process.cpuUsage() });
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
