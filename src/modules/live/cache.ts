import { createHash } from 'node:crypto';
import { useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { RedisConnections } from './redis.js';
import { singleFlight } from './single-flight.js';

/**
 * Where cached responses live, by generation. Invalidation rule: every write that changed
 * something starts a new generation, and only entries of the current generation are served.
 *
 * Why everything, and why a generation. Comparisons, leaderboards and profiles aggregate across
 * models (a score of one model moves another's rank, the methodology weighs every category), so
 * no response is safe from any write, and invalidating by entity would miss most of them. A
 * generation is one counter: bumping it costs one INCR whatever the cache holds (no scan of keys,
 * unlike invalidation by typename in Redis, which runs KEYS), it lives in Redis when Redis is
 * shared so every instance sees a bump at once, and it closes the race entity invalidation leaves
 * open: a read that began before a write, and stores its answer after the invalidation, stores it
 * under the old generation, where it is never served. Old entries are never deleted, they expire.
 *
 * Keys are `<generation>:<sha256>`; the generation is the one the instance knew when the request
 * arrived, and `get` serves an entry only while it is still the current one (Redis: read in the
 * same round trip), so an entry is never served after a write has returned, on any instance, and
 * an `If-None-Match` with an old key gets no 304. An instance learns of another's write on its next
 * read, which misses and is not stored: one extra miss per instance and write, rather than a Redis
 * round trip on every request to read the generation first.
 */
export interface GenerationalCache extends Cache {
  /** The generation new keys are built with: the latest this instance knows (once it knows one). */
  generation(): number | Promise<number>;
  /** Starts a new generation; every response cached before stops being served, on every instance sharing the cache. */
  bump(): Promise<void>;
}

const generationOf = (key: string): number => Number(key.slice(0, key.indexOf(':')));

/**
 * One instance's cache: the least recently used responses go first once they hold more than
 * `maxBytes` (measured as their JSON) or number more than `maxEntries`; dropped whole on every
 * write. Bounded in bytes because one analyst page is 1.3 MB: a thousand of them would not fit
 * in the heap `npm start` gives node. A response larger than `maxBytes` is not kept.
 */
export function memoryCache(maxBytes: number, maxEntries = 1000): GenerationalCache {
  let generation = 0;
  const fresh = () =>
    new LRUCache<string, ExecutionResult>({
      max: maxEntries,
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: (result) => Math.max(1, JSON.stringify(result).length),
    });
  let entries = fresh();
  return {
    generation: () => generation,
    async bump() {
      generation += 1;
      entries = fresh();
    },
    get: (key) => (generationOf(key) === generation ? (entries.get(key) ?? null) : null),
    set(key, result, _entities, ttl) {
      if (generationOf(key) === generation && ttl > 0)
        entries.set(key, result, { ttl: Number.isFinite(ttl) ? ttl : undefined });
    },
    // Writes invalidate through `bump`; the plugin's per-entity invalidation of mutation results is not needed.
    invalidate: () => {},
  };
}

/**
 * A cache shared by every instance on the same Redis (and key prefix). Redis trouble never fails
 * a request: it runs uncached. A bump that cannot reach Redis is retried on reconnection, and until
 * it succeeds this instance neither reads nor writes the cache.
 *
 * Not @envelop/response-cache-redis: it indexes responses by typename in sets without prefix or
 * expiry (they would grow for ever, as nothing here invalidates by entity) and invalidates with KEYS.
 *
 * The generation only ever grows, which is what makes serving by generation safe. Should Redis lose
 * the counter (a restart without persistence, an eviction) while entries survive, it starts again
 * from the current time in milliseconds, above any generation counted before, instead of from 1.
 */
export function redisCache(redis: RedisConnections, prefix: string, logger: Logger): GenerationalCache {
  const { commands } = redis;
  const entryKey = (key: string) => `${prefix}cache:response:${key}`;
  const generation = redisGeneration(redis, `${prefix}cache:generation`, logger);
  return {
    generation: generation.current,
    bump: generation.bump,
    async get(key) {
      if (generation.bumpPending() || !redis.usable()) return null;
      try {
        const [current, json] = await commands.mget(generation.key, entryKey(key));
        if (current == null) {
          await generation.sync();
          return null;
        }
        generation.learn(Number(current));
        return generationOf(key) === Number(current) && json ? JSON.parse(json) : null;
      } catch (error) {
        logger.warn({ err: error }, 'response cache: read failed; running uncached');
        return null;
      }
    },
    async set(key, result, _entities, ttl) {
      // An entry of a generation already known to be past would never be served.
      if (generation.bumpPending() || !redis.usable() || generationOf(key) !== generation.known()) return;
      try {
        await commands.set(entryKey(key), JSON.stringify(result), 'PX', ttl);
      } catch (error) {
        logger.warn({ err: error }, 'response cache: write failed');
      }
    },
    invalidate: () => {},
  };
}

/** The generation counter in Redis (at `key`), as far as this instance knows it. */
function redisGeneration(redis: RedisConnections, key: string, logger: Logger) {
  const { commands } = redis;
  let generation = 0;
  let bumpPending = false;
  const learn = (current: number) => {
    if (current > generation) generation = current;
  };
  /** Reads the generation, creating it if Redis has none; a failure leaves it to a later read. */
  const sync = async () => {
    try {
      await commands.set(key, String(Date.now()), 'NX');
      learn(Number(await commands.get(key)));
    } catch (error) {
      logger.warn({ err: error }, 'response cache: could not read the generation from Redis');
    }
  };
  // Known before the first request is keyed, so an instance's first answers can be stored.
  let starting: Promise<void> | undefined = sync().finally(() => (starting = undefined));
  const bump = async () => {
    try {
      if (!redis.usable()) throw new Error('Redis connection is down');
      const replies = await commands.multi().set(key, String(Date.now()), 'NX').incr(key).exec();
      const [error, current] = replies?.[1] ?? [new Error('transaction discarded')];
      if (error) throw error;
      learn(Number(current));
      bumpPending = false;
    } catch (error) {
      bumpPending = true;
      logger.error(
        { err: error },
        'response cache: could not start a new generation in Redis; ' +
          'retrying on reconnection, cache off here until then',
      );
    }
  };
  commands.on('ready', () => {
    if (bumpPending) void bump();
  });
  return {
    key,
    /** The generation new keys are built with, once the first read is done. */
    current: () => (starting ? starting.then(() => generation) : generation),
    /** The latest generation seen, without waiting. */
    known: () => generation,
    /** True while a bump failed to reach Redis: the cache is off until it succeeds. */
    bumpPending: () => bumpPending,
    learn,
    sync,
    bump,
  };
}

/** What decides whether a cached response may answer a request besides its document and variables. */
export interface CacheKeyParts {
  /** The day "current" prices and scores are read as of: answers change at midnight without a write. */
  today: () => string;
  /**
   * Settings that decide whether an operation may run at all (limits, trusted documents), so that an
   * instance configured more strictly is never answered from an entry another instance stored.
   */
  variant: string;
}

/** How long identical requests wait for the first of them (single flight) before running anyway. */
const MAX_FLIGHT_WAIT_MS = 10_000;

/**
 * The response cache for public reads. Only requests without credentials use it (read or write):
 * the one caller-dependent field, `auditLog`, then can never be stored from one caller and served
 * to another, and the schema coordinates below keep its answers out of the cache besides.
 * Mutations, subscriptions, introspection and responses with errors are never cached.
 *
 * Two plugins, in this order: identical requests arriving while the first of them runs wait for
 * it (single-flight.ts), then the cache answers them.
 */
export function responseCache(options: { cache: GenerationalCache; ttlMs: number } & CacheKeyParts): Plugin[] {
  const { cache } = options;
  const usesCache = (request: Request) =>
    !request.headers.has('authorization') && !(request.headers.get('accept') ?? '').includes('text/event-stream');
  const keys = requestKeys(cache, options);
  const writes = trackWrites(cache);
  const responses = useResponseCache({
    session: () => null,
    enabled: usesCache,
    cache: writes.cache,
    ttl: options.ttlMs,
    // The plugin would otherwise add each object's `id` to the operation to invalidate by entity.
    idFields: [],
    includeExtensionMetadata: false,
    ttlPerSchemaCoordinate: { 'Query.auditLog': 0, AuditPage: 0, AuditEntry: 0 },
    buildResponseCacheKey: ({ documentString, operationName, variableValues, request }) =>
      keys.build(request, documentString, operationName, variableValues),
  });
  return [coalescing(usesCache, keys, writes.pending), responses];
}

/** One cache key per request, built by the first plugin that asks for it. */
interface RequestKeys {
  build(
    request: Request,
    document: string,
    operationName: string | null | undefined,
    variables: unknown,
  ): Promise<string>;
  of(request: Request): Promise<string> | undefined;
}

function requestKeys(cache: GenerationalCache, parts: CacheKeyParts): RequestKeys {
  const keys = new WeakMap<Request, Promise<string>>();
  return {
    of: (request) => keys.get(request),
    build(request, document, operationName, variables) {
      let key = keys.get(request);
      if (!key) {
        // Variables are hashed as sent: the same variables in another key order only miss.
        const hash = createHash('sha256').update(
          JSON.stringify([document, operationName ?? null, variables ?? {}, parts.today(), parts.variant]),
        );
        key = Promise.resolve(cache.generation()).then((generation) => `${generation}:${hash.digest('hex')}`);
        keys.set(request, key);
      }
      return key;
    },
  };
}

/** `cache`, remembering its writes in progress (Redis): `pending(key)` settles once the entry can be read back. */
function trackWrites(cache: GenerationalCache): { cache: Cache; pending(key: string): Promise<unknown> | undefined } {
  const storing = new Map<string, Promise<unknown>>();
  return {
    pending: (key) => storing.get(key),
    cache: {
      get: (key) => cache.get(key),
      set(key, ...rest) {
        const write = Promise.resolve(cache.set(key, ...rest)).finally(() => {
          if (storing.get(key) === write) storing.delete(key);
        });
        storing.set(key, write);
        return write;
      },
      invalidate: (...args) => cache.invalidate(...args),
    },
  };
}

/**
 * Single flight: identical requests arriving while the first of them runs wait for it, and land
 * once its answer is stored, so that the cache answers them.
 */
function coalescing(
  usesCache: (request: Request) => boolean,
  keys: RequestKeys,
  pending: (key: string) => Promise<unknown> | undefined,
): Plugin {
  const flights = singleFlight(MAX_FLIGHT_WAIT_MS);
  const leaders = new WeakMap<Request, () => void>();
  return {
    async onParams({ params, request }) {
      if (!usesCache(request)) return;
      const land = await flights.join(
        await keys.build(request, params.query ?? '', params.operationName, params.variables),
      );
      if (land) leaders.set(request, land);
    },
    onExecutionResult({ request }) {
      const land = leaders.get(request);
      if (!land) return;
      leaders.delete(request);
      void keys
        .of(request)!
        .then((key) => pending(key))
        .then(land, land);
    },
  };
}
