import { sql, type SQL } from 'drizzle-orm';
import type { Lane } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../../db/client.js';
import type { StoredBenchmarkFit } from '../../../db/tables/index.js';
import { catalogColumnsSql, catalogFromRow, type CatalogRows } from '../../catalog/service.js';
import { CURRENT_SCORE } from '../../models/service.js';
import { type BenchmarkFit, type EstimateShape, type FitSource, LaneFit } from '../lane-fit.js';

/** A lane's stored fit row as JSON: what the fit is of, and every benchmark's parameters. */
export interface FitJson {
  fittedAt: string;
  methodologyVersion: string;
  scoresChangedAt: string | null;
  models: number;
  rankedModels: number;
  scoresUsed: number;
  rounds: number;
  converged: boolean;
  benchmarks: StoredBenchmarkFit[];
}

/** An estimate row as a compact JSON array, in the order of `ESTIMATE_COLUMNS`. */
export type EstimateJson = [
  number,
  number,
  number,
  number,
  number,
  number,
  number | null,
  number | null,
  number | null,
];

/** The columns (alias `e`) an estimate row packs. */
export const ESTIMATE_COLUMNS = sql`json_build_array(e.model_id, e.theta, e.standard_error, e.lower, e.upper,
  e.scores, e.rank, e.best_rank, e.worst_rank)`;

/** The stored fit of a lane as one JSON value (null when the lane has none). */
export const fitJsonSql = (lane: Lane): SQL => sql`(select json_build_object(
    'fittedAt', f.fitted_at, 'methodologyVersion', f.methodology_version, 'scoresChangedAt', f.scores_changed_at,
    'models', f.models, 'rankedModels', f.ranked_models, 'scoresUsed', f.scores_used, 'rounds', f.rounds,
    'converged', f.converged, 'benchmarks', f.benchmarks)
  from capability_fits f where f.lane = ${lane})`;

/** A list of ids as SQL (never empty, so `in (...)` stays valid). */
const idList = (ids: readonly number[]): SQL =>
  sql.join(
    [...ids, -1].map((id) => sql`${id}`),
    sql`, `,
  );

/** The estimates of some models in a lane's stored fit, as one JSON array. */
const estimatesJsonSql = (lane: Lane, modelIds: readonly number[]): SQL =>
  sql`(select coalesce(json_agg(${ESTIMATE_COLUMNS}), '[]') from capability_estimates e
    where e.lane = ${lane} and e.model_id in (${idList(modelIds)}))`;

/** Per model, the benchmarks it has a current score on in the lane (where a prediction would not be one). */
const scoredJsonSql = (lane: Lane, modelIds: readonly number[]): SQL => {
  const inLane = lane === 'VERIFIED' ? sql`and s.provenance = 'INDEPENDENT'` : sql``;
  return sql`(select coalesce(json_object_agg(x.model_id, x.ids), '{}') from (
      select s.model_id, array_agg(distinct s.benchmark_id) as ids from scores s
      where ${CURRENT_SCORE} ${inLane} and s.model_id in (${idList(modelIds)})
      group by s.model_id) x)`;
};

/** The source of a stored fit, read back. */
export function sourceFromJson(lane: Lane, fit: FitJson): FitSource {
  return {
    lane,
    fittedAt: new Date(fit.fittedAt),
    asOf: null,
    methodologyVersion: fit.methodologyVersion,
    scoresChangedAt: fit.scoresChangedAt === null ? null : new Date(fit.scoresChangedAt),
    models: fit.models,
    rankedModels: fit.rankedModels,
    benchmarks: fit.benchmarks.length,
    scoresUsed: fit.scoresUsed,
    rounds: fit.rounds,
    converged: fit.converged,
  };
}

/** One packed estimate read back. */
export function estimateFromJson(row: EstimateJson, source: FitSource): EstimateShape {
  const [modelId, theta, standardError, lower, upper, scores, rank, bestRank, worstRank] = row;
  return { modelId, theta, standardError, lower, upper, scores, rank, bestRank, worstRank, source };
}

/** A lane's stored fit as the read model, from the JSON the statements below return. */
function laneFitFromJson(lane: Lane, fitValue: unknown, estimatesValue: unknown, scoredValue?: unknown): LaneFit {
  const fit = jsonOf<FitJson>(fitValue);
  if (!fit) return LaneFit.empty();
  const source = sourceFromJson(lane, fit);
  const estimates = (jsonOf<EstimateJson[]>(estimatesValue) ?? []).map((row) => estimateFromJson(row, source));
  const benchmarks = new Map<number, BenchmarkFit>(fit.benchmarks.map((b) => [b.id, b]));
  const scored = new Map(
    Object.entries(jsonOf<Record<string, number[]>>(scoredValue) ?? {}).map(([id, ids]) => [Number(id), new Set(ids)]),
  );
  return new LaneFit(source, new Map(estimates.map((e) => [e.modelId, e])), benchmarks, (id) => scored.get(id));
}

/**
 * A lane's stored fit for some models, in ONE statement: the fit row, their estimates, the benchmarks
 * the `predictedIds` models have scores on, and (with `withCatalog`) the catalog, which the
 * request's catalog loader then needs not load again.
 */
export async function loadLaneFit(
  db: Database,
  spec: { lane: Lane; modelIds: readonly number[]; predictedIds: readonly number[]; withCatalog: boolean },
): Promise<{ fit: LaneFit; catalog: CatalogRows | null }> {
  const { lane, modelIds, predictedIds } = spec;
  const scored = predictedIds.length > 0 ? scoredJsonSql(lane, predictedIds) : sql`null`;
  const result = await db.execute(sql`
    select ${fitJsonSql(lane)} as fit, ${estimatesJsonSql(lane, modelIds)} as estimates, ${scored} as scored
      ${spec.withCatalog ? sql`, ${catalogColumnsSql}` : sql``}`);
  const row = rowsOf<Record<string, unknown>>(result)[0];
  return {
    fit: laneFitFromJson(lane, row?.fit, row?.estimates, row?.scored),
    catalog: spec.withCatalog ? catalogFromRow(row) : null,
  };
}

/**
 * The stored fit of a lane for some models, as one JSON column of another statement (a comparison
 * brings it along with its scores); `readCapabilityColumn` reads it back.
 */
export function capabilityColumnSql(lane: Lane, modelIds: readonly number[]): SQL {
  return sql`json_build_object('fit', ${fitJsonSql(lane)}, 'estimates', ${estimatesJsonSql(lane, modelIds)})`;
}

/** The lane fit a `capabilityColumnSql` column holds. */
export function readCapabilityColumn(lane: Lane, value: unknown): LaneFit {
  const column = jsonOf<{ fit: unknown; estimates: unknown }>(value);
  return laneFitFromJson(lane, column?.fit ?? null, column?.estimates ?? null);
}
