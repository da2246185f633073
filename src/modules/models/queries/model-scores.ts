import { sql, type SQL } from 'drizzle-orm';
import type { Lane } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../../db/client.js';
import type { scores } from '../../../db/tables/index.js';
import { scoresVisibleSql } from './as-of.js';
import { catalogColumnsSql, catalogFromRow, type CatalogRows } from '../../catalog/queries.js';

/** A stored score row, as the GraphQL Score type reads it. */
export type ScoreRow = typeof scores.$inferSelect;

type Packed = [
  number,
  number,
  number,
  number,
  string,
  ScoreRow['provenance'],
  string | null,
  number,
  number | null,
  number | null,
  string | null,
];

const ms = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)`;

/**
 * The scores some models show in a lane (on a past day with `asOf`: recorded by then, neither
 * superseded nor retracted by then), packed as compact JSON arrays, in ONE statement; with
 * `withCatalog`, the catalog comes in the same statement. Rows are in id order per model; which
 * one counts per benchmark is the pure rule's choice (effectiveRows).
 */
export async function loadModelScores(
  db: Database,
  spec: { lane: Lane; asOf?: string | null; modelIds: readonly number[]; withCatalog: boolean },
): Promise<{ byModel: Map<number, ScoreRow[]>; catalog: CatalogRows | null }> {
  const ids = sql.join(
    spec.modelIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const visible = scoresVisibleSql(spec.asOf);
  const lane = spec.lane === 'VERIFIED' ? sql`and s.provenance = 'INDEPENDENT'` : sql``;
  const result = await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_array(
          s.id, s.model_id, s.benchmark_id, s.value, s.source, s.provenance, s.measured_on,
          ${ms(sql`s.recorded_at`)}, ${ms(sql`s.superseded_at`)}, ${ms(sql`s.retracted_at`)}, s.retraction_reason) order by s.id), '[]')
        from scores s where s.model_id in (${ids}) and ${visible} ${lane}) as scores
      ${spec.withCatalog ? sql`, ${catalogColumnsSql}` : sql``}
  `);
  const row = rowsOf<Record<string, unknown>>(result)[0] ?? {};
  const byModel = new Map<number, ScoreRow[]>(spec.modelIds.map((id) => [id, []]));
  const date = (value: number | null) => (value === null ? null : new Date(Number(value)));
  for (const [
    id,
    modelId,
    benchmarkId,
    value,
    source,
    provenance,
    measuredOn,
    recordedAt,
    supersededAt,
    retractedAt,
    retractionReason,
  ] of jsonOf<Packed[]>(row.scores) ?? []) {
    byModel.get(modelId)?.push({
      id,
      modelId,
      benchmarkId,
      value,
      source,
      provenance,
      measuredOn,
      recordedAt: new Date(Number(recordedAt)),
      supersededAt: date(supersededAt),
      retractedAt: date(retractedAt),
      retractionReason,
    });
  }
  return { byModel, catalog: spec.withCatalog ? catalogFromRow(row) : null };
}
