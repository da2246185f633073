import { and, desc, inArray, isNull, sql } from 'drizzle-orm';
import type { Transaction as Tx } from '../../db/client.js';
import { modelPrices, scores } from '../../db/tables/index.js';
import type { Dataset } from './dataset.js';
import type { TableCounts } from './write.js';
import { chunks, need } from './write-slugs.js';

type PriceRow = typeof modelPrices.$inferInsert;
type ScoreRow = typeof scores.$inferInsert;

/** The columns that make a score the same figure: a changed value of the same identity supersedes it. */
interface ScoreIdentity {
  modelId: number;
  benchmarkId: number;
  source: string;
  provenance: string;
  measuredOn: string | null;
}

const scoreKey = (s: ScoreIdentity) => JSON.stringify([s.modelId, s.benchmarkId, s.source, s.provenance, s.measuredOn]);

/** Each model's latest price, by model id. */
async function latestPrices(tx: Tx, ids: number[]) {
  const current = await tx
    .selectDistinctOn([modelPrices.modelId])
    .from(modelPrices)
    .where(inArray(modelPrices.modelId, ids))
    .orderBy(modelPrices.modelId, desc(modelPrices.effectiveFrom));
  return new Map(current.map((p) => [p.modelId, p]));
}

/** The price rows to write (new or changed prices), counting each model's price on the way. */
function planPrices(
  ds: Dataset,
  ids: number[],
  latest: Awaited<ReturnType<typeof latestPrices>>,
  today: string,
  counts: TableCounts,
): PriceRow[] {
  const rows: PriceRow[] = [];
  ds.models.forEach((m, i) => {
    const modelId = ids[i] as number;
    const price = {
      inputPrice: m.inputPricePerMTok,
      outputPrice: m.outputPricePerMTok,
      cachedInputPrice: m.cachedInputPricePerMTok ?? null,
    };
    const old = latest.get(modelId);
    if (!old) {
      counts.created += 1;
      rows.push({ modelId, effectiveFrom: m.releaseDate ?? today, ...price });
    } else if (
      old.inputPrice === price.inputPrice &&
      old.outputPrice === price.outputPrice &&
      old.cachedInputPrice === price.cachedInputPrice
    ) {
      counts.unchanged += 1;
    } else {
      counts.updated += 1;
      // A price dated in the future has not taken effect, so it is not history yet: correct it in
      // place rather than slipping an earlier row under it that would never become current.
      rows.push({ modelId, effectiveFrom: old.effectiveFrom > today ? old.effectiveFrom : today, ...price });
    }
  });
  return rows;
}

/** Records each model's current price: a changed price becomes a new dated row, the old one stays as history. */
export async function writePrices(
  tx: Tx,
  ds: Dataset,
  modelIds: Map<string, number>,
  today: string,
): Promise<TableCounts> {
  const counts: TableCounts = { created: 0, updated: 0, unchanged: 0 };
  const ids = ds.models.map((m) => need(modelIds, m.slug, 'model'));
  if (ids.length === 0) return counts;
  const rows = planPrices(ds, ids, await latestPrices(tx, ids), today, counts);
  for (const part of chunks(rows)) {
    await tx
      .insert(modelPrices)
      .values(part)
      .onConflictDoUpdate({
        target: [modelPrices.modelId, modelPrices.effectiveFrom],
        set: {
          inputPrice: sql`excluded.input_price`,
          outputPrice: sql`excluded.output_price`,
          cachedInputPrice: sql`excluded.cached_input_price`,
          recordedAt: sql`now()`,
        },
      });
  }
  return counts;
}

/** The current scores of the dataset's models, by identity. */
async function currentScores(tx: Tx, ds: Dataset, modelIds: Map<string, number>) {
  // Retracted rows are current too (the unique index says so): one with the same value stays
  // retracted, since re-importing a figure is no reason to un-retract it.
  const current = await tx
    .select({
      id: scores.id,
      modelId: scores.modelId,
      benchmarkId: scores.benchmarkId,
      source: scores.source,
      provenance: scores.provenance,
      measuredOn: scores.measuredOn,
      value: scores.value,
    })
    .from(scores)
    .where(
      and(
        isNull(scores.supersededAt),
        inArray(scores.modelId, [...new Set(ds.scores.map((s) => need(modelIds, s.model, 'model')))]),
      ),
    );
  return new Map(current.map((s) => [scoreKey(s), s]));
}

/** The score rows to write and the current rows they supersede, counting each score on the way. */
function planScores(
  ds: Dataset,
  ids: { models: Map<string, number>; benchmarks: Map<string, number> },
  byKey: Awaited<ReturnType<typeof currentScores>>,
  counts: TableCounts,
): { rows: ScoreRow[]; superseded: number[] } {
  const superseded: number[] = [];
  const rows: ScoreRow[] = [];
  for (const s of ds.scores) {
    const row = {
      modelId: need(ids.models, s.model, 'model'),
      benchmarkId: need(ids.benchmarks, s.benchmark, 'benchmark'),
      value: s.value,
      source: s.source,
      provenance: s.verified ? ('INDEPENDENT' as const) : ('SELF_REPORTED' as const),
      measuredOn: s.measuredOn ?? null,
    };
    const old = byKey.get(scoreKey(row));
    if (old && old.value === row.value) {
      counts.unchanged += 1;
      continue;
    }
    if (old) {
      counts.updated += 1;
      superseded.push(old.id);
    } else {
      counts.created += 1;
    }
    rows.push(row);
  }
  return { rows, superseded };
}

/** Records scores: a changed value becomes a new row that supersedes the old one, which stays as history. */
export async function writeScores(
  tx: Tx,
  ds: Dataset,
  modelIds: Map<string, number>,
  benchmarkIds: Map<string, number>,
): Promise<TableCounts> {
  const counts: TableCounts = { created: 0, updated: 0, unchanged: 0 };
  if (ds.scores.length === 0) return counts;
  const byKey = await currentScores(tx, ds, modelIds);
  const { rows, superseded } = planScores(ds, { models: modelIds, benchmarks: benchmarkIds }, byKey, counts);
  // Supersede first: the partial unique index allows one current row per identity. now() is the
  // transaction's start, so the old row's supersededAt equals the new row's recordedAt.
  for (const part of chunks(superseded)) {
    await tx
      .update(scores)
      .set({ supersededAt: sql`now()` })
      .where(inArray(scores.id, part));
  }
  for (const part of chunks(rows)) await tx.insert(scores).values(part);
  return counts;
}
