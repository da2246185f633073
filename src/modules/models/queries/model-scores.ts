import { sql } from 'drizzle-orm';
import { fieldPositions, PACKED_SCORE_FIELDS } from '../../../domain/scoring/packed.js';
import type { Lane } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../../db/client.js';
import type { scores } from '../../../db/tables/index.js';
import { scoresVisibleSql } from './as-of.js';
import { epochMs, packedRowSql, SCORE_FACT_COLUMNS } from './scoring.js';
import { catalogColumnsSql, catalogFromRow, type CatalogRows } from '../../catalog/service.js';

/** A stored score row, as the GraphQL Score type reads it. */
export type ScoreRow = typeof scores.$inferSelect;

/**
 * The packed format of whole score rows: the packed-scores fields (so `unpackScore` reads them),
 * then what only the score list shows. Packer and reader both take the order from this list.
 */
const SCORE_ROW_FIELDS = [
  ...PACKED_SCORE_FIELDS,
  'source',
  'supersededAt',
  'retractedAt',
  'retractionReason',
] as const satisfies readonly (keyof ScoreRow)[];

const SCORE_ROW_COLUMNS = {
  ...SCORE_FACT_COLUMNS,
  source: sql`s.source`,
  supersededAt: epochMs(sql`s.superseded_at`),
  retractedAt: epochMs(sql`s.retracted_at`),
  retractionReason: sql`s.retraction_reason`,
};

// Typed by the list: a ScoreRow field missing from it fails to compile below.
const at = fieldPositions(SCORE_ROW_FIELDS);
const date = (value: unknown) => (value === null ? null : new Date(Number(value)));

/**
 * One packed score row read back, as one object literal: an analyst's page reads thousands, and
 * spreading `unpackScore`'s object into a second one doubled the allocations (40 % more CPU per page).
 */
function unpackScoreRow(row: readonly unknown[]): ScoreRow {
  return {
    id: row[at.id] as number,
    modelId: row[at.modelId] as number,
    benchmarkId: row[at.benchmarkId] as number,
    value: row[at.value] as number,
    provenance: row[at.provenance] as ScoreRow['provenance'],
    measuredOn: row[at.measuredOn] as string | null,
    recordedAt: new Date(Number(row[at.recordedAt])),
    source: row[at.source] as string,
    supersededAt: date(row[at.supersededAt]),
    retractedAt: date(row[at.retractedAt]),
    retractionReason: row[at.retractionReason] as string | null,
  };
}

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
      (select coalesce(json_agg(${packedRowSql(SCORE_ROW_FIELDS, SCORE_ROW_COLUMNS)} order by s.id), '[]')
        from scores s where s.model_id in (${ids}) and ${visible} ${lane}) as scores
      ${spec.withCatalog ? sql`, ${catalogColumnsSql}` : sql``}
  `);
  const row = rowsOf<Record<string, unknown>>(result)[0] ?? {};
  const byModel = new Map<number, ScoreRow[]>(spec.modelIds.map((id) => [id, []]));
  for (const packed of jsonOf<unknown[][]>(row.scores) ?? []) {
    const score = unpackScoreRow(packed);
    byModel.get(score.modelId)?.push(score);
  }
  return { byModel, catalog: spec.withCatalog ? catalogFromRow(row) : null };
}
