import { sql } from 'drizzle-orm';
import type { ScoreFacts } from '../../resolvers/scoring/types.js';
import { rowsOf, type Database } from '../client.js';
import { packedScoresSql, unpackScores } from './scoring.js';

/** The first instant after a day (UTC): what was recorded before it was known on that day. */
export function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
}

/**
 * Which stored scores a reader saw on a day (relational-query filter): recorded by the end of
 * it, and neither superseded nor retracted by then. Without a day: the current scores.
 */
export function scoresVisible(day?: string | null) {
  if (!day) return { supersededAt: { isNull: true as const }, retractedAt: { isNull: true as const } };
  const end = endOfDay(day);
  return {
    recordedAt: { lt: end },
    AND: [
      { OR: [{ supersededAt: { isNull: true as const } }, { supersededAt: { gte: end } }] },
      { OR: [{ retractedAt: { isNull: true as const } }, { retractedAt: { gte: end } }] },
    ],
  };
}

/** Every score as it stood at the end of a day (of some models, or all), in one statement. */
export async function loadScoresAsOf(db: Database, day: string, modelIds?: readonly number[]): Promise<ScoreFacts[]> {
  const end = endOfDay(day).toISOString();
  const only = modelIds ? sql`and s.model_id in (${sql.join([...modelIds, -1].map((id) => sql`${id}`), sql`, `)})` : sql``;
  const visible = sql`s.recorded_at < ${end}::timestamptz
      and (s.superseded_at is null or s.superseded_at >= ${end}::timestamptz)
      and (s.retracted_at is null or s.retracted_at >= ${end}::timestamptz)
      ${only}`;
  const result = await db.execute(sql`select ${packedScoresSql(visible)} as scores`);
  return unpackScores(rowsOf<{ scores: unknown }>(result)[0]?.scores);
}
