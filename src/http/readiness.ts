import { sql } from 'drizzle-orm';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import type { Logger } from './logger.js';
import type { RequestStates } from './request-state.js';

/** What readiness needs. */
export interface ReadinessDeps {
  db: Database;
  logger: Logger;
  states: RequestStates;
  /** True once the server is shutting down: /ready then answers 503 so traffic drains away. */
  isDraining?: () => boolean;
}

/** How long /ready waits for `select 1` before calling the database unreachable. */
const READY_TIMEOUT_MS = 2000;

const SHUTTING_DOWN = 'shutting down';

/**
 * `/ready` on Yoga's readiness plugin: 200 `{ status: 'ready' }` when `select 1` answers within
 * 2 s, else 503 with a reason that names no host or driver (the details go to the log). Liveness
 * is Yoga's own /health, which touches no database.
 */
export function readiness(deps: ReadinessDeps): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    async check({ request, fetchAPI }) {
      const problem = deps.isDraining?.() ? SHUTTING_DOWN : await databaseProblem(deps.db);
      if (problem) deps.logger.warn({ requestId: deps.states.of(request)?.id, problem }, 'not ready');
      const body = problem
        ? { status: 'unavailable', reason: problem === SHUTTING_DOWN ? problem : 'database unreachable' }
        : { status: 'ready' };
      return new fetchAPI.Response(JSON.stringify(body), {
        status: problem ? 503 : 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  });
}

/** Why the database cannot serve (logged, never sent), or undefined when `select 1` answers in time. */
async function databaseProblem(db: Database): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer to select 1 within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([db.execute(sql`select 1`), timeout]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
