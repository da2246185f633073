import { sql, type SQL } from 'drizzle-orm';
import { PACKED_SCORE_FIELDS, unpackScore } from '../../../domain/scoring/packed.js';
import type { ScoreFacts } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Executor } from '../../../db/client.js';

/** A timestamp column as epoch milliseconds: compact, and exact to the millisecond JavaScript keeps. */
export const epochMs = (column: SQL): SQL => sql`floor(extract(epoch from ${column}) * 1000)`;

/** The column (on alias `s`) that packs each ScoreFacts field; the order comes from PACKED_SCORE_FIELDS. */
export const SCORE_FACT_COLUMNS: Record<(typeof PACKED_SCORE_FIELDS)[number], SQL> = {
  id: sql`s.id`,
  modelId: sql`s.model_id`,
  benchmarkId: sql`s.benchmark_id`,
  value: sql`s.value`,
  provenance: sql`s.provenance`,
  measuredOn: sql`s.measured_on`,
  recordedAt: epochMs(sql`s.recorded_at`),
};

/** The SQL half of a packed format: `json_build_array` of the columns in the order of `fields`. */
export function packedRowSql<K extends string>(fields: readonly K[], columns: Record<K, SQL>): SQL {
  return sql`json_build_array(${sql.join(
    fields.map((field) => columns[field]),
    sql`, `,
  )})`;
}

/**
 * A scalar subquery packing the scores that match `where` (on alias `s`) into one JSON array of
 * compact arrays, which keeps large score sets small on the wire. `unpackScores` reads it back.
 */
export function packedScoresSql(where: SQL): SQL {
  return sql`(select coalesce(json_agg(${packedRowSql(PACKED_SCORE_FIELDS, SCORE_FACT_COLUMNS)} order by s.id), '[]')
    from scores s where ${where})`;
}

/** The scores a `packedScoresSql` column holds (JSON text or already parsed, by driver). */
export function unpackScores(value: unknown): ScoreFacts[] {
  return (jsonOf<unknown[][]>(value) ?? []).map(unpackScore);
}

/** The SQL condition (on alias `s`) of a current score: neither superseded nor retracted. */
export const CURRENT_SCORE = sql`s.superseded_at is null and s.retracted_at is null`;

/**
 * The current scores of some models (every model when omitted) in ONE statement; the lane filter and
 * the effective-score rule run in code.
 */
export async function loadCurrentScores(db: Executor, modelIds?: readonly number[]): Promise<ScoreFacts[]> {
  const of = modelIds
    ? sql` and s.model_id in (${sql.join(
        modelIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`select ${packedScoresSql(sql`${CURRENT_SCORE}${of}`)} as scores`);
  return unpackScores(rowsOf<{ scores: unknown }>(result)[0]?.scores);
}
