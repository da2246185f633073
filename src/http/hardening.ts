import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Database, StatementCounter } from '../db/client.js';
import { requestBodyLimit } from './body-limit.js';
import { csrfPrevention } from './csrf.js';
import { operationLimits } from './limits.js';
import { createLogger, yogaLogger, type Logger } from './logger.js';
import { createMetrics, type AppMetrics } from './metrics.js';
import { observability } from './observability.js';
import { DEFAULT_MANIFEST, loadManifest, trustedDocuments } from './trusted-documents.js';

/** What the production hardening needs from the app. */
export interface HardeningDeps {
  db: Database;
  config: Config;
  graphqlEndpoint: string;
  logger?: Logger;
  statements?: StatementCounter;
  isDraining?: () => boolean;
}

/** The Yoga options that make the app production-safe, plus the logger and metrics they use. */
export interface Hardening {
  logger: Logger;
  metrics: AppMetrics;
  options: {
    plugins: Plugin[];
    logging: YogaLogger;
    maskedErrors: { isDev: false };
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
  const plugins: Plugin[] = [
    observability({
      db: deps.db,
      logger,
      metrics,
      graphqlEndpoint: deps.graphqlEndpoint,
      slowOperationMs: config.SLOW_OPERATION_MS,
      statements: deps.statements,
      isDraining: deps.isDraining,
    }),
    csrfPrevention(),
    requestBodyLimit(config.MAX_REQUEST_BODY_BYTES),
  ];
  if (config.TRUSTED_DOCUMENTS) plugins.push(trustedDocuments(loadManifest(config.TRUSTED_DOCUMENTS_MANIFEST ?? DEFAULT_MANIFEST)));
  plugins.push(...operationLimits(config));
  return {
    logger,
    metrics,
    options: {
      plugins,
      logging: yogaLogger(logger),
      maskedErrors: { isDev: false },
      batching: false,
      multipart: false,
      // Enforced by requestBodyLimit, without a counting stream when Content-Length is given.
      maxRequestBodySize: false,
    },
  };
}
