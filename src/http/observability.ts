import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import type { Database, StatementCounter } from '../db/client.js';
import { findOperation } from './cost.js';
import { currentRequest, requestIdFrom, type Logger, type RequestState } from './logger.js';
import type { AppMetrics } from './metrics.js';

/** What the observability plugin reads and writes. */
export interface ObservabilityDeps {
  db: Database;
  logger: Logger;
  metrics: AppMetrics;
  graphqlEndpoint: string;
  /** Operations slower than this are logged at warn; 0 turns that off. */
  slowOperationMs: number;
  /** The database's statement counter, to count SQL per request and in total. */
  statements?: StatementCounter;
  /** True once the server is shutting down: /ready then answers 503 so traffic drains away. */
  isDraining?: () => boolean;
}

/** How long /ready waits for `select 1` before calling the database unreachable. */
const READY_TIMEOUT_MS = 2000;

const json = (body: unknown) => JSON.stringify(body);

/**
 * Request ids, structured request logs, Prometheus metrics (/metrics) and readiness (/ready).
 * Liveness is Yoga's own /health: 200 without touching the database.
 */
export function observability(deps: ObservabilityDeps): Plugin {
  const { logger, metrics } = deps;
  // Several apps may share one database handle (tests do): each counts its own requests' SQL.
  const mine = new WeakSet<RequestState>();
  const unsubscribe = deps.statements?.onStatement(() => {
    const state = currentRequest.getStore();
    if (state && !mine.has(state)) return;
    metrics.sqlStatements.inc();
    if (state) state.statements += 1;
  });
  const errorCounts = new WeakMap<RequestState, number>();

  const routeOf = (path: string): string =>
    path === deps.graphqlEndpoint ? 'graphql' : ['/health', '/ready', '/metrics'].includes(path) ? path.slice(1) : 'other';

  return {
    instrumentation: {
      // Everything below, down to each SQL statement, runs inside this request's state.
      request({ request }, wrapped) {
        const url = new URL(request.url, 'http://localhost');
        const state: RequestState = {
          id: requestIdFrom(request.headers.get('x-request-id')),
          method: request.method,
          path: url.pathname,
          startedAt: performance.now(),
          statements: 0,
        };
        mine.add(state);
        return process.env.NOALS ? wrapped() : currentRequest.run(state, wrapped);
      },
    },

    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname === '/metrics' && request.method === 'GET') {
        endResponse(new fetchAPI.Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } }));
      } else if (url.pathname === '/ready' && request.method === 'GET') {
        const problem = deps.isDraining?.() ? 'shutting down' : await databaseProblem(deps.db);
        if (problem) logger.warn({ requestId: currentRequest.getStore()?.id, problem }, 'not ready');
        endResponse(
          new fetchAPI.Response(json(problem ? { status: 'unavailable', reason: problem === 'shutting down' ? problem : 'database unreachable' } : { status: 'ready' }), {
            status: problem ? 503 : 200,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      }
    },

    onParams({ params }) {
      const state = currentRequest.getStore();
      if (state && typeof params.operationName === 'string') state.operationName = params.operationName;
    },

    onValidate({ params, context }) {
      const state = currentRequest.getStore();
      const requested = (context as { params?: { operationName?: unknown } }).params?.operationName;
      const operation = findOperation(params.documentAST, typeof requested === 'string' ? requested : undefined);
      if (state && operation) {
        state.operationName = operation.name?.value;
        state.operationType = operation.operation;
      }
    },

    onExecutionResult({ result }) {
      const state = currentRequest.getStore();
      if (!state || !result || Symbol.asyncIterator in result) return;
      const errors = result.errors ?? [];
      errorCounts.set(state, (errorCounts.get(state) ?? 0) + errors.length);
      const operation = metrics.operationLabel(state.operationName);
      for (const error of errors) {
        const code = error.extensions?.code;
        metrics.operationErrors.inc({ operation, code: typeof code === 'string' ? code : 'UNKNOWN' });
      }
    },

    onResponse({ response }) {
      const state = currentRequest.getStore();
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
      const details = { ...line, operationName: state.operationName ?? null, operationType: state.operationType ?? null, statements: state.statements, errors };
      if (deps.slowOperationMs > 0 && seconds * 1000 > deps.slowOperationMs) {
        logger.warn({ ...details, thresholdMs: deps.slowOperationMs }, 'slow operation');
      } else {
        logger.info(details, 'graphql request');
      }
    },

    onDispose() {
      unsubscribe?.();
    },
  };
}

/** Why the database cannot serve (logged, never sent), or undefined when `select 1` answers in time. */
async function databaseProblem(db: Database): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to select 1 within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      }),
    ]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
