import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { DbHandle } from '../../src/db/client.js';
import { createCapabilityRefresher, type CapabilityRefresher } from '../../src/modules/capability/service.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { createTestDb } from './db.js';

/** The bundled dataset folder. */
export const BUNDLED_DATA = fileURLToPath(new URL('../../data', import.meta.url));

/** A fixed clock so answers that depend on "today" are reproducible. */
export const TODAY = new Date('2026-11-25T12:00:00Z');

/** A GraphQL response as JSON. */
export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** A server on its own database, driven through `yoga.fetch` (no port). */
export interface TestApp {
  handle: DbHandle;
  /** Runs one operation; `statements` is the number of SQL statements it ran. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T> & { statements: number; status: number }>;
  /** The app's capability refresher, with `capability: true` (not started: call `schedule()`). */
  capability?: CapabilityRefresher;
  close(): Promise<void>;
}

/**
 * Starts a test app on a fresh database, with the bundled dataset when `seed` is set, with
 * `capability` a capability refresher that every write of the app schedules, and `config` over the defaults.
 */
export async function createTestApp(
  options: { seed?: boolean; now?: () => Date; capability?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const handle = await createTestDb();
  if (options.seed) await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
  const capability = options.capability ? createCapabilityRefresher({ db: handle.db }) : undefined;
  const yoga = createApp({
    db: handle.db,
    config: { LOG_LEVEL: 'silent', ...options.config },
    now: options.now ?? (() => TODAY),
    capability,
  });
  return {
    handle,
    capability,
    async gql(query, variables, headers = {}) {
      const before = handle.statements.count;
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GqlResult<any>;
      return { ...body, statements: handle.statements.count - before, status: response.status };
    },
    close: async () => {
      await capability?.stop();
      await handle.close();
    },
  };
}
