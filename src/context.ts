import { authenticate, type Principal } from './modules/ingestion/keys.js';
import type { Database } from './db/client.js';
import { createLoaders, type Loaders } from './loaders.js';
import { noEvents, type DataEvents } from './modules/live/events.js';

/** What every resolver sees: the database, this request's loaders and its caller. */
export interface Context {
  db: Database;
  loaders: Loaders;
  /** The day (UTC, YYYY-MM-DD) that "current" prices and scores are read as of. */
  today: string;
  /** The API key the request carries (`Authorization: Bearer …`), looked up on first use; null when none is valid. */
  principal(): Promise<Principal | null>;
  /** Where writes announce what they changed (subscriptions, response cache). */
  events: DataEvents;
}

/** Builds one request's context; every DataLoader is created here and nowhere else. */
export function createContext(
  db: Database,
  now: Date = new Date(),
  authorization?: string | null,
  events: DataEvents = noEvents,
): Context {
  let principal: Promise<Principal | null> | undefined;
  return {
    db,
    loaders: createLoaders(db),
    today: now.toISOString().slice(0, 10),
    // Reads need no key, so the lookup runs only when a mutation asks for it.
    principal: () => (principal ??= authenticate(db, authorization)),
    events,
  };
}
