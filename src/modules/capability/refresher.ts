import type { Database } from '../../db/client.js';
import type { DataEvents } from '../live/service.js';
import { refreshCapability, type LaneRefresh } from './refresh.js';

/** Where the refresher reports (a pino logger fits). */
export interface RefreshLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Keeps an app's stored capability fits current, off the request path. */
export interface CapabilityRefresher {
  /** Asks for a refresh soon; a burst of asks makes one refresh (and one more if a refresh is running). */
  schedule(): void;
  /** Resolves once no refresh is waiting or running (tests await it after a write). */
  whenIdle(): Promise<void>;
  /**
   * The app's DataEvents, wrapped so that every announced write schedules a refresh. A refit is not
   * announced itself: subscribers get one event per write (README), so a cached answer holding the
   * previous fit may be served until its TTL (it says which fit it is of: `fittedAt`).
   */
  watch(events: DataEvents): DataEvents;
  /** Stops for good: a waiting refresh is dropped, a running one is awaited. */
  stop(): Promise<void>;
}

/** How a refresher runs: its database, where it logs, and how long it lets a burst of writes settle. */
export interface RefresherOptions {
  db: Database;
  logger?: RefreshLogger;
  /** Waits this long after the first ask before refreshing, so a burst of writes makes one refresh. */
  delayMs?: number;
  /** The refresh itself (tests replace it). */
  refresh?: (db: Database) => Promise<LaneRefresh[]>;
}

/** Runs a task in the background, one run at a time, asks coalesced: see `CapabilityRefresher`. */
function coalescing(task: () => Promise<void>, delayMs: number) {
  let cycle: Promise<void> | null = null;
  let running = false;
  let pending = false;
  let stopped = false;
  let wake: (() => void) | null = null;
  const settle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delayMs);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const run = async () => {
    do {
      pending = false;
      await settle();
      if (stopped) break;
      running = true;
      await task();
      running = false;
    } while (pending && !stopped);
  };
  return {
    schedule() {
      if (stopped) return;
      // A run that has not started yet will see this ask's data; a running one needs one more run after it.
      if (cycle) pending ||= running;
      else cycle = run().finally(() => (cycle = null));
    },
    async whenIdle() {
      while (cycle) await cycle;
    },
    async stop() {
      stopped = true;
      wake?.();
      while (cycle) await cycle;
    },
  };
}

const quiet: RefreshLogger = { info: () => {}, error: () => {} };

/**
 * The app-level refresher: one refresh at a time, asks coalesced, errors logged (never thrown into a
 * request: `schedule()` only sets a timer). A refresh skips the lanes whose stored fit is of the data
 * now, so asking too often costs one cheap statement.
 */
export function createCapabilityRefresher(options: RefresherOptions): CapabilityRefresher {
  const { db, logger = quiet, delayMs = 50, refresh = refreshCapability } = options;
  const runner = coalescing(async () => {
    try {
      const refitted = (await refresh(db)).filter((lane) => lane.refitted);
      if (refitted.length > 0) logger.info({ lanes: refitted }, 'capability index refitted');
    } catch (error) {
      logger.error({ err: error }, 'capability index: refresh failed');
    }
  }, delayMs);
  return {
    ...runner,
    watch(events) {
      return {
        changed: (change) => {
          // The write has committed when it announces; the refresh runs later, on its own.
          runner.schedule();
          return events.changed(change);
        },
        changes: (models) => events.changes(models),
      };
    },
  };
}
