import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { blendedPrice } from '../../../domain/comparison/prices.js';
import { priceInEffectSql } from '../../../domain/prices/in-effect.js';
import { rowsOf, type Database } from '../../../db/client.js';
import { models } from '../../../db/tables/index.js';
import { modelFilterSql, type ModelFilterValues } from '../../models/service.js';
import { standingsSql, type StandingsSpec } from './standings.js';

/** One row of a leaderboard page. */
export interface StandingRow {
  modelId: number;
  slug: string;
  score: number;
  tenths: number;
  rank: number;
  benchmarkCount: number;
  categoryCount: number;
}

/** Where a page starts: after the row with this score (in tenths) and slug. */
export interface StandingCursor {
  tenths: number;
  slug: string;
}

/** A leaderboard page with the total across pages. */
export interface StandingPage {
  rows: StandingRow[];
  totalCount: number;
  hasNextPage: boolean;
}

interface RawRow {
  model_id: number;
  slug: string;
  score: number;
  tenths: number;
  rank: string | number;
  benchmark_count: number;
  category_count: number;
  total: string | number;
}

const m = alias(models, 'm');

/**
 * One page of a leaderboard in ONE statement: standings (ranks over all ranked or eligible
 * models, stored), the filter, the total, and keyset pagination on (score in tenths desc, slug asc), a
 * total order, so pages never overlap or skip across ties.
 */
export async function leaderboardPage(
  db: Database,
  spec: StandingsSpec & {
    filter?: ModelFilterValues | null;
    day: string;
    first: number;
    after?: StandingCursor | null;
  },
): Promise<StandingPage> {
  const filtering = modelFilterSql(m, spec.filter, spec.day);
  const filter: SQL = filtering ?? sql`true`;
  const after = spec.after
    ? sql`(f.tenths < ${spec.after.tenths}
        or (f.tenths = ${spec.after.tenths} and f.slug > ${spec.after.slug}))`
    : sql`true`;
  // Stored ranks are read inline, so the page walks the standings in index order and stops after
  // `first + 1`, and the total is counted on its own (without the models join when nothing is
  // filtered: every profile has its model); `nulls last` matches the indexes' order (no score is
  // null here). Caller weights rank in the query: computed once, as a CTE.
  const weighted = Boolean(spec.weights);
  const standings = weighted ? sql`standings` : standingsSql(spec);
  const total = filtering
    ? sql`(select count(*) from ${standings} s join models m on m.id = s.model_id where ${filter})`
    : sql`(select count(*) from ${standings} s)`;
  const result = await db.execute(sql`
    ${weighted ? sql`with standings as ${standingsSql(spec)}` : sql``}
    select f.model_id, f.slug, f.score, f.tenths, f.rank, f.benchmark_count, f.category_count,
           ${total} as total
    from (select s.*, m.slug from ${standings} s join models m on m.id = s.model_id where ${filter}) f
    where ${after}
    order by f.tenths desc nulls last, f.slug asc
    limit ${spec.first + 1}
  `);
  const raw = rowsOf<RawRow>(result);
  const rows = raw.slice(0, spec.first).map((r) => ({
    modelId: r.model_id,
    slug: r.slug,
    score: r.score,
    tenths: r.tenths,
    rank: Number(r.rank),
    benchmarkCount: r.benchmark_count,
    categoryCount: r.category_count,
  }));
  const totalCount = raw[0] ? Number(raw[0].total) : await countOnly(db, spec, filter);
  return { rows, totalCount, hasNextPage: raw.length > spec.first };
}

/** The total when the page itself is empty (a cursor past the end). */
async function countOnly(db: Database, spec: StandingsSpec, filter: SQL): Promise<number> {
  const result = await db.execute(sql`
    select count(*) as total from ${standingsSql(spec)} s join models m on m.id = s.model_id where ${filter}
  `);
  return Number(rowsOf<{ total: string | number }>(result)[0]?.total ?? 0);
}

/** A category's leader or runner-up. */
export interface CategoryTopRow {
  categoryId: number;
  position: number;
  modelId: number;
  score: number;
  rank: number;
  benchmarkCount: number;
  categoryCount: number;
}

/** The top two eligible models of every category (leader and runner-up, ties by slug), in one statement. */
export async function categoryTopTwo(db: Database, lane: StandingsSpec['lane']): Promise<CategoryTopRow[]> {
  // Per category, only the models scoring at least the runner-up's tenths (the leader, the
  // runner-up and whoever ties them) are sorted by slug: both lookups walk the category index.
  const result = await db.execute(sql`
    select c.id as category_id, t.model_id, t.score, t.position, t.rank, t.benchmark_count, t.category_count
    from categories c
    cross join lateral (
      select pc.model_id, pc.score, pc.rank, p.benchmark_count, p.category_count,
             row_number() over (
               order by pc.score_tenths desc nulls last, (select m.slug from models m where m.id = pc.model_id) asc
             ) as position
      from profile_categories pc
      join lateral (
        select p.benchmark_count, p.category_count from profiles p
        where p.lane = pc.lane and p.model_id = pc.model_id offset 0
      ) p on true
      where pc.lane = ${lane} and pc.category_id = c.id and pc.eligible
        and pc.score_tenths >= coalesce((
          select d.score_tenths from profile_categories d
          where d.lane = ${lane} and d.category_id = c.id and d.eligible
          order by d.score_tenths desc nulls last offset 1 limit 1), pc.score_tenths)
      order by position
      limit 2
    ) t
    order by c.id, t.position
  `);
  type Raw = {
    category_id: number;
    model_id: number;
    score: number;
    position: string | number;
    rank: string | number;
    benchmark_count: number;
    category_count: number;
  };
  return rowsOf<Raw>(result).map((r) => ({
    categoryId: r.category_id,
    modelId: r.model_id,
    score: r.score,
    position: Number(r.position),
    rank: Number(r.rank),
    benchmarkCount: r.benchmark_count,
    categoryCount: r.category_count,
  }));
}

/** A ranked (or eligible) model with its current prices. */
export interface PricedStanding {
  modelId: number;
  slug: string;
  score: number;
  rank: number;
  input: number;
  output: number;
  blended: number;
}

/** Every model in the standings with its price as of `day`, in one statement (value leaderboard, frontier). */
export async function pricedStandings(
  db: Database,
  spec: StandingsSpec & { filter?: ModelFilterValues | null; day: string },
): Promise<PricedStanding[]> {
  const filter: SQL = modelFilterSql(m, spec.filter, spec.day) ?? sql`true`;
  const price = priceInEffectSql(sql, sql`p.input_price, p.output_price`, sql`s.model_id`, sql`${spec.day}`);
  const result = await db.execute(sql`
    select s.model_id, m.slug, s.score, s.rank, pr.input_price, pr.output_price
    from ${standingsSql(spec)} s
    join models m on m.id = s.model_id
    join lateral ${price} pr on true
    where ${filter}
  `);
  return rowsOf<{
    model_id: number;
    slug: string;
    score: number;
    rank: string | number;
    input_price: number;
    output_price: number;
  }>(result).map((r) => ({
    modelId: r.model_id,
    slug: r.slug,
    score: r.score,
    rank: Number(r.rank),
    input: r.input_price,
    output: r.output_price,
    blended: blendedPrice({ inputPrice: r.input_price, outputPrice: r.output_price }),
  }));
}

/** Slugs of the models a filter keeps (all models without one), by id, in one statement. */
export async function filteredModelSlugs(
  db: Database,
  filter: ModelFilterValues | null | undefined,
  day: string,
): Promise<Map<number, string>> {
  const result = await db.execute(
    sql`select m.id, m.slug from models m where ${modelFilterSql(m, filter, day) ?? sql`true`}`,
  );
  return new Map(rowsOf<{ id: number; slug: string }>(result).map((r) => [r.id, r.slug]));
}
