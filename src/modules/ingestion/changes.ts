import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from './audit.js';
import type { Database } from '../../db/client.js';
import { DatasetError, validateDataset, type RawDataset } from './dataset.js';
import { loadKnownRows } from './known.js';
import { WRITE_LOCK, writeDataset, type Actor, type WriteSummary } from './write.js';
import { refreshProfiles } from '../leaderboard/service.js';
import { modelPrices, models, scores } from '../../db/tables/index.js';

/** One thing wrong with a mutation's input, and where (`['scores', 17, 'value']`). */
export interface ChangeIssue {
  path: (string | number)[];
  message: string;
}

/** A refused change: nothing was written. `NOT_FOUND` when the input names something that does not exist. */
export class ChangeError extends Error {
  constructor(
    readonly kind: 'INVALID' | 'NOT_FOUND',
    readonly issues: ChangeIssue[],
  ) {
    super(issues.map((i) => i.message).join('; '));
  }
}

/** Dataset validation problems as change issues with input paths. */
function fromDatasetError(error: DatasetError): ChangeError {
  return new ChangeError(
    'INVALID',
    error.issues.map((i) => ({
      path: [
        i.file.replace(/\.json$/, ''),
        ...(i.entry === null ? [] : [i.entry]),
        ...(i.field ? i.field.split('.') : []),
      ],
      message: i.message,
    })),
  );
}

/**
 * Validates a partial dataset against itself and the database, then writes it through the same
 * code as the importer (`writeDataset`). Every upsert and `recordScores` goes through here.
 */
export async function applyChanges(
  db: Database,
  raw: RawDataset,
  actor: Actor,
  operation: string,
  today?: string,
): Promise<WriteSummary> {
  let dataset;
  try {
    dataset = validateDataset(raw, { known: await loadKnownRows(db, raw), style: 'input' });
  } catch (error) {
    throw error instanceof DatasetError ? fromDatasetError(error) : error;
  }
  return writeDataset(db, dataset, { actor, operation, ...(today ? { today } : {}) });
}

/** A price with the day it takes effect. */
export interface PriceChange {
  model: string;
  input: number;
  output: number;
  cachedInput: number | null;
  effectiveFrom: string;
}

/** Records a model's price from a day on (history kept: an earlier price stays for earlier days). */
export async function setModelPricing(
  db: Database,
  change: PriceChange,
  actor: Actor,
): Promise<{ modelId: number; changed: boolean }> {
  const issues: ChangeIssue[] = [];
  for (const field of ['input', 'output', 'cachedInput'] as const) {
    const value = change[field];
    if (value !== null && (!Number.isFinite(value) || value < 0))
      issues.push({ path: [field], message: `${field}: must be a price ≥ 0 (USD per million tokens), got ${value}` });
  }
  if (issues.length) throw new ChangeError('INVALID', issues);
  return db.transaction(async (tx) => {
    await tx.execute(WRITE_LOCK);
    const [model] = await tx.select({ id: models.id }).from(models).where(eq(models.slug, change.model));
    if (!model)
      throw new ChangeError('NOT_FOUND', [
        { path: ['model'], message: `model: no model has the slug ${JSON.stringify(change.model)}` },
      ]);
    const [existing] = await tx
      .select()
      .from(modelPrices)
      .where(and(eq(modelPrices.modelId, model.id), eq(modelPrices.effectiveFrom, change.effectiveFrom)));
    const price = { inputPrice: change.input, outputPrice: change.output, cachedInputPrice: change.cachedInput };
    if (
      existing &&
      existing.inputPrice === price.inputPrice &&
      existing.outputPrice === price.outputPrice &&
      existing.cachedInputPrice === price.cachedInputPrice
    ) {
      return { modelId: model.id, changed: false };
    }
    await tx
      .insert(modelPrices)
      .values({ modelId: model.id, effectiveFrom: change.effectiveFrom, ...price })
      .onConflictDoUpdate({
        target: [modelPrices.modelId, modelPrices.effectiveFrom],
        set: { ...price, recordedAt: sql`now()` },
      });
    await recordAudit(tx, actor, 'setModelPricing', {
      model: change.model,
      effectiveFrom: change.effectiveFrom,
      before: existing ?? null,
      after: price,
    });
    return { modelId: model.id, changed: true };
  });
}

/** Retracts a current score with a reason: it stays on record, no longer counted. Retracting twice changes nothing. */
export async function retractScore(
  db: Database,
  id: number,
  reason: string,
  actor: Actor,
): Promise<{ changed: boolean; model?: string }> {
  if (!reason.trim()) throw new ChangeError('INVALID', [{ path: ['reason'], message: 'reason: must not be empty' }]);
  return db.transaction(async (tx) => {
    await tx.execute(WRITE_LOCK);
    const [score] = await tx
      .select()
      .from(scores)
      .where(and(eq(scores.id, id), isNull(scores.supersededAt)));
    if (!score)
      throw new ChangeError('NOT_FOUND', [{ path: ['id'], message: `id: no current score has the id ${id}` }]);
    if (score.retractedAt) return { changed: false };
    await tx
      .update(scores)
      .set({ retractedAt: sql`now()`, retractionReason: reason })
      .where(eq(scores.id, id));
    await refreshProfiles(tx, [score.modelId]);
    await recordAudit(tx, actor, 'retractScore', {
      id,
      modelId: score.modelId,
      benchmarkId: score.benchmarkId,
      value: score.value,
      reason,
    });
    const [model] = await tx.select({ slug: models.slug }).from(models).where(eq(models.id, score.modelId));
    return { changed: true, model: model?.slug };
  });
}
