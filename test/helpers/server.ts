import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { BUNDLED_DATA, TODAY } from './app.js';
import { createTestDb } from './db.js';

/** The app listening on a free loopback port, for clients that need a real socket (a browser). */
export interface ListeningApp {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Starts the real app over HTTP on its own database, with the bundled dataset when `seed` is set. */
export async function startListeningApp(options: { seed?: boolean } = {}): Promise<ListeningApp> {
  const handle = await createTestDb();
  if (options.seed) await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
  const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent' }, now: () => TODAY });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await handle.close();
    },
  };
}
