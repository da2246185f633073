import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { RequestStates } from './request-state.js';

/** A plain token: it is copied into every log line of the request, so nothing that could forge one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token (it ends up in logs), else a fresh UUID. */
export function requestIdFrom(header: string | null): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Echoes the request's id in the `x-request-id` response header, so a caller can quote it to find the logs. */
export function requestIdHeader(states: RequestStates): Plugin {
  return {
    onResponse({ request, response }) {
      const state = states.of(request);
      if (state) response.headers.set('x-request-id', state.id);
    },
  };
}
