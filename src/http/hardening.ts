import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { requestBodyLimit } from './body-limit.js';
import { csrfPrevention } from './csrf.js';
import { operationLimits } from './limits.js';
import { createLogger, yogaLogger, type Logger } from './logger.js';
import { createMetrics, type AppMetrics } from './metrics.js';
import { observability, type Observability } from './observability.js';
import { TRUSTED_DOCUMENTS_MANIFEST } from '../paths.js';
import { loadManifest, trustedDocuments } from './trusted-documents.js';

/** What the production hardening needs from the app. */
export interface HardeningDeps {
  db: Database;
  config: Config;
  graphqlEndpoint: string;
  logger?: Logger;
  /** The database reporting each statement to a listener (DbHandle.counted): per-request SQL counts. */
  countedDb?: (onStatement: () => void) => Database;
  isDraining?: () => boolean;
}

/** The Yoga options that make the app production-safe, plus the logger and metrics they use. */
export interface Hardening {
  logger: Logger;
  metrics: AppMetrics;
  /** The database a request's context uses (its SQL counted for that request). */
  databaseFor(request: Request): Database;
  options: {
    plugins: Plugin[];
    logging: YogaLogger;
    maskedErrors: { isDev: false; maskError: Observability['maskError'] };
    batching: false;
    multipart: false;
    maxRequestBodySize: false;
  };
}

/**
 * Limits, CSRF prevention, trusted documents (when configured), request ids, logs, metrics and
 * readiness. Unexpected errors are masked whatever NODE_ENV says (`isDev: false`); batched
 * requests are refused (400 "Batching is not supported."); multipart (uploads) is off.
 */
export function hardening(deps: HardeningDeps): Hardening {
  const { config } = deps;
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const watch = observability({
    db: deps.db,
    logger,
    metrics,
    graphqlEndpoint: deps.graphqlEndpoint,
    slowOperationMs: config.SLOW_OPERATION_MS,
    countedDb: deps.countedDb,
    isDraining: deps.isDraining,
  });
  const plugins: Plugin[] = [watch.plugin, csrfPrevention(), requestBodyLimit(config.MAX_REQUEST_BODY_BYTES)];
  if (config.TRUSTED_DOCUMENTS)
    plugins.push(trustedDocuments(loadManifest(config.TRUSTED_DOCUMENTS_MANIFEST ?? TRUSTED_DOCUMENTS_MANIFEST)));
  plugins.push(...operationLimits(config));
  return {
    logger,
    metrics,
    databaseFor: watch.databaseFor,
    options: {
      plugins,
      logging: yogaLogger(logger, watch.masked),
      maskedErrors: { isDev: false, maskError: watch.maskError },
      batching: false,
      multipart: false,
      // Enforced by requestBodyLimit, without a counting stream when Content-Length is given.
      maxRequestBodySize: false,
    },
  };
}
