import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import type { Logger } from './logger.js';

type ServeConfig = Pick<
  Config,
  'PORT' | 'HOST' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'
> &
  Partial<Pick<Config, 'MAX_CONCURRENT_REQUESTS'>>;

/** Paths answered at once, whatever the load: orchestrators' probes and the metrics scrape. */
const NEVER_QUEUED = new Set(['/health', '/ready', '/metrics']);

/**
 * Runs at most `max` tasks at a time, the others in arrival order. A task whose client went away
 * while it waited is skipped.
 */
export function admission(max: number) {
  let active = 0;
  const waiting: { task: () => Promise<unknown>; gone: () => boolean; skip: () => void }[] = [];
  const next = () => {
    while (active < max && waiting.length > 0) {
      const { task, gone, skip } = waiting.shift()!;
      if (gone()) {
        skip();
        continue;
      }
      active += 1;
      const done = () => {
        active -= 1;
        next();
      };
      task().then(done, done);
    }
  };
  return {
    /** Requests running now, and waiting. */
    load: () => ({ active, waiting: waiting.length }),
    run(task: () => Promise<unknown>, gone: () => boolean, skip: () => void): void {
      waiting.push({ task, gone, skip });
      next();
    },
  };
}

/** Whether a request may bypass the queue: a probe, or a subscription stream (it would hold a turn for as long as it is open). */
function bypassesQueue(req: IncomingMessage): boolean {
  const path = (req.url ?? '/').split('?', 1)[0]!;
  return NEVER_QUEUED.has(path) || (req.headers.accept ?? '').includes('text/event-stream');
}

/** A listening HTTP server that can drain. */
export interface HttpService {
  server: Server;
  /** The bound port (useful with PORT=0). */
  port: number;
  /** True from the moment `drain` is called. */
  isDraining(): boolean;
  /**
   * Stops accepting connections, lets in-flight requests finish (their connections close after
   * the response), and resolves true once all connections are gone and every handler has
   * returned, or false after `timeoutMs`, when the stragglers are cut.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/** A Node request handler that may return a promise of its completion (Yoga's does). */
export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Listens with the configured timeouts; `handler` is usually the Yoga app. */
export async function listen(handler: Handler, config: ServeConfig): Promise<HttpService> {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  // Handlers still running; one whose client went away keeps running (and using the database)
  // after its socket closed, so draining waits for these too, not just for the sockets.
  let running = 0;
  let idle: (() => void) | undefined;
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => {
      inFlight.delete(res);
      // Yoga's HTTP adapter (@whatwg-node/server) awaits 'drain' after a write that filled the
      // socket's buffer; a socket destroyed meanwhile never emits it, and the handler would never
      // return, keeping its admission turn for good (ten such clients wedge the server). Wake it.
      if (!res.writableFinished) res.emit('drain');
      // The connection is idle now; while draining it must not wait for another request.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    if (draining) res.setHeader('connection', 'close');
    running += 1;
    const finished = () => {
      running -= 1;
      if (running === 0) idle?.();
    };
    const handle = () => {
      try {
        return Promise.resolve(handler(req, res)).then(finished, finished);
      } catch {
        finished();
        return Promise.resolve();
      }
    };
    if (bypassesQueue(req)) void handle();
    else turns.run(handle, () => res.destroyed || res.writableEnded, finished);
  });
  const turns = admission(config.MAX_CONCURRENT_REQUESTS ?? Number.POSITIVE_INFINITY);
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    isDraining: () => draining,
    drain(timeoutMs) {
      draining = true;
      // Responses still to be written tell the client the connection ends with them.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve(false);
        }, timeoutMs);
        timer.unref();
        server.close(() => {
          const done = () => {
            clearTimeout(timer);
            resolve(true);
          };
          if (running === 0) done();
          else idle = done;
        });
        server.closeIdleConnections();
      });
    },
  };
}

/**
 * The shutdown sequence: drain (stop accepting, finish in-flight requests within `timeoutMs`),
 * then close the database. Resolves the exit code: 0 when everything finished, 1 otherwise.
 */
export async function shutdownGracefully(options: {
  service: HttpService;
  signal: string;
  timeoutMs: number;
  closeDb: () => Promise<void>;
  logger: Pick<Logger, 'info' | 'error'>;
}): Promise<number> {
  const { service, logger } = options;
  logger.info(
    { signal: options.signal, timeoutMs: options.timeoutMs },
    'shutting down: not accepting connections, finishing in-flight requests',
  );
  const drained = await service.drain(options.timeoutMs);
  if (!drained)
    logger.error({ timeoutMs: options.timeoutMs }, 'in-flight requests did not finish in time; connections cut');
  try {
    await options.closeDb();
  } catch (error) {
    logger.error({ err: error }, 'closing the database failed');
    return 1;
  }
  logger.info('stopped');
  return drained ? 0 : 1;
}
