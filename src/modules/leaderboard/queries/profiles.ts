import { inArray, sql, type SQL } from 'drizzle-orm';
import { confidenceOf } from '../../../domain/profile/confidence.js';
import type { Profile } from '../../../domain/profile/profiles.js';
import type { ScoreFacts } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../../db/client.js';
import { capabilityColumnSql, readCapabilityColumn, type LaneFit } from '../../capability/service.js';
import { CURRENT_SCORE, packedScoresSql, unpackScores } from '../../models/service.js';
import { standingsSql, type StandingsSpec } from './standings.js';

interface ProfileJson {
  modelId: number;
  overall: number | null;
  ranked: boolean;
  rank: number | null;
  benchmarkCount: number;
  categoryCount: number;
  categories: { categoryId: number; score: number; rank: number | null }[];
}

/**
 * JSON profiles (METHODOLOGY.md §3) of some models from the stored profile tables: overall (with
 * the caller's weights when given), rank among all ranked models, and each category score with
 * its rank among the eligible models.
 */
function profilesJsonSql(spec: Omit<StandingsSpec, 'categoryId'>, modelIds: readonly number[]): SQL {
  const ids = sql.join(
    modelIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const overall = spec.weights
    ? sql`(select sum(w.weight * c.score) / nullif(sum(w.weight), 0)
           from profile_categories c
           join (values ${sql.join(
             [...spec.weights]
               .filter(([, w]) => w > 0)
               .map(([id, w]) => sql`(${id}::int, ${w}::float8)`)
               .concat(sql`(null::int, 0::float8)`),
             sql`, `,
           )}) as w(category_id, weight)
             on w.category_id = c.category_id
           where c.lane = p.lane and c.model_id = p.model_id and w.weight > 0)`
    : sql`p.overall`;
  // The stored rank, unless caller weights re-rank everyone.
  const standing = spec.weights
    ? sql`left join ${standingsSql({ ...spec, categoryId: null })} s on s.model_id = p.model_id`
    : sql``;
  const rank = spec.weights ? sql`s.rank` : sql`p.rank`;
  return sql`(
    select coalesce(json_agg(json_build_object(
      'modelId', p.model_id, 'overall', ${overall}, 'ranked', ${rank} is not null, 'rank', ${rank},
      'benchmarkCount', p.benchmark_count, 'categoryCount', p.category_count,
      'categories', (
        select coalesce(json_agg(json_build_object(
          'categoryId', c.category_id, 'score', c.score,
          'rank', c.rank)
          order by c.category_id), '[]')
        from profile_categories c where c.lane = p.lane and c.model_id = p.model_id)
    )), '[]')
    from profiles p
    ${standing}
    where p.lane = ${spec.lane} and p.model_id in (${ids})
  )`;
}

/** The pure `Profile` shape from a stored one; a model without any score gets the empty profile. */
export function toProfile(modelId: number, json: ProfileJson | undefined): Profile {
  if (!json) {
    return {
      modelId,
      categoryScores: new Map(),
      overall: null,
      ranked: false,
      rank: null,
      categoryRanks: new Map(),
      confidence: confidenceOf(0, 0),
      counts: { categories: 0, benchmarks: 0 },
    };
  }
  return {
    modelId,
    categoryScores: new Map(json.categories.map((c) => [c.categoryId, c.score])),
    overall: json.overall,
    ranked: json.ranked,
    rank: json.rank === null ? null : Number(json.rank),
    categoryRanks: new Map(json.categories.filter((c) => c.rank !== null).map((c) => [c.categoryId, Number(c.rank)])),
    confidence: confidenceOf(json.categoryCount, json.benchmarkCount),
    counts: { categories: json.categoryCount, benchmarks: json.benchmarkCount },
  };
}

/** The profiles of some models in one statement, in the order of `modelIds`. */
export async function loadProfiles(
  db: Database,
  spec: Omit<StandingsSpec, 'categoryId'>,
  modelIds: readonly number[],
): Promise<Profile[]> {
  if (modelIds.length === 0) return [];
  const result = await db.execute(sql`select ${profilesJsonSql(spec, modelIds)} as profiles`);
  const list = jsonOf<ProfileJson[]>(rowsOf<{ profiles: ProfileJson[] | string }>(result)[0]?.profiles) ?? [];
  const byId = new Map(list.map((p) => [p.modelId, p]));
  return modelIds.map((id) => toProfile(id, byId.get(id)));
}

/**
 * What a comparison needs beyond the models and catalog, in ONE statement: the current scores of
 * the compared models, their stored profiles (with ranks among all models) and their estimates in
 * the lane's stored capability fit.
 */
export async function loadComparisonFacts(
  db: Database,
  lane: StandingsSpec['lane'],
  modelIds: readonly number[],
): Promise<{ scores: ScoreFacts[]; profiles: Map<number, Profile>; capability: LaneFit }> {
  const result = await db.execute(sql`
    select
      ${packedScoresSql(sql`${inArray(sql`s.model_id`, [...modelIds])} and ${CURRENT_SCORE}`)} as scores,
      ${profilesJsonSql({ lane }, modelIds)} as profiles,
      ${capabilityColumnSql(lane, modelIds)} as capability
  `);
  const row = rowsOf<{ scores: unknown; profiles: unknown; capability: unknown }>(result)[0];
  const list = jsonOf<ProfileJson[]>(row?.profiles) ?? [];
  const byId = new Map(list.map((p) => [p.modelId, p]));
  return {
    scores: unpackScores(row?.scores),
    profiles: new Map(modelIds.map((id) => [id, toProfile(id, byId.get(id))])),
    capability: readCapabilityColumn(lane, row?.capability),
  };
}
