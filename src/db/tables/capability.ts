import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  primaryKey,
  snakeCase,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { models } from './models.js';
import { lane } from './profiles.js';

/** A benchmark's fitted parameters, as stored: difficulty d, log slope α = ln a, and its scores in the fit. */
export interface StoredBenchmarkFit {
  id: number;
  difficulty: number;
  logSlope: number;
  scores: number;
}

/**
 * The current capability fit of each lane (METHODOLOGY.md §6), refitted off the request path after
 * every write (src/modules/capability/). `watermark` fingerprints the data the fit is of (every
 * score row's id and state, and the catalog's scales and categories), so a stale fit is found by
 * comparing it with the watermark of the data now; `benchmarks` holds d and ln a per benchmark
 * (the benchmarks' half of the warm start; the models' θ are in `capabilityEstimates`).
 */
export const capabilityFits = snakeCase.table('capability_fits', {
  lane: lane().primaryKey(),
  methodologyVersion: text().notNull(),
  fittedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  watermark: text().notNull(),
  /** The latest recorded, superseded or retracted score the fit includes; null with no score at all. */
  scoresChangedAt: timestamp({ withTimezone: true, mode: 'date' }),
  /** s² = Σ (y − ŷ)² / max(1, N − M − 2B). */
  residualVariance: doublePrecision().notNull(),
  /** Models, ranked models (at least 5 scores in the fit) and scores in the fit. */
  models: integer().notNull(),
  rankedModels: integer().notNull(),
  scoresUsed: integer().notNull(),
  rounds: integer().notNull(),
  converged: boolean().notNull(),
  objective: doublePrecision().notNull(),
  /** How long loading, fitting and ranking took, in milliseconds (storing not included). */
  durationMs: doublePrecision().notNull(),
  benchmarks: jsonb().$type<StoredBenchmarkFit[]>().notNull(),
});

/**
 * One row per model in a lane's current fit: θ, its standard error and 95 % interval, the scores it
 * rests on, and (for models with at least 5 scores in the fit) the rank and its bounds. `thetaHundredths`
 * is θ in whole hundredths (the precision ranks compare at), so SQL orders and pages exactly as ranks tie.
 */
export const capabilityEstimates = snakeCase.table(
  'capability_estimates',
  {
    lane: lane().notNull(),
    modelId: integer()
      .notNull()
      .references(() => models.id, { onDelete: 'cascade' }),
    theta: doublePrecision().notNull(),
    thetaHundredths: integer().notNull(),
    standardError: doublePrecision().notNull(),
    lower: doublePrecision().notNull(),
    upper: doublePrecision().notNull(),
    scores: integer().notNull(),
    rank: integer(),
    bestRank: integer(),
    worstRank: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.lane, t.modelId] }),
    index('capability_estimates_ranked_order')
      .on(t.lane, t.thetaHundredths.desc())
      .where(sql`${t.rank} is not null`),
  ],
);
