import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { TRUSTED_DOCUMENTS_MANIFEST } from '../paths.js';
import { requestBodyLimit } from './body-limit.js';
import { csrfPrevention } from './csrf.js';
import { operationLimits } from './limits.js';
import { createLogger, yogaLogger, type Logger } from './logger.js';
import { maskedErrors, type MaskedErrors } from './masked-errors.js';
import { countedDatabase, createMetrics, metricsPlugin, type AppMetrics } from './metrics.js';
import { readiness } from './readiness.js';
import { requestIdHeader } from './request-id.js';
import { requestLog } from './request-log.js';
import { requestStates, type RequestStates } from './request-state.js';
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
    maskedErrors: { isDev: false; maskError: MaskedErrors['maskError'] };
    batching: false;
    multipart: false;
    maxRequestBodySize: false;
  };
}

/**
 * Request ids, logs, metrics, readiness, CSRF prevention, the body limit, trusted documents (when
 * configured) and operation limits, in the order below; src/app.ts puts the response cache after
 * them, so that it only stores and serves what got through them. Unexpected errors are masked
 * whatever NODE_ENV says (`isDev: false`); batched requests are refused (400 "Batching is not
 * supported."); multipart (uploads) is off.
 */
export function hardening(deps: HardeningDeps): Hardening {
  const { config } = deps;
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const states = requestStates(deps.graphqlEndpoint);
  const masking = maskedErrors(logger, states);
  // Watching first: a guard that answers early skips the hooks after it at that stage, so the
  // request's state must be open before any guard can refuse; a refusal is then logged and
  // counted, with its id, like any other answer.
  const plugins = [...watching({ states, logger, metrics, masking }, deps), ...guarding(config)];
  return {
    logger,
    metrics,
    databaseFor: countedDatabase({ metrics, states, db: deps.db, countedDb: deps.countedDb }),
    options: {
      plugins,
      logging: yogaLogger(logger, masking.masked),
      maskedErrors: { isDev: false, maskError: masking.maskError },
      batching: false,
      multipart: false,
      // Enforced by requestBodyLimit, without a counting stream when Content-Length is given.
      maxRequestBodySize: false,
    },
  };
}

/** What the watching plugins share. */
interface Watch {
  states: RequestStates;
  logger: Logger;
  metrics: AppMetrics;
  masking: MaskedErrors;
}

/**
 * The plugins that watch, in this order. A plugin that answers in `onRequest` (/metrics, /ready)
 * skips the `onRequest` of those after it, though every `onResponse` still runs. Yoga's own
 * /health (and the GraphiQL page) answer before all of them, so a liveness probe costs nothing:
 * no id, log line or metric.
 */
function watching({ states, logger, metrics, masking }: Watch, deps: HardeningDeps): Plugin[] {
  return [
    // First: every plugin after it reads the state it opens on arrival.
    states.plugin,
    // Only `onResponse`: anywhere after the state would do.
    requestIdHeader(states),
    // Before the plugins that answer on arrival, so that every request gets its "request received".
    requestLog({ logger, states, slowOperationMs: deps.config.SLOW_OPERATION_MS }),
    metricsPlugin({ metrics, states }),
    readiness({ db: deps.db, logger, states, isDraining: deps.isDraining }),
    // Only `onResultProcess`, which every response passes whichever stage failed: its place is free.
    masking.plugin,
  ];
}

/**
 * The plugins that refuse, cheapest first, so a refused request costs as little as possible:
 * CSRF and the body limit before the body is read; trusted documents before anything is parsed
 * (a hash-only request gets its document there); the operation limits last, as they need the
 * parsed document and then the variables.
 */
function guarding(config: Config): Plugin[] {
  const plugins: Plugin[] = [csrfPrevention(), requestBodyLimit(config.MAX_REQUEST_BODY_BYTES)];
  if (config.TRUSTED_DOCUMENTS) {
    plugins.push(trustedDocuments(loadManifest(config.TRUSTED_DOCUMENTS_MANIFEST ?? TRUSTED_DOCUMENTS_MANIFEST)));
  }
  return [...plugins, ...operationLimits(config)];
}
