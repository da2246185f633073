import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config.js';
import type { Logger } from 'pino';
import { memoryCache, redisCache, responseCache, type GenerationalCache } from './cache.js';
import type { DataEvents } from './events.js';
import { changeFeed } from './pubsub.js';
import { connectRedis } from './redis.js';

type LiveConfig = Pick<
  Config,
  | 'REDIS_URL'
  | 'REDIS_KEY_PREFIX'
  | 'RESPONSE_CACHE_TTL_MS'
  | 'RESPONSE_CACHE_MAX_BYTES'
  | 'TRUSTED_DOCUMENTS'
  | 'TRUSTED_DOCUMENTS_MANIFEST'
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_TOKENS'
  | 'MAX_DIRECTIVES'
  | 'MAX_COST'
  | 'COST_LIST_SIZE'
>;

/** One app's response cache and live updates, and the DataEvents that keep them current. */
export interface Live {
  /** What mutations announce their writes to: invalidates the cache, then notifies subscribers. */
  events: DataEvents;
  /** The response cache (unless turned off), and closing it all when the app is disposed. */
  plugins: Plugin[];
}

/**
 * Builds the cache and the change feed: in memory and in process, or shared through Redis when
 * REDIS_URL is set (two connections per app). `stopping` ends the open subscription streams (a
 * server that shuts down must not wait for them); disposing the app ends them and closes Redis.
 */
export function createLive(options: {
  config: LiveConfig;
  logger: Logger;
  today: () => string;
  stopping?: AbortSignal;
}): Live {
  const { config, logger } = options;
  const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL, logger) : undefined;
  const prefix = config.REDIS_KEY_PREFIX;
  let cache: GenerationalCache | undefined;
  if (config.RESPONSE_CACHE_TTL_MS > 0)
    cache = redis ? redisCache(redis, prefix, logger) : memoryCache(config.RESPONSE_CACHE_MAX_BYTES);
  const feed = changeFeed({ redis, prefix, logger });
  options.stopping?.addEventListener('abort', () => feed.end(), { once: true });

  const events: DataEvents = {
    async changed(change) {
      // The cache first: a subscriber that reads again on the event must get the new data.
      await cache?.bump();
      await feed.publish({ ...change, at: new Date().toISOString() });
    },
    changes: (models) => feed.subscribe(models),
  };

  const plugins: Plugin[] = [];
  if (cache) {
    const variant = JSON.stringify([
      config.TRUSTED_DOCUMENTS,
      config.TRUSTED_DOCUMENTS_MANIFEST ?? null,
      config.MAX_DEPTH,
      config.MAX_ALIASES,
      config.MAX_TOKENS,
      config.MAX_DIRECTIVES,
      config.MAX_COST,
      config.COST_LIST_SIZE,
    ]);
    plugins.push(...responseCache({ cache, ttlMs: config.RESPONSE_CACHE_TTL_MS, today: options.today, variant }));
  }
  plugins.push({
    async onDispose() {
      feed.end();
      await redis?.close();
    },
  });
  return { events, plugins };
}
