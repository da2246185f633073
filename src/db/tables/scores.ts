import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  serial,
  snakeCase,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { benchmarks } from './catalog.js';
import { models } from './models.js';

export const provenance = pgEnum('provenance', ['INDEPENDENT', 'SELF_REPORTED']);

/**
 * Published scores. A row is never overwritten: a changed value supersedes the current row
 * (`supersededAt`) and adds a new one; a retracted score stays with its reason.
 * Current rows are those with neither `supersededAt` nor `retractedAt`.
 */
export const scores = snakeCase.table(
  'scores',
  {
    id: serial().primaryKey(),
    modelId: integer()
      .notNull()
      .references(() => models.id, { onDelete: 'cascade' }),
    benchmarkId: integer()
      .notNull()
      .references(() => benchmarks.id, { onDelete: 'restrict' }),
    value: doublePrecision().notNull(),
    source: text().notNull(),
    provenance: provenance().notNull(),
    measuredOn: date({ mode: 'string' }),
    recordedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    supersededAt: timestamp({ withTimezone: true, mode: 'date' }),
    retractedAt: timestamp({ withTimezone: true, mode: 'date' }),
    retractionReason: text(),
  },
  (t) => [
    // One current row per published figure: same model, benchmark, source, provenance and date.
    uniqueIndex('scores_current_key')
      .on(t.modelId, t.benchmarkId, t.source, t.provenance, sql`coalesce(${t.measuredOn}, '0001-01-01'::date)`)
      .where(sql`${t.supersededAt} is null`),
    index('scores_model_current')
      .on(t.modelId, t.benchmarkId)
      .where(sql`${t.supersededAt} is null and ${t.retractedAt} is null`),
    index('scores_benchmark_current')
      .on(t.benchmarkId)
      .where(sql`${t.supersededAt} is null and ${t.retractedAt} is null`),
  ],
);
