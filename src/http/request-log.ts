import type { Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';
import { durationSeconds, type RequestState, type RequestStates } from './request-state.js';

/** What the request log needs. */
export interface RequestLogDeps {
  logger: Logger;
  states: RequestStates;
  /** Operations slower than this are logged at warn; 0 turns that off. */
  slowOperationMs: number;
}

/**
 * One line per request: `info` for a GraphQL request (operation, status, duration, SQL
 * statements, errors), `warn` instead when it was slower than `slowOperationMs`, `debug` for
 * the rest (probes and scrapes would drown the GraphQL lines at `info`).
 */
export function requestLog(deps: RequestLogDeps): Plugin {
  const { logger, states } = deps;
  return {
    onRequest({ request }) {
      const state = states.of(request);
      if (state) logger.debug({ requestId: state.id, method: state.method, path: state.path }, 'request received');
    },
    onResponse({ request, response }) {
      const state = states.of(request);
      if (!state) return;
      const line = requestLine(state, response.status);
      if (state.route !== 'graphql') {
        logger.debug(line, 'request');
        return;
      }
      const details = {
        ...line,
        operationName: state.operationName ?? null,
        operationType: state.operationType ?? null,
        statements: state.statements,
        errors: state.errors,
      };
      if (deps.slowOperationMs > 0 && durationSeconds(state) * 1000 > deps.slowOperationMs) {
        logger.warn({ ...details, thresholdMs: deps.slowOperationMs }, 'slow operation');
      } else {
        logger.info(details, 'graphql request');
      }
    },
  };
}

/** The fields every request's line has. */
function requestLine(state: RequestState, status: number) {
  return {
    requestId: state.id,
    method: state.method,
    path: state.path,
    status,
    durationMs: Math.round(durationSeconds(state) * 1000 * 10) / 10,
  };
}
