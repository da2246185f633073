import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  serial,
  snakeCase,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { families, providers } from './catalog.js';

/** Models with their static figures; prices live in `modelPrices` so that changes keep history. */
export const models = snakeCase.table(
  'models',
  {
    id: serial().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    providerId: integer()
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    familyId: integer().references(() => families.id, { onDelete: 'restrict' }),
    releaseDate: date({ mode: 'string' }),
    contextWindow: integer().notNull(),
    maxOutputTokens: integer(),
    outputTokensPerSecond: doublePrecision(),
    timeToFirstTokenSeconds: doublePrecision(),
    openWeights: boolean().notNull().default(false),
    parametersBillions: doublePrecision(),
  },
  (t) => [
    index().on(t.providerId),
    index().on(t.familyId),
    index().on(t.releaseDate),
    check('models_context_window_positive', sql`${t.contextWindow} > 0`),
    check('models_max_output_positive', sql`${t.maxOutputTokens} is null or ${t.maxOutputTokens} > 0`),
    check('models_speed_positive', sql`${t.outputTokensPerSecond} is null or ${t.outputTokensPerSecond} > 0`),
    check('models_ttft_non_negative', sql`${t.timeToFirstTokenSeconds} is null or ${t.timeToFirstTokenSeconds} >= 0`),
    check('models_parameters_positive', sql`${t.parametersBillions} is null or ${t.parametersBillions} > 0`),
  ],
);

/**
 * Price history: one row per model and effective date. A price change adds a row; the price of a
 * model on a day is the row with the latest `effectiveFrom` on or before that day.
 */
export const modelPrices = snakeCase.table(
  'model_prices',
  {
    id: serial().primaryKey(),
    modelId: integer()
      .notNull()
      .references(() => models.id, { onDelete: 'cascade' }),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    inputPrice: doublePrecision().notNull(),
    outputPrice: doublePrecision().notNull(),
    cachedInputPrice: doublePrecision(),
    recordedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.modelId, t.effectiveFrom),
    check('model_prices_input_non_negative', sql`${t.inputPrice} >= 0`),
    check('model_prices_output_non_negative', sql`${t.outputPrice} >= 0`),
    check('model_prices_cached_non_negative', sql`${t.cachedInputPrice} is null or ${t.cachedInputPrice} >= 0`),
  ],
);
