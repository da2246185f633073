import { and, eq, isNull, sql } from 'drizzle-orm';
import { resolveWeightInputs, WeightInputError, type WeightInput } from '../../domain/profile/weights.js';
import { recordAudit } from './audit.js';
import type { Database } from '../../db/client.js';
import { DatasetError, validateDataset, type RawDataset } from './dataset.js';
import { loadKnownRows } from './known.js';
import { writeDataset, type Actor, type WriteSummary } from './write.js';
import { refreshProfiles } from '../leaderboard/refresh.js';
import { loadCatalog } from '../catalog/queries.js';
import { categories, methodologyVersions, modelPrices, models, scores } from '../../db/tables/index.js';

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

const LOCK = sql`select pg_advisory_xact_lock(hashtext('llm-compare:write'))`;

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
    await tx.execute(LOCK);
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
    await tx.execute(LOCK);
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

/** New thresholds and category weights; whatever is left out keeps its current value. */
export interface MethodologyChange {
  categoryWeights?: readonly WeightInput[] | null;
  minBenchmarks?: number | null;
  minCategories?: number | null;
  note?: string | null;
}

/** Updates the methodology: a new version when anything differs, every stored profile recomputed with it. */
export async function updateMethodology(
  db: Database,
  change: MethodologyChange,
  actor: Actor,
): Promise<{ version: number; changed: boolean }> {
  const issues: ChangeIssue[] = [];
  for (const field of ['minBenchmarks', 'minCategories'] as const) {
    const value = change[field];
    if (value != null && (!Number.isInteger(value) || value < 1))
      issues.push({ path: [field], message: `${field}: must be a whole number ≥ 1, got ${value}` });
  }
  if (issues.length) throw new ChangeError('INVALID', issues);
  return db.transaction(async (tx) => {
    await tx.execute(LOCK);
    const catalog = await loadCatalog(tx as unknown as Database);
    let weights: Map<number, number> | null = null;
    if (change.categoryWeights) {
      try {
        weights = resolveWeightInputs(change.categoryWeights, new Map(catalog.categories.map((c) => [c.slug, c.id])));
      } catch (error) {
        if (!(error instanceof WeightInputError)) throw error;
        throw new ChangeError(error.path.endsWith('.category') ? 'NOT_FOUND' : 'INVALID', [
          {
            path: error.path
              .replace(/^weights/, 'categoryWeights')
              .split(/[[\].]+/)
              .filter(Boolean),
            message: error.message.replace(/^weights/, 'categoryWeights'),
          },
        ]);
      }
    }
    const next = {
      minBenchmarks: change.minBenchmarks ?? catalog.methodology.minBenchmarks,
      minCategories: change.minCategories ?? catalog.methodology.minCategories,
      weights: new Map(catalog.categories.map((c) => [c.id, weights ? (weights.get(c.id) ?? 0) : c.weight])),
    };
    const same =
      next.minBenchmarks === catalog.methodology.minBenchmarks &&
      next.minCategories === catalog.methodology.minCategories &&
      catalog.categories.every((c) => next.weights.get(c.id) === c.weight);
    if (same) return { version: catalog.methodology.version, changed: false };
    const changedCategories = catalog.categories.filter((c) => next.weights.get(c.id) !== c.weight);
    for (const c of changedCategories)
      await tx
        .update(categories)
        .set({ weight: next.weights.get(c.id)! })
        .where(eq(categories.id, c.id));
    const snapshot = Object.fromEntries(catalog.categories.map((c) => [c.slug, next.weights.get(c.id)!]));
    const [row] = await tx
      .insert(methodologyVersions)
      .values({
        minBenchmarks: next.minBenchmarks,
        minCategories: next.minCategories,
        categoryWeights: snapshot,
        note: change.note ?? null,
      })
      .returning({ version: methodologyVersions.version });
    await refreshProfiles(tx);
    await recordAudit(tx, actor, 'updateMethodology', {
      version: row!.version,
      minBenchmarks: next.minBenchmarks,
      minCategories: next.minCategories,
      categoryWeights: snapshot,
      note: change.note ?? null,
    });
    return { version: row!.version, changed: true };
  });
}
