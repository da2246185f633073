import { sql } from 'drizzle-orm';
import type { ScoreFacts } from '../../resolvers/scoring/types.js';
import { rowsOf, type Database } from '../client.js';

type Packed = [number, number, number, number, ScoreFacts['provenance'], string | null, number];

/**
 * Every current (not superseded, not retracted) score in ONE statement, as compact JSON arrays
 * to keep the payload small; the lane filter and the effective-score rule run in code.
 */
export async function loadCurrentScores(db: Database): Promise<ScoreFacts[]> {
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(
        s.id, s.model_id, s.benchmark_id, s.value, s.provenance, s.measured_on,
        floor(extract(epoch from s.recorded_at) * 1000)) order by s.id), '[]') as scores
    from scores s where s.superseded_at is null and s.retracted_at is null
  `);
  const packed = rowsOf<{ scores: Packed[] | string }>(result)[0]?.scores ?? [];
  const rows = typeof packed === 'string' ? (JSON.parse(packed) as Packed[]) : packed;
  return rows.map(([id, modelId, benchmarkId, value, provenance, measuredOn, recordedAt]) => ({
    id,
    modelId,
    benchmarkId,
    value,
    provenance,
    measuredOn,
    recordedAt: Number(recordedAt),
  }));
}
