import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Lane } from '../../../domain/scoring/types.js';
import { jsonOf, rowsOf, type Database } from '../../../db/client.js';
import { models } from '../../../db/tables/index.js';
import { modelFilterSql, type ModelFilterValues } from '../../models/service.js';
import type { EstimateShape, FitSource } from '../lane-fit.js';
import {
  ESTIMATE_COLUMNS,
  estimateFromJson,
  fitJsonSql,
  sourceFromJson,
  type EstimateJson,
  type FitJson,
} from './read.js';

/** Where a capability leaderboard page starts: after the line with this θ (in hundredths) and slug. */
export interface CapabilityCursor {
  hundredths: number;
  slug: string;
}

/** One line of a capability leaderboard. */
export interface CapabilityLine {
  estimate: EstimateShape;
  slug: string;
  hundredths: number;
  /** §3 evidence behind the model's profile, for the line's confidence. */
  benchmarkCount: number;
  categoryCount: number;
  /** The first ranked models statistically tied with it (intervals overlap), in leaderboard order. */
  tied: number[];
}

/** A page of a capability leaderboard, with the total across pages and the fit it is of. */
export interface CapabilityPage {
  source: FitSource | null;
  lines: CapabilityLine[];
  totalCount: number;
  hasNextPage: boolean;
}

const m = alias(models, 'm');

/**
 * The first `limit` ranked models statistically tied with the line `e` (intervals overlap), in
 * leaderboard order, as a JSON array of ids. A model whose interval overlaps `e`'s has its θ within
 * the widest half-interval of the lane (`w.width`) of it, so the lookup walks only that window of the
 * ranked index (bounds widened by a hundredth for rounding); the overlap test itself decides.
 */
const tiedSql = (
  limit: number,
) => sql`(select coalesce(json_agg(t.model_id order by t.theta_hundredths desc, t.slug), '[]')
  from (
    select o.model_id, o.theta_hundredths, om.slug
    from capability_estimates o join models om on om.id = o.model_id
    where o.lane = e.lane and o.rank is not null and o.model_id <> e.model_id
      and o.theta_hundredths between floor(100 * (e.lower - w.width))::int - 1
                                 and ceil(100 * (e.upper + w.width))::int + 1
      and o.lower <= e.upper and e.lower <= o.upper
    order by o.theta_hundredths desc, om.slug
    limit ${limit}) t)`;

type LineJson = [EstimateJson, string, number, number, number, number[]];

/** One packed line read back. */
function lineFromJson(line: LineJson, source: FitSource): CapabilityLine {
  const [estimate, slug, hundredths, benchmarkCount, categoryCount, tied] = line;
  return { estimate: estimateFromJson(estimate, source), slug, hundredths, benchmarkCount, categoryCount, tied };
}

/**
 * One page of the capability leaderboard of a lane's stored fit in ONE statement (a row even when
 * the page is empty): the ranked models by θ in hundredths (desc), then slug, after the cursor, with
 * the filter (which hides lines, never changes ranks), the total, each line's first `tiedLimit`
 * statistically tied models, and the fit's own row.
 */
export async function capabilityPage(
  db: Database,
  spec: {
    lane: Lane;
    filter?: ModelFilterValues | null;
    day: string;
    first: number;
    after: CapabilityCursor | null;
    tiedLimit: number;
  },
): Promise<CapabilityPage> {
  const { lane } = spec;
  const filter = modelFilterSql(m, spec.filter, spec.day) ?? sql`true`;
  const after = spec.after
    ? sql`(e.theta_hundredths < ${spec.after.hundredths}
        or (e.theta_hundredths = ${spec.after.hundredths} and m.slug > ${spec.after.slug}))`
    : sql`true`;
  const result = await db.execute(sql`
    select ${fitJsonSql(lane)} as fit,
      (select count(*) from capability_estimates e join models m on m.id = e.model_id
        where e.lane = ${lane} and e.rank is not null and ${filter}) as total,
      (select coalesce(json_agg(json_build_array(x.estimate, x.slug, x.hundredths, x.benchmark_count,
          x.category_count, x.tied) order by x.hundredths desc, x.slug), '[]')
        from (
          select ${ESTIMATE_COLUMNS} as estimate, m.slug, e.theta_hundredths as hundredths,
            coalesce(p.benchmark_count, 0) as benchmark_count, coalesce(p.category_count, 0) as category_count,
            ${tiedSql(spec.tiedLimit)} as tied
          from capability_estimates e
          join models m on m.id = e.model_id
          left join profiles p on p.lane = e.lane and p.model_id = e.model_id
          cross join (select 1.96 * coalesce(max(standard_error), 0) as width from capability_estimates
                      where lane = ${lane} and rank is not null) w
          where e.lane = ${lane} and e.rank is not null and ${filter} and ${after}
          order by e.theta_hundredths desc, m.slug asc
          limit ${spec.first + 1}) x) as page`);
  const row = rowsOf<{ fit: unknown; total: string | number; page: unknown }>(result)[0];
  const fit = jsonOf<FitJson>(row?.fit);
  if (!fit) return { source: null, lines: [], totalCount: 0, hasNextPage: false };
  const source = sourceFromJson(lane, fit);
  const lines = (jsonOf<LineJson[]>(row?.page) ?? []).map((line) => lineFromJson(line, source));
  return {
    source,
    lines: lines.slice(0, spec.first),
    totalCount: Number(row?.total ?? 0),
    hasNextPage: lines.length > spec.first,
  };
}

/** Every model's slug by id, and whether the filter keeps it (every model without one), in one statement. */
export async function modelSlugs(
  db: Database,
  filter: ModelFilterValues | null | undefined,
  day: string,
): Promise<Map<number, { slug: string; kept: boolean }>> {
  const kept = modelFilterSql(m, filter, day) ?? sql`true`;
  const result = await db.execute(sql`select m.id, m.slug, coalesce(${kept}, false) as kept from models m`);
  return new Map(rowsOf<{ id: number; slug: string; kept: boolean }>(result).map((r) => [r.id, r]));
}
