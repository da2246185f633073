import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { maskError as yogaMaskError, type Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { findOperation } from './cost.js';
import { logUnexpected, requestIdFrom, type Logger, type RequestState } from './logger.js';
import type { AppMetrics } from './metrics.js';

/** What the observability plugin reads and writes. */
export interface ObservabilityDeps {
  db: Database;
  logger: Logger;
  metrics: AppMetrics;
  graphqlEndpoint: string;
  /** Operations slower than this are logged at warn; 0 turns that off. */
  slowOperationMs: number;
  /** The database reporting each statement to a listener (DbHandle.counted), to count SQL per request and in total. */
  countedDb?: (onStatement: () => void) => Database;
  /** True once the server is shutting down: /ready then answers 503 so traffic drains away. */
  isDraining?: () => boolean;
}

/** How long /ready waits for `select 1` before calling the database unreachable. */
const READY_TIMEOUT_MS = 2000;

const json = (body: unknown) => JSON.stringify(body);

/** The observability plugin and what the rest of the app needs from it. */
export interface Observability {
  plugin: Plugin;
  /** The database a request's context uses: its statements are counted for that request. */
  databaseFor(request: Request): Database;
  /** Yoga's masking, remembering what it masked so the original is logged with the request id. */
  maskError: typeof yogaMaskError;
  /** Errors masked by `maskError`: observability logs them, so Yoga's logger skips them. */
  masked: WeakSet<object>;
}

/**
 * Request ids, structured request logs, Prometheus metrics (/metrics) and readiness (/ready).
 * Liveness is Yoga's own /health: 200 without touching the database.
 *
 * A request's state is found from its `Request` object in every hook (no AsyncLocalStorage: on
 * Node 20 it slows every promise of the process down), and SQL is counted per request by giving
 * each request's context its own counted database handle.
 */
export function observability(deps: ObservabilityDeps): Observability {
  const { logger, metrics } = deps;
  const states = new WeakMap<Request, RequestState>();
  const errorCounts = new WeakMap<RequestState, number>();
  /** Masked error (what the client sees) → the error it replaced. */
  const originals = new WeakMap<object, Error>();
  const masked = new WeakSet<object>();
  const log = logger.child({ component: 'yoga' });

  const routeOf = (path: string): string =>
    path === deps.graphqlEndpoint
      ? 'graphql'
      : ['/health', '/ready', '/metrics'].includes(path)
        ? path.slice(1)
        : 'other';

  const maskError: typeof yogaMaskError = (error, message, isDev) => {
    const result = yogaMaskError(error, message, isDev);
    if (result !== error && error instanceof Error && result && typeof result === 'object') {
      originals.set(result, error);
      masked.add(error);
    }
    return result;
  };

  const databaseFor = (request: Request): Database => {
    if (!deps.countedDb) return deps.db;
    const state = states.get(request);
    return deps.countedDb(() => {
      metrics.sqlStatements.inc();
      if (state) state.statements += 1;
    });
  };

  const plugin: Plugin = {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      const state: RequestState = {
        id: requestIdFrom(request.headers.get('x-request-id')),
        method: request.method,
        path: url.pathname,
        startedAt: performance.now(),
        statements: 0,
      };
      states.set(request, state);
      logger.debug({ requestId: state.id, method: state.method, path: state.path }, 'request received');
      if (url.pathname === '/metrics' && request.method === 'GET') {
        endResponse(
          new fetchAPI.Response(await metrics.registry.metrics(), {
            headers: { 'content-type': metrics.registry.contentType },
          }),
        );
      } else if (url.pathname === '/ready' && request.method === 'GET') {
        const problem = deps.isDraining?.() ? 'shutting down' : await databaseProblem(deps.db);
        if (problem) logger.warn({ requestId: states.get(request)?.id, problem }, 'not ready');
        endResponse(
          new fetchAPI.Response(
            json(
              problem
                ? { status: 'unavailable', reason: problem === 'shutting down' ? problem : 'database unreachable' }
                : { status: 'ready' },
            ),
            {
              status: problem ? 503 : 200,
              headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            },
          ),
        );
      }
    },

    onParams({ params, request }) {
      const state = states.get(request);
      if (state && typeof params.operationName === 'string') state.operationName = params.operationName;
    },

    onValidate({ params, context }) {
      const { request, params: requestParams } = context as { request?: Request; params?: { operationName?: unknown } };
      const state = request ? states.get(request) : undefined;
      const requested = requestParams?.operationName;
      const operation = findOperation(params.documentAST, typeof requested === 'string' ? requested : undefined);
      if (state && operation) {
        state.operationName = operation.name?.value;
        state.operationType = operation.operation;
      }
    },

    onExecutionResult({ result, request }) {
      const state = states.get(request);
      if (!state || !result || Symbol.asyncIterator in result) return;
      const errors = result.errors ?? [];
      errorCounts.set(state, (errorCounts.get(state) ?? 0) + errors.length);
      const operation = metrics.operationLabel(state.operationName);
      for (const error of errors) {
        const code = error.extensions?.code;
        metrics.operationErrors.inc({ operation, code: typeof code === 'string' ? code : 'UNKNOWN' });
      }
    },

    onResultProcess({ request, result }) {
      // Every response's errors pass here, whichever stage failed: log the unexpected ones in full.
      const results = Array.isArray(result) ? result : [result];
      for (const one of results) {
        if (!one || Symbol.asyncIterator in one) continue;
        for (const error of one.errors ?? []) {
          const original = originals.get(error);
          if (original) {
            const state = states.get(request);
            logUnexpected(log, original, { requestId: state?.id, operationName: state?.operationName });
          }
        }
      }
    },

    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      response.headers.set('x-request-id', state.id);
      const seconds = (performance.now() - state.startedAt) / 1000;
      const route = routeOf(state.path);
      const status = String(response.status);
      metrics.httpRequests.inc({ method: state.method, route, status });
      metrics.httpDuration.observe({ method: state.method, route, status }, seconds);
      const line = {
        requestId: state.id,
        method: state.method,
        path: state.path,
        status: response.status,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
      };
      if (route !== 'graphql') {
        logger.debug(line, 'request');
        return;
      }
      const errors = errorCounts.get(state) ?? 0;
      const operation = metrics.operationLabel(state.operationName);
      const type = state.operationType ?? 'unknown';
      metrics.operations.inc({ operation, type, outcome: errors > 0 || response.status >= 400 ? 'error' : 'ok' });
      metrics.operationDuration.observe({ operation, type }, seconds);
      metrics.operationStatements.observe({ operation }, state.statements);
      const details = {
        ...line,
        operationName: state.operationName ?? null,
        operationType: state.operationType ?? null,
        statements: state.statements,
        errors,
      };
      if (deps.slowOperationMs > 0 && seconds * 1000 > deps.slowOperationMs) {
        logger.warn({ ...details, thresholdMs: deps.slowOperationMs }, 'slow operation');
      } else {
        logger.info(details, 'graphql request');
      }
    },
  };
  return { plugin, databaseFor, maskError, masked };
}

/** Why the database cannot serve (logged, never sent), or undefined when `select 1` answers in time. */
async function databaseProblem(db: Database): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer to select 1 within ${READY_TIMEOUT_MS} ms`)),
          READY_TIMEOUT_MS,
        );
      }),
    ]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
