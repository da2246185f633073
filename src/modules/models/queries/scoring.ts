import { sql, type SQL } from 'drizzle-orm';
import type { ScoreFacts } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Executor } from '../../../db/client.js';

type Packed = [number, number, number, number, ScoreFacts['provenance'], string | null, number];

/**
 * A scalar subquery packing the scores that match `where` (on alias `s`) into one JSON array of
 * compact arrays, which keeps large score sets small on the wire. `unpackScores` reads it back.
 */
export function packedScoresSql(where: SQL): SQL {
  return sql`(select coalesce(json_agg(json_build_array(
      s.id, s.model_id, s.benchmark_id, s.value, s.provenance, s.measured_on,
      floor(extract(epoch from s.recorded_at) * 1000)) order by s.id), '[]')
    from scores s where ${where})`;
}

/** The scores a `packedScoresSql` column holds (JSON text or already parsed, by driver). */
export function unpackScores(value: unknown): ScoreFacts[] {
  return (jsonOf<Packed[]>(value) ?? []).map(
    ([id, modelId, benchmarkId, score, provenance, measuredOn, recordedAt]) => ({
      id,
      modelId,
      benchmarkId,
      value: score,
      provenance,
      measuredOn,
      recordedAt: Number(recordedAt),
    }),
  );
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
