import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, pgEnum, serial, snakeCase, text } from 'drizzle-orm/pg-core';

/** Model creators (OpenAI, Anthropic, ...), not hosting companies. */
export const providers = snakeCase.table('providers', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  website: text(),
});

/** Model families (GPT-4.1: GPT-4.1, GPT-4.1 mini, GPT-4.1 nano). */
export const families = snakeCase.table(
  'families',
  {
    id: serial().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    providerId: integer()
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
  },
  (t) => [index().on(t.providerId)],
);

/** Benchmark categories; `weight` is the default weight in the overall score. */
export const categories = snakeCase.table(
  'categories',
  {
    id: serial().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    weight: doublePrecision().notNull().default(5),
  },
  (t) => [check('categories_weight_non_negative', sql`${t.weight} >= 0`)],
);

export const benchmarkUnit = pgEnum('benchmark_unit', ['percent', 'elo', 'score']);

/** Benchmarks, each in one category, with the scale that normalises its values. */
export const benchmarks = snakeCase.table(
  'benchmarks',
  {
    id: serial().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    unit: benchmarkUnit().notNull(),
    higherIsBetter: boolean().notNull().default(true),
    scaleMin: doublePrecision().notNull(),
    scaleMax: doublePrecision().notNull(),
    weight: doublePrecision().notNull().default(1),
    url: text(),
  },
  (t) => [
    index().on(t.categoryId),
    check('benchmarks_scale_ordered', sql`${t.scaleMax} > ${t.scaleMin}`),
    check('benchmarks_weight_non_negative', sql`${t.weight} >= 0`),
  ],
);
