import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { GraphQLError } from 'graphql';
import { createPubSub, filter, pipe, SlidingBuffer } from 'graphql-yoga';
import type { Logger } from 'pino';
import { concerns, type PublishedChange } from './events.js';
import type { RedisConnections } from './redis.js';

/** How the changes of every instance reach this instance's subscribers. */
export interface ChangeFeed {
  /** Sends a change to every subscriber of every instance (best effort: a failure is logged). */
  publish(change: PublishedChange): Promise<void>;
  /** A live stream of the changes that concern `models`; see DataEvents.changes. */
  subscribe(models?: readonly string[] | null): Promise<AsyncIterable<PublishedChange>>;
  /** Ends every open stream; later subscriptions end at once. */
  end(): void;
}

/** How many changes a subscriber that does not read may fall behind before its oldest are dropped. */
const BACKLOG = 64;
/** How long a new subscription waits for the Redis channel before it is refused. */
const READY_TIMEOUT_MS = 5000;

type Topics = Record<string, [PublishedChange]>;
type ChangeTarget = NonNullable<NonNullable<Parameters<typeof createPubSub<Topics>>[0]>['eventTarget']>;

/**
 * The feed of one app. With Redis, changes travel over one channel (`<prefix>data-changed`): every
 * instance publishes there and listens there (createRedisEventTarget on the subscriber
 * connection), so each one notifies its own subscribers of every instance's writes. Without
 * Redis, an in-process event target serves the one instance.
 */
export function changeFeed(options: { redis?: RedisConnections; prefix: string; logger: Logger }): ChangeFeed {
  const { redis, logger } = options;
  const topic = `${options.prefix}data-changed`;
  let ready: Promise<void> = Promise.resolve();
  let eventTarget: ChangeTarget;
  if (redis) {
    const target = createRedisEventTarget<CustomEvent<PublishedChange>>({
      publishClient: redis.commands,
      subscribeClient: redis.subscriber,
    });
    eventTarget = target;
    // The channel stays subscribed for the app's life, by a listener of its own added once the
    // subscription is confirmed: a subscriber is live as soon as its stream is returned, and the
    // target never subscribes or unsubscribes per client (it does not await its own SUBSCRIBE).
    ready = redis.subscriber.subscribe(topic).then(() => target.addEventListener(topic, () => {}));
    ready.catch((error: unknown) =>
      logger.warn({ err: error }, 'live updates: could not subscribe to the Redis channel'),
    );
  } else {
    eventTarget = new EventTarget() as unknown as ChangeTarget;
  }
  const local = createPubSub<Topics>({ eventTarget });
  const open = new Set<AsyncIterator<PublishedChange>>();
  let ended = false;

  return {
    async publish(change) {
      if (!redis) return local.publish(topic, change);
      // Published here rather than through the event target, whose dispatch drops the reply: a
      // failure is logged instead of surfacing as an unhandled rejection.
      try {
        if (!redis.usable()) throw new Error('Redis connection is down');
        await redis.commands.publish(topic, JSON.stringify(change));
      } catch (error) {
        logger.warn({ err: error, change }, 'live updates: could not publish a change');
      }
    },

    async subscribe(models) {
      if (!ended) await bounded(ready, READY_TIMEOUT_MS);
      if (ended) return emptyStream();
      // A pub/sub per subscriber, on the shared target, for a buffer of its own: Yoga's option
      // takes one buffer instance, which every subscription would share.
      const own = createPubSub<Topics>({ eventTarget, repeaterBuffer: new SlidingBuffer(BACKLOG) });
      const stream = started(
        pipe(
          own.subscribe(topic),
          filter((change: PublishedChange) => concerns(change, models)),
        ),
        () => open.delete(stream),
      );
      open.add(stream);
      return { [Symbol.asyncIterator]: () => stream };
    },

    end() {
      ended = true;
      for (const stream of open) void stream.return?.();
      open.clear();
    },
  };
}

/** Resolves with `promise`, or refuses the subscription after `ms`. */
function bounded(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new GraphQLError('Live updates are unavailable right now; try again later.', {
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          }),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The iterator of `source`, already listening: Yoga asks for the first value only once the client
 * reads the stream, and a change announced before that would be lost. `onDone` runs when it ends.
 */
function started<T>(source: AsyncIterable<T>, onDone: () => void): AsyncIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  // A repeater runs its executor, which adds the pub/sub listener, on its first `next`.
  let first: Promise<IteratorResult<T>> | undefined = iterator.next();
  // Whoever reads it sees a failure; a stream returned unread must not leave it unhandled.
  first.catch(() => {});
  return {
    async next() {
      const pending = first ?? iterator.next();
      first = undefined;
      const result = await pending;
      if (result.done) onDone();
      return result;
    },
    async return(value?: unknown) {
      onDone();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
  };
}

/** A stream that has already ended. */
function emptyStream(): AsyncIterable<PublishedChange> {
  return { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) };
}
