import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';

/** The Redis the tests use: REDIS_URL when set, else the local one. */
export const TEST_REDIS_URL = loadConfig().REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when Redis answers. Unreachable is a failure under CI=true, and a visible skip elsewhere. */
export async function redisReachable(suite: string): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (process.env.CI === 'true')
      throw new Error(`${suite}: Redis at ${TEST_REDIS_URL} is unreachable, and CI needs it: ${String(error)}`);
    console.warn(
      `\n!!! SKIPPED ${suite}: Redis at ${TEST_REDIS_URL} is unreachable (${String(error)}). Start it to run these tests; under CI=true this fails.\n`,
    );
    return false;
  } finally {
    client.disconnect();
  }
}

/** A key prefix of this test file's own, and a cleanup that deletes every key under it. */
export function redisNamespace(): { prefix: string; cleanup(): Promise<void> } {
  const prefix = `llmc-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  return {
    prefix,
    async cleanup() {
      const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length) await client.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        client.disconnect();
      }
    },
  };
}
