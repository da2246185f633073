import type { Provenance, ScoreFacts } from './types.js';

/**
 * The packed-scores format: large score sets travel from the database as one JSON array of compact
 * arrays, each holding these fields in this order. The SQL packer (src/modules/models/queries/scoring.ts)
 * and `unpackScore` both take the order from this list, so it is written once. Formats carrying more
 * fields append theirs after these, so `unpackScore` reads their first fields too.
 */
export const PACKED_SCORE_FIELDS = [
  'id',
  'modelId',
  'benchmarkId',
  'value',
  'provenance',
  'measuredOn',
  'recordedAt',
] as const satisfies readonly (keyof ScoreFacts)[];

/** Each field's position in a packed row of a format. */
export function fieldPositions<K extends string>(fields: readonly K[]): Record<K, number> {
  return Object.fromEntries(fields.map((field, i) => [field, i])) as Record<K, number>;
}

// Typed by the list: a ScoreFacts field missing from it fails to compile below.
const at = fieldPositions(PACKED_SCORE_FIELDS);

/** One packed score read back: the TypeScript twin of the SQL packer. */
export function unpackScore(row: readonly unknown[]): ScoreFacts {
  return {
    id: row[at.id] as number,
    modelId: row[at.modelId] as number,
    benchmarkId: row[at.benchmarkId] as number,
    value: row[at.value] as number,
    provenance: row[at.provenance] as Provenance,
    measuredOn: row[at.measuredOn] as string | null,
    // Epoch milliseconds, which some drivers hand back as text.
    recordedAt: Number(row[at.recordedAt]),
  };
}
