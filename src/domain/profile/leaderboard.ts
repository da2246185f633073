import { byScoreDescending } from '../scoring/equality.js';
import { compareText } from '../scoring/order.js';
import type { Profile } from './profiles.js';

/** One line of a leaderboard. */
export interface LeaderboardEntry {
  modelId: number;
  rank: number;
  score: number;
}

/**
 * Highest score first; scores equal to one decimal place share a rank, so they are listed
 * by slug rather than by a difference the reader cannot see.
 */
function sortEntries(entries: LeaderboardEntry[], slugOf: (modelId: number) => string): LeaderboardEntry[] {
  const slugs = new Map(entries.map((entry) => [entry.modelId, slugOf(entry.modelId)]));
  return entries.sort(
    (a, b) =>
      byScoreDescending(a.score, b.score) || compareText(slugs.get(a.modelId) ?? '', slugs.get(b.modelId) ?? ''),
  );
}

/** The ranked models, by overall score (highest first), then slug. */
export function overallLeaderboard(
  profiles: ReadonlyMap<number, Profile>,
  slugOf: (modelId: number) => string,
): LeaderboardEntry[] {
  const entries: LeaderboardEntry[] = [];
  for (const profile of profiles.values()) {
    if (profile.ranked && profile.rank !== null && profile.overall !== null) {
      entries.push({ modelId: profile.modelId, rank: profile.rank, score: profile.overall });
    }
  }
  return sortEntries(entries, slugOf);
}

/** The models eligible in a category, by category score (highest first), then slug; leader and runner-up come first. */
export function categoryLeaderboard(
  profiles: ReadonlyMap<number, Profile>,
  categoryId: number,
  slugOf: (modelId: number) => string,
): LeaderboardEntry[] {
  const entries: LeaderboardEntry[] = [];
  for (const profile of profiles.values()) {
    const rank = profile.categoryRanks.get(categoryId);
    const score = profile.categoryScores.get(categoryId);
    if (rank !== undefined && score !== undefined) entries.push({ modelId: profile.modelId, rank, score });
  }
  return sortEntries(entries, slugOf);
}
