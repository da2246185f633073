import { maskError as yogaMaskError, type Plugin } from 'graphql-yoga';
import { logUnexpected, type Logger } from './logger.js';
import type { RequestStates } from './request-state.js';

/** Yoga's error masking, and the plugin that logs what it masked with the request's id. */
export interface MaskedErrors {
  /** Yoga's masking, remembering what it masked so the original is logged with the request id. */
  maskError: typeof yogaMaskError;
  /** Errors masked by `maskError`: the plugin logs them, so Yoga's logger skips them. */
  masked: WeakSet<object>;
  /** Logs each masked error of a response in full, with its request id and operation name. */
  plugin: Plugin;
}

/**
 * Clients see "Unexpected error." only; the log gets the original. Yoga logs what it masks
 * without the request, so the original is remembered here and logged once the response is
 * processed, where the request (and so its id) is known.
 */
export function maskedErrors(logger: Logger, states: RequestStates): MaskedErrors {
  /** Masked error (what the client sees) → the error it replaced. */
  const originals = new WeakMap<object, Error>();
  const masked = new WeakSet<object>();
  const log = logger.child({ component: 'yoga' });
  const maskError: typeof yogaMaskError = (error, message, isDev) => {
    const result = yogaMaskError(error, message, isDev);
    if (result !== error && error instanceof Error && result && typeof result === 'object') {
      originals.set(result, error);
      masked.add(error);
    }
    return result;
  };
  const plugin: Plugin = {
    onResultProcess({ request, result }) {
      // Every response's errors pass here, whichever stage failed.
      for (const one of Array.isArray(result) ? result : [result]) {
        if (!one || Symbol.asyncIterator in one) continue;
        for (const error of one.errors ?? []) {
          const original = originals.get(error);
          if (!original) continue;
          const state = states.of(request);
          logUnexpected(log, original, { requestId: state?.id, operationName: state?.operationName });
        }
      }
    },
  };
  return { maskError, masked, plugin };
}
