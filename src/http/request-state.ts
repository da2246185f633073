import { performance } from 'node:perf_hooks';
import type { Plugin } from 'graphql-yoga';
import { findOperation } from './document.js';
import { requestIdFrom } from './request-id.js';

/** What the service knows about one request: the request id, log, metrics, readiness and error plugins read it. */
export interface RequestState {
  id: string;
  method: string;
  path: string;
  /** `graphql`, `health`, `ready`, `metrics` or `other`: a bounded label, unlike the path. */
  route: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** performance.now() when its response was first measured (see `durationSeconds`). */
  endedAt?: number;
  operationName?: string;
  operationType?: string;
  /** SQL statements run on behalf of this request. */
  statements: number;
  /** Errors in its GraphQL results. */
  errors: number;
}

/** Every request's state, and the plugin that keeps it. */
export interface RequestStates {
  /** The state of a request; undefined for one answered before the plugin saw it (Yoga's /health). */
  of(request: Request): RequestState | undefined;
  /** Opens a request's state on arrival and records its operation and error count as they become known. */
  plugin: Plugin;
}

/** Paths with a route label of their own; the rest are `other`, so a scan of random URLs adds no series. */
const NAMED_ROUTES = new Set(['/health', '/ready', '/metrics']);

/**
 * Per-request state, found from the `Request` object in every hook. Not AsyncLocalStorage: on
 * Node 20 it slows every promise of the process down.
 */
export function requestStates(graphqlEndpoint: string): RequestStates {
  const states = new WeakMap<Request, RequestState>();
  const routeOf = (path: string) =>
    path === graphqlEndpoint ? 'graphql' : NAMED_ROUTES.has(path) ? path.slice(1) : 'other';
  const plugin: Plugin = {
    onRequest({ url, request }) {
      states.set(request, {
        id: requestIdFrom(request.headers.get('x-request-id')),
        method: request.method,
        path: url.pathname,
        route: routeOf(url.pathname),
        startedAt: performance.now(),
        statements: 0,
        errors: 0,
      });
    },
    onParams({ params, request }) {
      const state = states.get(request);
      if (state && typeof params.operationName === 'string') state.operationName = params.operationName;
    },
    onValidate({ params, context }) {
      // The operation actually run: the named one, or the only one when the client named none.
      const { request, params: sent } = context as { request?: Request; params?: { operationName?: unknown } };
      const state = request ? states.get(request) : undefined;
      const requested = typeof sent?.operationName === 'string' ? sent.operationName : undefined;
      const operation = findOperation(params.documentAST, requested);
      if (state && operation) {
        state.operationName = operation.name?.value;
        state.operationType = operation.operation;
      }
    },
    onExecutionResult({ result, request }) {
      const state = states.get(request);
      if (state && result && !(Symbol.asyncIterator in result)) state.errors += result.errors?.length ?? 0;
    },
  };
  return { of: (request) => states.get(request), plugin };
}

/** Seconds from arrival to response; fixed at the first call, so the log line and the metrics agree. */
export function durationSeconds(state: RequestState): number {
  state.endedAt ??= performance.now();
  return (state.endedAt - state.startedAt) / 1000;
}
