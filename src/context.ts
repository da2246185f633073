import type { Database } from './db/client.js';
import { LoaderRegistry } from './loaders.js';
import { capabilityLoaders, type CapabilityLoaders } from './modules/capability/loaders.js';
import { catalogLoader, type CatalogIndex } from './modules/catalog/loaders.js';
import { comparisonLoaders, type ComparisonLoaders } from './modules/comparison/loaders.js';
import { federationLoaders, type FederationLoaders } from './modules/federation/loaders.js';
import { authenticate, type Principal } from './modules/ingestion/service.js';
import { leaderboardLoaders, type LeaderboardLoaders } from './modules/leaderboard/loaders.js';
import { noEvents, type DataEvents } from './modules/live/service.js';
import { modelLoaders, type ModelLoaders } from './modules/models/loaders.js';

/** Every per-request loader, by module. */
export interface Loaders
  extends ModelLoaders, LeaderboardLoaders, ComparisonLoaders, FederationLoaders, CapabilityLoaders {
  /** Every category and benchmark, loaded at most once per request (one statement). */
  catalog(): Promise<CatalogIndex>;
  /** The catalog if this request has it already (lets per-row resolvers answer without a promise). */
  catalogNow(): CatalogIndex | undefined;
  /** Forgets everything loaded so far: a mutation calls it after writing, so later fields read the new data. */
  clear(): void;
}

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

/**
 * Builds one request's loaders: every DataLoader of every module is created here, and registered for
 * `clear()`. `today` (UTC) tells which days of the history are over.
 */
export function createLoaders(db: Database, today: string = new Date().toISOString().slice(0, 10)): Loaders {
  const registry = new LoaderRegistry();
  const catalog = catalogLoader(db, registry);
  const leaderboard = leaderboardLoaders(db, registry, catalog);
  const capability = capabilityLoaders(db, registry, catalog, leaderboard, today);
  return {
    catalog: catalog.get,
    catalogNow: catalog.peek,
    ...modelLoaders(db, registry, catalog),
    ...leaderboard,
    ...capability,
    ...comparisonLoaders(db, catalog, leaderboard, capability),
    ...federationLoaders(registry),
    clear: () => registry.clear(),
  };
}

/** Builds one request's context. */
export function createContext(
  db: Database,
  now: Date = new Date(),
  authorization?: string | null,
  events: DataEvents = noEvents,
): Context {
  let principal: Promise<Principal | null> | undefined;
  return {
    db,
    loaders: createLoaders(db, now.toISOString().slice(0, 10)),
    today: now.toISOString().slice(0, 10),
    // Reads need no key, so the lookup runs only when a mutation asks for it.
    principal: () => (principal ??= authenticate(db, authorization)),
    events,
  };
}
