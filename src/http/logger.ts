import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { YogaLogger } from 'graphql-yoga';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

export type { Logger } from 'pino';

/** What the service knows about the request it is handling, for logs and metrics. */
export interface RequestState {
  id: string;
  method: string;
  path: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  operationName?: string;
  operationType?: string;
  /** SQL statements run on behalf of this request. */
  statements: number;
}

/** The request being handled, across every await of its handling (resolvers, loaders, SQL). */
export const currentRequest = new AsyncLocalStorage<RequestState>();

/** JSON lines on stdout (or `destination`), ISO timestamps, at the configured level. */
export function createLogger(level: Config['LOG_LEVEL'], destination?: DestinationStream): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime, base: { service: 'llm-compare' } };
  return destination ? pino(options, destination) : pino(options);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token (it ends up in logs), else a fresh UUID. */
export function requestIdFrom(header: string | null): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Fields that tie a log line to the request being handled. */
export function requestFields(): Record<string, unknown> {
  const state = currentRequest.getStore();
  return state ? { requestId: state.id, operationName: state.operationName } : {};
}

/**
 * Yoga's logger on top of pino. Yoga calls `error` with every error it masks, so this is where
 * unexpected errors (SQL failures, bugs) are logged in full, with the request id; clients only
 * ever see "Unexpected error.".
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const log = logger.child({ component: 'yoga' });
  return {
    debug: (...args: unknown[]) => log.debug(requestFields(), args.map(String).join(' ')),
    info: (...args: unknown[]) => log.info(requestFields(), args.map(String).join(' ')),
    warn: (...args: unknown[]) => log.warn(requestFields(), args.map(String).join(' ')),
    error: (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        const original = (first as Error & { originalError?: unknown }).originalError;
        const path = (first as Error & { path?: unknown }).path;
        log.error({ ...requestFields(), err: original instanceof Error ? original : first, path }, 'unexpected error (masked for the client)');
      } else {
        log.error(requestFields(), [first, ...rest].map(String).join(' '));
      }
    },
  };
}
