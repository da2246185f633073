import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** The two connections an app keeps to Redis: one for commands, one in subscriber mode. */
export interface RedisConnections {
  /** Cache reads and writes, the cache generation, and publishing changes. */
  commands: Redis;
  /** Receives published changes (a connection in subscriber mode can run nothing else). */
  subscriber: Redis;
  /** Whether `commands` can be used now, or is known to be down (then callers skip Redis at once). */
  usable(): boolean;
  /** Closes both: pending replies are awaited briefly, then the sockets are cut. */
  close(): Promise<void>;
}

/** How long a cache command may take before the request goes on without the cache. */
const COMMAND_TIMEOUT_MS = 1000;
/** How long closing waits for pending replies. */
const QUIT_TIMEOUT_MS = 1000;

/** Opens the connections to `url`; errors are logged once per outage, not once per reconnection attempt. */
export function connectRedis(url: string, logger: Logger): RedisConnections {
  // The cache must never make a request slow or fail: a command that cannot get an answer quickly
  // fails (the request then runs uncached), and nothing waits through a reconnection.
  const commands = new Redis(url, {
    connectionName: 'llmc-commands',
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
  });
  // A SUBSCRIBE waits as long as it takes: subscribers wait for readiness, and ioredis subscribes
  // the channel again after every reconnection.
  const subscriber = new Redis(url, { connectionName: 'llmc-subscriber', maxRetriesPerRequest: null });
  for (const [name, client] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    let down = false;
    client.on('error', (error: Error) => {
      if (!down) logger.warn({ err: error, connection: name }, 'redis: connection failed; retrying');
      down = true;
    });
    client.on('ready', () => {
      if (down) logger.info({ connection: name }, 'redis: connected again');
      down = false;
    });
  }
  return {
    commands,
    subscriber,
    // While reconnecting, a command would only wait for its timeout: the caller skips Redis instead.
    // Before the first connection ('wait', 'connecting', 'connect') commands queue for a moment.
    usable: () => !['reconnecting', 'close', 'end'].includes(commands.status),
    async close() {
      await Promise.all(
        [commands, subscriber].map(async (client) => {
          if (client.status === 'end') return;
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, QUIT_TIMEOUT_MS)));
          await Promise.race([
            client.quit().then(
              () => undefined,
              () => undefined,
            ),
            timeout,
          ]);
          clearTimeout(timer);
          client.disconnect();
        }),
      );
    },
  };
}
