import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { admission, bypassesQueue } from './admission.js';
import type { Logger } from './logger.js';

type ServeConfig = Pick<
  Config,
  'PORT' | 'HOST' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'
> &
  Partial<Pick<Config, 'MAX_CONCURRENT_REQUESTS'>>;

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

/** What `listen` tracks to drain. */
interface Traffic {
  draining: boolean;
  /** Responses not closed yet. */
  inFlight: Set<ServerResponse>;
  /**
   * Handlers still running; one whose client went away keeps running (and using the database)
   * after its socket closed, so draining waits for these too, not just for the sockets.
   */
  running: number;
  /** Called when `running` drops to 0; set by `drain`. */
  idle?: () => void;
}

/** Listens with the configured timeouts; `handler` is usually the Yoga app. */
export async function listen(handler: Handler, config: ServeConfig): Promise<HttpService> {
  const traffic: Traffic = { draining: false, inFlight: new Set(), running: 0 };
  const turns = admission(config.MAX_CONCURRENT_REQUESTS ?? Number.POSITIVE_INFINITY);
  const server = createServer((req, res) => {
    watchResponse(server, traffic, res);
    const { handle, finished } = trackHandler(traffic, () => handler(req, res));
    if (bypassesQueue(req)) void handle();
    else turns.run(handle, () => res.destroyed || res.writableEnded, finished);
  });
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
    isDraining: () => traffic.draining,
    drain: (timeoutMs) => drain(server, traffic, timeoutMs),
  };
}

/** Keeps `res` in flight until it closes, and makes sure its handler and connection can end then. */
function watchResponse(server: Server, traffic: Traffic, res: ServerResponse): void {
  traffic.inFlight.add(res);
  res.on('close', () => {
    traffic.inFlight.delete(res);
    // Yoga's HTTP adapter (@whatwg-node/server) awaits 'drain' after a write that filled the
    // socket's buffer; a socket destroyed meanwhile never emits it, and the handler would never
    // return, keeping its admission turn for good (ten such clients wedge the server). Wake it.
    if (!res.writableFinished) res.emit('drain');
    // The connection is idle now; while draining it must not wait for another request.
    if (traffic.draining) setImmediate(() => server.closeIdleConnections());
  });
  if (traffic.draining) res.setHeader('connection', 'close');
}

/** Counts a handler as running from now on: `handle` runs it, `finished` ends a turn skipped instead. */
function trackHandler(traffic: Traffic, run: () => unknown) {
  traffic.running += 1;
  const finished = () => {
    traffic.running -= 1;
    if (traffic.running === 0) traffic.idle?.();
  };
  const handle = () => {
    try {
      return Promise.resolve(run()).then(finished, finished);
    } catch {
      finished();
      return Promise.resolve();
    }
  };
  return { handle, finished };
}

/** HttpService.drain: resolves true once every connection and handler is done, false when cut at the timeout. */
function drain(server: Server, traffic: Traffic, timeoutMs: number): Promise<boolean> {
  traffic.draining = true;
  // Responses still to be written tell the client the connection ends with them.
  for (const res of traffic.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
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
      if (traffic.running === 0) done();
      else traffic.idle = done;
    });
    server.closeIdleConnections();
  });
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
