import { eq, sql } from 'drizzle-orm';
import type { CapabilityStart } from '../../../domain/capability/types.js';
import type { Lane } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../../db/client.js';
import { capabilityEstimates, capabilityFits, models, type StoredBenchmarkFit } from '../../../db/tables/index.js';

/** A fingerprint of the data a fit depends on, and the time of the latest score change in it. */
export interface Watermark {
  watermark: string;
  scoresChangedAt: Date | null;
}

/** Epoch microseconds of a timestamp (-1 for none): the same text whatever the session's time zone. */
const micros = (column: string) => sql.raw(`coalesce(floor(extract(epoch from ${column}) * 1000000), -1)`);

/**
 * The watermark of the data now, in one statement. Score rows are never rewritten, only added,
 * superseded or retracted (and removed with their model), so the count, the last id and the latest
 * of each timestamp change with every write that can move a fit; the catalog part covers scales,
 * directions and categories (which decide composites). Benchmark weights are left out: the fit
 * ignores them.
 */
export async function loadWatermark(db: Database): Promise<Watermark> {
  const result = await db.execute(sql`
    with s as (
      select count(*) as n, max(id) as last_id, max(recorded_at) as recorded,
             max(superseded_at) as superseded, max(retracted_at) as retracted
      from scores
    )
    select md5(concat_ws('|', s.n, coalesce(s.last_id, -1), ${micros('s.recorded')}, ${micros('s.superseded')},
             ${micros('s.retracted')},
             (select string_agg(concat_ws(',', b.id, b.category_id, b.higher_is_better, b.scale_min, b.scale_max),
                                ';' order by b.id) from benchmarks b),
             (select string_agg(concat_ws(',', c.id, c.slug), ';' order by c.id) from categories c))) as watermark,
           greatest(s.recorded, s.superseded, s.retracted) as changed_at
    from s`);
  const row = rowsOf<{ watermark: string; changed_at: Date | string | null }>(result)[0]!;
  return { watermark: row.watermark, scoresChangedAt: row.changed_at === null ? null : new Date(row.changed_at) };
}

/** Which data and methodology each lane's stored fit is of. */
export async function loadFitStates(
  db: Database,
): Promise<Map<Lane, { methodologyVersion: string; watermark: string }>> {
  const rows = await db
    .select({
      lane: capabilityFits.lane,
      methodologyVersion: capabilityFits.methodologyVersion,
      watermark: capabilityFits.watermark,
    })
    .from(capabilityFits);
  return new Map(rows.map((r) => [r.lane, { methodologyVersion: r.methodologyVersion, watermark: r.watermark }]));
}

/** The stored fit's parameters of a lane (θ by model, d and ln a by benchmark), to start the next fit from. */
export async function loadWarmStart(db: Database, lane: Lane): Promise<CapabilityStart | undefined> {
  const result = await db.execute(sql`
    select f.benchmarks,
           (select coalesce(json_agg(json_build_array(e.model_id, e.theta)), '[]')
              from capability_estimates e where e.lane = f.lane) as theta
    from capability_fits f where f.lane = ${lane}`);
  const row = rowsOf<{ benchmarks: unknown; theta: unknown }>(result)[0];
  if (!row) return undefined;
  const benchmarks = jsonOf<StoredBenchmarkFit[]>(row.benchmarks) ?? [];
  return {
    theta: new Map(jsonOf<[number, number][]>(row.theta) ?? []),
    difficulty: new Map(benchmarks.map((b) => [b.id, b.difficulty])),
    logSlope: new Map(benchmarks.map((b) => [b.id, b.logSlope])),
  };
}

/** Every model id, ascending. */
export async function loadModelIds(db: Database): Promise<number[]> {
  return (await db.select({ id: models.id }).from(models).orderBy(models.id)).map((r) => r.id);
}

const ROWS_PER_INSERT = 5000;

/** Replaces a lane's stored fit (its row and every estimate) in one transaction. */
export async function storeFit(
  db: Database,
  fit: typeof capabilityFits.$inferInsert,
  estimates: (typeof capabilityEstimates.$inferInsert)[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(capabilityFits).values(fit).onConflictDoUpdate({ target: capabilityFits.lane, set: fit });
    await tx.delete(capabilityEstimates).where(eq(capabilityEstimates.lane, fit.lane));
    for (let i = 0; i < estimates.length; i += ROWS_PER_INSERT) {
      await tx.insert(capabilityEstimates).values(estimates.slice(i, i + ROWS_PER_INSERT));
    }
  });
}
