import type { Context } from '../../context.js';
import { hundredths, intervalsOverlap } from '../../domain/capability/ranking.js';
import type { Lane } from '../../domain/scoring/types.js';
import type { ModelFilterValues } from '../models/service.js';
import { LaneFit } from './lane-fit.js';
import {
  capabilityPage,
  modelSlugs,
  type CapabilityCursor,
  type CapabilityLine,
  type CapabilityPage,
} from './queries/page.js';

/** Statistically tied models listed per leaderboard line (the count covers them all). */
const TIED_LISTED = 10;

/** What a capability leaderboard page is asked for. */
interface LinesSpec {
  lane: Lane;
  filter?: ModelFilterValues | null;
  first: number;
  after: CapabilityCursor | null;
  /** Refit from the history of this day instead of reading the stored fit. */
  asOf?: string | null;
}

const CURSOR_TAG = 'capability';

/** An opaque cursor for a capability leaderboard position (never mistaken for a weighted one). */
export function encodeCapabilityCursor(line: Pick<CapabilityLine, 'hundredths' | 'slug'>): string {
  return Buffer.from(JSON.stringify([CURSOR_TAG, line.hundredths, line.slug]), 'utf8').toString('base64url');
}

/** The position a capability cursor names, or null when it is not one. */
export function decodeCapabilityCursor(text: string): CapabilityCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value[0] === CURSOR_TAG && Number.isInteger(value[1])) {
      if (typeof value[2] === 'string') return { hundredths: value[1] as number, slug: value[2] };
    }
  } catch {
    // fall through: not a cursor this API issued
  }
  return null;
}

/** Code-unit order of slugs, as the database's C collation orders them. */
const bySlug = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A capability leaderboard page computed from a refit of the history of `day`: the same order,
 * cursors, filter rule and tied lists as the stored page, over the fit's ranked models.
 */
async function linesAsOf(ctx: Context, spec: LinesSpec & { day: string }): Promise<CapabilityPage> {
  const [fit, slugs, view] = await Promise.all([
    ctx.loaders.capabilityAsOf(spec.lane, spec.day),
    modelSlugs(ctx.db, spec.filter, spec.day),
    ctx.loaders.laneViewAsOf(spec.lane, spec.day),
  ]);
  const ordered = (fit.ranking ?? [])
    .map((estimate) => ({ estimate, slug: slugs.get(estimate.modelId)?.slug ?? '', h: hundredths(estimate.theta) }))
    .sort((a, b) => b.h - a.h || bySlug(a.slug, b.slug));
  const listed = ordered.filter((line) => slugs.get(line.estimate.modelId)?.kept);
  const { after } = spec;
  const rest = after
    ? listed.filter((l) => l.h < after.hundredths || (l.h === after.hundredths && l.slug > after.slug))
    : listed;
  const lines = rest.slice(0, spec.first).map(({ estimate, slug, h }) => {
    const counts = view.profiles.get(estimate.modelId)?.counts ?? { benchmarks: 0, categories: 0 };
    const tied = ordered
      .filter((other) => other.estimate !== estimate && intervalsOverlap(other.estimate, estimate))
      .slice(0, TIED_LISTED)
      .map((other) => other.estimate.modelId);
    return { estimate, slug, hundredths: h, benchmarkCount: counts.benchmarks, categoryCount: counts.categories, tied };
  });
  return { source: fit.source, lines, totalCount: listed.length, hasNextPage: rest.length > spec.first };
}

/**
 * A page of the capability leaderboard: from the stored fit in one statement (its lines then answer
 * `Model.capability` without another), or (`asOf`) from a refit of the history.
 */
export async function capabilityLines(ctx: Context, spec: LinesSpec): Promise<CapabilityPage> {
  if (spec.asOf) return linesAsOf(ctx, { ...spec, day: spec.asOf });
  const page = await capabilityPage(ctx.db, { ...spec, day: ctx.today, tiedLimit: TIED_LISTED });
  const estimates = new Map(page.lines.map((line) => [line.estimate.modelId, line.estimate]));
  const known = new LaneFit(page.source, estimates, new Map(), () => undefined);
  for (const modelId of estimates.keys()) {
    ctx.loaders.capabilityFit.prime({ lane: spec.lane, modelId, predicted: false }, known);
  }
  return page;
}
