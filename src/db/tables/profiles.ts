import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgEnum, primaryKey, snakeCase } from 'drizzle-orm/pg-core';
import { categories } from './catalog.js';
import { models } from './models.js';

export const lane = pgEnum('lane', ['PROVISIONAL', 'VERIFIED']);

/**
 * Each model's own standing per lane (METHODOLOGY.md §3), maintained by every write that changes
 * scores or the catalog so leaderboards are computed in the database. `rank` depends on every
 * other model, so every refresh recounts it for all of them (`rerankProfiles`) in the same
 * transaction: reads then never rank at query time.
 * `overallTenths` is the overall rounded to one decimal (as an integer of tenths) by the same code
 * that defines "equal" for scores, so SQL orders and ties exactly as the pure functions do.
 */
export const profiles = snakeCase.table(
  'profiles',
  {
    lane: lane().notNull(),
    modelId: integer()
      .notNull()
      .references(() => models.id, { onDelete: 'cascade' }),
    /** Overall with the lane's category weights; null without a category score of positive weight. */
    overall: doublePrecision(),
    overallTenths: integer(),
    /** Has enough effective scores (benchmarks and categories) to be ranked, whatever the weights. */
    meetsThreshold: boolean().notNull(),
    ranked: boolean().notNull(),
    /** 1 + the ranked models with a higher `overallTenths` in the lane; null when not ranked. */
    rank: integer(),
    benchmarkCount: integer().notNull(),
    categoryCount: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.lane, t.modelId] }),
    index('profiles_ranked_order')
      .on(t.lane, t.overallTenths.desc())
      .where(sql`${t.ranked}`),
  ],
);

/** A model's category score per lane and whether it is eligible in that category's ranking. */
export const profileCategories = snakeCase.table(
  'profile_categories',
  {
    lane: lane().notNull(),
    modelId: integer()
      .notNull()
      .references(() => models.id, { onDelete: 'cascade' }),
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    score: doublePrecision().notNull(),
    scoreTenths: integer().notNull(),
    eligible: boolean().notNull(),
    /** 1 + the eligible models with a higher `scoreTenths` in the lane and category; null when not eligible. */
    rank: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.lane, t.modelId, t.categoryId] }),
    index('profile_categories_eligible_order')
      .on(t.lane, t.categoryId, t.scoreTenths.desc())
      .where(sql`${t.eligible}`),
  ],
);
