import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgEnum, serial, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';

export const keyScope = pgEnum('key_scope', ['write', 'admin']);

/** API keys for writes. Only a SHA-256 of the key is stored; the key itself is shown once. */
export const apiKeys = snakeCase.table(
  'api_keys',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    scope: keyScope().notNull(),
    /** The first characters of the key, to tell keys apart in listings without revealing them. */
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('api_keys_active')
      .on(t.keyHash)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** Every write: who (key), what operation, when, and what changed. Never updated or deleted. */
export const auditLog = snakeCase.table(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    keyId: integer().references(() => apiKeys.id, { onDelete: 'restrict' }),
    /** The key's name at the time, so the entry stays readable whatever happens to the key. */
    actor: text().notNull(),
    operation: text().notNull(),
    at: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    changes: jsonb().notNull(),
  },
  (t) => [index().on(t.at.desc(), t.id.desc())],
);

/** Methodology versions: each update of thresholds or category weights adds one. */
export const methodologyVersions = snakeCase.table('methodology_versions', {
  version: serial().primaryKey(),
  minBenchmarks: integer().notNull(),
  minCategories: integer().notNull(),
  /** Category slug → weight, as set by this version. */
  categoryWeights: jsonb().$type<Record<string, number>>().notNull(),
  note: text(),
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
