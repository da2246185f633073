import { sql, type SQL } from 'drizzle-orm';
import { rankSql } from '../../../domain/profile/ranking.js';
import { tenthsSql } from '../../../domain/scoring/equality.js';
import type { Lane } from '../../../domain/scoring/types.js';

/** Which standings to read: a lane's overall or one category's, with the lane's weights or the caller's. */
export interface StandingsSpec {
  lane: Lane;
  /** A category id: rank the models eligible in it by category score. */
  categoryId?: number | null;
  /** Caller weights by category id, replacing the lane's (a category left out weighs 0). */
  weights?: ReadonlyMap<number, number> | null;
}

const NO_STANDINGS = sql`(select null::int as model_id, null::float8 as score, null::int as tenths,
  null::bigint as rank, null::int as benchmark_count, null::int as category_count where false)`;

/**
 * SQL for one lane's standings, a `standings(model_id, score, tenths, rank, benchmark_count,
 * category_count)` subquery: every model that can be ranked, with its score in tenths (the
 * one-decimal equality of METHODOLOGY.md, `tenths()` in src/domain/scoring/equality.ts) and its
 * rank (1 + models strictly higher). Read from the stored profiles and their stored ranks; with
 * caller weights the overall is re-averaged from the stored category scores and ranked here, by
 * the SQL twins of `tenths()` and `competitionRanks`.
 */
export function standingsSql(spec: StandingsSpec): SQL {
  if (spec.categoryId != null) {
    return sql`(
      select pc.model_id, pc.score, pc.score_tenths as tenths, pc.rank,
             p.benchmark_count, p.category_count
      from profile_categories pc
      join profiles p on p.lane = pc.lane and p.model_id = pc.model_id
      where pc.lane = ${spec.lane} and pc.category_id = ${spec.categoryId} and pc.eligible
    )`;
  }
  if (!spec.weights) {
    return sql`(
      select p.model_id, p.overall as score, p.overall_tenths as tenths, p.rank,
             p.benchmark_count, p.category_count
      from profiles p
      where p.lane = ${spec.lane} and p.ranked
    )`;
  }
  const entries = [...spec.weights].filter(([, w]) => w > 0);
  if (entries.length === 0) return NO_STANDINGS;
  const weights = sql.join(
    entries.map(([id, w]) => sql`(${id}::int, ${w}::float8)`),
    sql`, `,
  );
  // Renormalised over the categories where the model has a score and the weight is positive.
  return sql`(
    select o.model_id, o.score, o.tenths, ${rankSql(sql, sql`o.tenths`)} as rank,
           o.benchmark_count, o.category_count
    from (
      select pc.model_id, sum(w.weight * pc.score) / sum(w.weight) as score,
             ${tenthsSql(sql, sql`(sum(w.weight * pc.score) / sum(w.weight))`)} as tenths,
             min(p.benchmark_count) as benchmark_count, min(p.category_count) as category_count
      from profile_categories pc
      join (values ${weights}) as w(category_id, weight) on w.category_id = pc.category_id
      join profiles p on p.lane = pc.lane and p.model_id = pc.model_id and p.meets_threshold
      where pc.lane = ${spec.lane}
      group by pc.model_id
    ) o
  )`;
}
