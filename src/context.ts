import type { Database } from './db/client.js';
import { createLoaders, type Loaders } from './db/loaders.js';

/** What every resolver sees: the database and this request's loaders. */
export interface Context {
  db: Database;
  loaders: Loaders;
  /** The day (UTC, YYYY-MM-DD) that "current" prices and scores are read as of. */
  today: string;
}

/** Builds one request's context; every DataLoader is created here and nowhere else. */
export function createContext(db: Database, now: Date = new Date()): Context {
  return { db, loaders: createLoaders(db), today: now.toISOString().slice(0, 10) };
}
