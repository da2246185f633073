import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import { durationSeconds, type RequestState, type RequestStates } from './request-state.js';

/** Distinct operation names tracked before the rest are counted as "other" (client-chosen labels). */
const MAX_OPERATION_LABELS = 100;

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One app's Prometheus metrics, on a registry of its own (several apps can live in one process). */
export interface AppMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  operations: Counter<'operation' | 'type' | 'outcome'>;
  operationDuration: Histogram<'operation' | 'type'>;
  operationErrors: Counter<'operation' | 'code'>;
  sqlStatements: Counter;
  operationStatements: Histogram<'operation'>;
  /** A bounded label for a client-supplied operation name. */
  operationLabel(name: string | undefined): string;
}

/** Creates the metrics on a fresh registry, with Node's process metrics. */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const seen = new Set<string>();
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to response headers, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: SECONDS,
      registers,
    }),
    operations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name, type and outcome (ok, error: the response has errors).',
      labelNames: ['operation', 'type', 'outcome'],
      registers,
    }),
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL request duration by operation name and type.',
      labelNames: ['operation', 'type'],
      buckets: SECONDS,
      registers,
    }),
    operationErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses by operation name and extensions.code.',
      labelNames: ['operation', 'code'],
      registers,
    }),
    sqlStatements: new Counter({
      name: 'db_statements_total',
      help: 'SQL statements sent to the database.',
      registers,
    }),
    operationStatements: new Histogram({
      name: 'graphql_operation_sql_statements',
      help: 'SQL statements one GraphQL request ran, by operation name.',
      labelNames: ['operation'],
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
      registers,
    }),
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_LABELS) return 'other';
      seen.add(name);
      return name;
    },
  };
}

/** What the metrics plugin and the statement counter need. */
export interface MetricsDeps {
  metrics: AppMetrics;
  states: RequestStates;
}

/** Answers `GET /metrics` (Prometheus text) and records every response and GraphQL operation in the metrics. */
export function metricsPlugin({ metrics, states }: MetricsDeps): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics' || request.method !== 'GET') return;
      return metrics.registry.metrics().then((text) => {
        endResponse(new fetchAPI.Response(text, { headers: { 'content-type': metrics.registry.contentType } }));
      });
    },
    onExecutionResult({ result, request }) {
      const state = states.of(request);
      if (!state || !result || Symbol.asyncIterator in result) return;
      const operation = metrics.operationLabel(state.operationName);
      for (const error of result.errors ?? []) {
        const code = error.extensions?.code;
        metrics.operationErrors.inc({ operation, code: typeof code === 'string' ? code : 'UNKNOWN' });
      }
    },
    onResponse({ request, response }) {
      const state = states.of(request);
      if (state) recordResponse(metrics, state, response.status);
    },
  };
}

/** The HTTP metrics of every response, and the operation metrics of a GraphQL one. */
function recordResponse(metrics: AppMetrics, state: RequestState, status: number): void {
  const seconds = durationSeconds(state);
  const labels = { method: state.method, route: state.route, status: String(status) };
  metrics.httpRequests.inc(labels);
  metrics.httpDuration.observe(labels, seconds);
  if (state.route !== 'graphql') return;
  const operation = metrics.operationLabel(state.operationName);
  const type = state.operationType ?? 'unknown';
  metrics.operations.inc({ operation, type, outcome: state.errors > 0 || status >= 400 ? 'error' : 'ok' });
  metrics.operationDuration.observe({ operation, type }, seconds);
  metrics.operationStatements.observe({ operation }, state.statements);
}

/**
 * The database a request's context uses. With `countedDb` (DbHandle.counted) each statement
 * counts in `db_statements_total` and in the request's state, for its log line and histogram;
 * a handle per request, as concurrent requests share one pool.
 */
export function countedDatabase(
  deps: MetricsDeps & { db: Database; countedDb?: (onStatement: () => void) => Database },
): (request: Request) => Database {
  const { countedDb, metrics, states } = deps;
  if (!countedDb) return () => deps.db;
  return (request) => {
    const state = states.of(request);
    return countedDb(() => {
      metrics.sqlStatements.inc();
      if (state) state.statements += 1;
    });
  };
}
