import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.js';
import type { DbHandle } from '../../src/db/client.js';
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
  close(): Promise<void>;
}

/** Starts a test app on a fresh database, with the bundled dataset when `seed` is set. */
export async function createTestApp(options: { seed?: boolean; now?: () => Date } = {}): Promise<TestApp> {
  const handle = await createTestDb();
  if (options.seed) await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
  const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent' }, now: options.now ?? (() => TODAY) });
  return {
    handle,
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
    close: () => handle.close(),
  };
}
