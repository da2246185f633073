import { inArray, sql } from 'drizzle-orm';
import { rankSql } from '../../domain/profile/ranking.js';
import { methodologyOf } from '../../domain/scoring/methodology.js';
import { rowsOf, type Database, type Executor } from '../../db/client.js';
import { loadCatalog } from '../catalog/service.js';
import { models, profileCategories, profiles } from '../../db/tables/index.js';
import { loadCurrentScores } from '../models/service.js';
import { profileRows } from './profile-rows.js';

// Enough models per round trip to amortise it, few enough (x benchmarks) to keep memory flat.
const MODELS_PER_CHUNK = 250;
const ROWS_PER_INSERT = 5000;

async function insertChunked<T extends Record<string, unknown>>(
  write: (rows: T[]) => Promise<unknown>,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await write(rows.slice(i, i + ROWS_PER_INSERT));
}

/**
 * Recomputes the stored profiles of the given models (all models when omitted) from their current
 * scores, with the pure §3 functions. Call it in the same transaction as any write that changes
 * scores, benchmarks or category weights, so the stored profiles are always exact.
 */
export async function refreshProfiles(db: Executor, modelIds?: readonly number[]): Promise<void> {
  const catalog = await loadCatalog(db as Database);
  const methodology = methodologyOf(catalog.categories, catalog.methodology);
  const ids = modelIds ?? (await db.select({ id: models.id }).from(models).orderBy(models.id)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += MODELS_PER_CHUNK) {
    const chunk = ids.slice(i, i + MODELS_PER_CHUNK);
    const rows = profileRows(catalog, await loadCurrentScores(db, chunk), methodology);
    await db.delete(profileCategories).where(inArray(profileCategories.modelId, chunk));
    await db.delete(profiles).where(inArray(profiles.modelId, chunk));
    await insertChunked((r) => db.insert(profiles).values(r), rows.profiles);
    await insertChunked((r) => db.insert(profileCategories).values(r), rows.categories);
  }
  await rerankProfiles(db);
}

/**
 * Recounts every stored rank (1 + the models strictly higher, in tenths: `rankSql`, the twin of the
 * `competitionRanks` the pure profiles use), overall per lane and per lane and category, writing only
 * the rows whose rank changed. A refresh of one model moves the others' ranks too, so this runs after
 * every refresh, in its transaction.
 */
export async function rerankProfiles(db: Executor): Promise<void> {
  const overallRank = rankSql(sql, sql`overall_tenths`, sql`lane, ranked`);
  await db.execute(sql`
    update profiles p set rank = r.rank
    from (
      select lane, model_id, case when ranked then ${overallRank} end as rank
      from profiles
    ) r
    where p.lane = r.lane and p.model_id = r.model_id and p.rank is distinct from r.rank`);
  const categoryRank = rankSql(sql, sql`score_tenths`, sql`lane, category_id, eligible`);
  await db.execute(sql`
    update profile_categories c set rank = r.rank
    from (
      select lane, model_id, category_id, case when eligible then ${categoryRank} end as rank
      from profile_categories
    ) r
    where c.lane = r.lane and c.model_id = r.model_id and c.category_id = r.category_id
      and c.rank is distinct from r.rank`);
}

/** Fills the profile tables when models exist but have no profile yet (a database older than those tables). */
export async function ensureProfiles(db: Database): Promise<boolean> {
  const [state] = rowsOf<{ has_models: boolean; has_profiles: boolean }>(
    await db.execute(
      sql`select exists(select 1 from models) as has_models, exists(select 1 from profiles) as has_profiles`,
    ),
  );
  if (!state?.has_models || state.has_profiles) return false;
  await db.transaction((tx) => refreshProfiles(tx));
  return true;
}
