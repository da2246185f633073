import type { Context } from '../../context.js';
import { categoryLeaderboard, overallLeaderboard } from '../../domain/profile/leaderboard.js';
import { pageAfter } from '../../domain/profile/page.js';
import { computeProfiles, type Profile } from '../../domain/profile/profiles.js';
import { tenths } from '../../domain/scoring/equality.js';
import type { Lane } from '../../domain/scoring/types.js';
import { filteredModelSlugs, type StandingPage } from './queries/leaderboard.js';
import type { LeaderboardSpec } from './shapes.js';

/** Every model's profile at the end of a past day, with the caller's weights when given (pure §3 functions). */
export async function profilesAsOf(
  ctx: Context,
  lane: Lane,
  day: string,
  weights: ReadonlyMap<number, number> | null,
): Promise<ReadonlyMap<number, Profile>> {
  const view = await ctx.loaders.laneViewAsOf(lane, day);
  return weights ? computeProfiles(view.catalog, view.effective, view.methodology, weights) : view.profiles;
}

/**
 * A leaderboard page as of a past day: the pure §3 functions over the score history, paged in the
 * same order and with the same cursors as the stored standings. Slower (all scores of that day
 * are read), which is the price of a question only the history can answer.
 */
export async function pastPage(ctx: Context, spec: LeaderboardSpec & { day: string }): Promise<StandingPage> {
  const [profiles, slugs] = await Promise.all([
    profilesAsOf(ctx, spec.lane, spec.day, spec.weights),
    filteredModelSlugs(ctx.db, spec.filter, spec.day),
  ]);
  const slugOf = (id: number) => slugs.get(id) ?? '';
  const lines =
    spec.categoryId === null
      ? overallLeaderboard(profiles, slugOf)
      : categoryLeaderboard(profiles, spec.categoryId, slugOf);
  const entries = lines
    .filter((e) => slugs.has(e.modelId))
    .map((e) => {
      const counts = profiles.get(e.modelId)!.counts;
      return {
        ...e,
        slug: slugOf(e.modelId),
        tenths: tenths(e.score),
        benchmarkCount: counts.benchmarks,
        categoryCount: counts.categories,
      };
    });
  const page = pageAfter(entries, spec.after, spec.first);
  return { rows: page.rows, hasNextPage: page.hasNextPage, totalCount: entries.length };
}
