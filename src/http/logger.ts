import type { YogaLogger } from 'graphql-yoga';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

/** The app's logger: pino, so every module logs JSON lines the same way. */
export type { Logger } from 'pino';

/** JSON lines on stdout (or `destination`), ISO timestamps, at the configured level. */
export function createLogger(level: Config['LOG_LEVEL'], destination?: DestinationStream): Logger {
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime, base: { service: 'llm-compare' } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Yoga's logger on top of pino. Yoga calls `error` with every error it masks; those the app's
 * `maskError` saw (`withRequestId`) are skipped here, because masked-errors.ts logs them with the
 * request id once the response is processed. Clients only ever see "Unexpected error.".
 */
export function yogaLogger(logger: Logger, withRequestId: WeakSet<object>): YogaLogger {
  const log = logger.child({ component: 'yoga' });
  return {
    debug: (...args: unknown[]) => log.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => log.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => log.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        if (!withRequestId.has(first)) logUnexpected(log, first, {});
      } else {
        log.error([first, ...rest].map(String).join(' '));
      }
    },
  };
}

/** One unexpected (masked) error, in full, with the fields that tie it to its request. */
export function logUnexpected(log: Logger, error: Error, fields: Record<string, unknown>): void {
  const original = (error as Error & { originalError?: unknown }).originalError;
  const path = (error as Error & { path?: unknown }).path;
  log.error(
    { ...fields, err: original instanceof Error ? original : error, path },
    'unexpected error (masked for the client)',
  );
}
