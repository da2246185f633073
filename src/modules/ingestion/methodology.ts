import { eq } from 'drizzle-orm';
import { resolveWeightInputs, WeightInputError, type WeightInput } from '../../domain/profile/weights.js';
import type { Database, Transaction } from '../../db/client.js';
import { categories, methodologyVersions } from '../../db/tables/index.js';
import { loadCatalog } from '../catalog/service.js';
import type { CatalogRows } from '../catalog/service.js';
import { refreshProfiles } from '../leaderboard/service.js';
import { recordAudit } from './audit.js';
import { ChangeError, type ChangeIssue } from './changes.js';
import { WRITE_LOCK, type Actor } from './write.js';

/** New thresholds and category weights; whatever is left out keeps its current value. */
export interface MethodologyChange {
  categoryWeights?: readonly WeightInput[] | null;
  minBenchmarks?: number | null;
  minCategories?: number | null;
  note?: string | null;
}

/** The category weights a change asks for, by category id; null when it leaves them as they are. */
function requestedWeights(change: MethodologyChange, catalog: CatalogRows): Map<number, number> | null {
  if (!change.categoryWeights) return null;
  try {
    return resolveWeightInputs(change.categoryWeights, new Map(catalog.categories.map((c) => [c.slug, c.id])));
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

/** The methodology a change leads to: what it leaves out keeps its current value. */
interface NextMethodology {
  minBenchmarks: number;
  minCategories: number;
  weights: Map<number, number>;
}

/** Stores a new methodology version (changed category weights first) and recomputes every profile with it. */
async function writeMethodology(
  tx: Transaction,
  catalog: CatalogRows,
  next: NextMethodology,
  change: MethodologyChange,
  actor: Actor,
): Promise<number> {
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
  return row!.version;
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
    await tx.execute(WRITE_LOCK);
    const catalog = await loadCatalog(tx as unknown as Database);
    const weights = requestedWeights(change, catalog);
    const next: NextMethodology = {
      minBenchmarks: change.minBenchmarks ?? catalog.methodology.minBenchmarks,
      minCategories: change.minCategories ?? catalog.methodology.minCategories,
      weights: new Map(catalog.categories.map((c) => [c.id, weights ? (weights.get(c.id) ?? 0) : c.weight])),
    };
    const same =
      next.minBenchmarks === catalog.methodology.minBenchmarks &&
      next.minCategories === catalog.methodology.minCategories &&
      catalog.categories.every((c) => next.weights.get(c.id) === c.weight);
    if (same) return { version: catalog.methodology.version, changed: false };
    return { version: await writeMethodology(tx, catalog, next, change, actor), changed: true };
  });
}
