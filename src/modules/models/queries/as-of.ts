import { sql, type SQL } from 'drizzle-orm';
import type { ScoreFacts } from '../../../domain/scoring/types.js';
import { rowsOf, type Database } from '../../../db/client.js';
import { CURRENT_SCORE, packedScoresSql, unpackScores } from './scoring.js';

/** The first instant after a day (UTC): what was recorded before it was known on that day. */
export function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
}

/**
 * Which stored scores (alias `s`) a reader saw on a day: recorded by the end of it, and neither
 * superseded nor retracted by then. Without a day: the current scores.
 */
export function scoresVisibleSql(day?: string | null): SQL {
  if (!day) return CURRENT_SCORE;
  const end = endOfDay(day).toISOString();
  return sql`s.recorded_at < ${end}::timestamptz
      and (s.superseded_at is null or s.superseded_at >= ${end}::timestamptz)
      and (s.retracted_at is null or s.retracted_at >= ${end}::timestamptz)`;
}

/** Every score as it stood at the end of a day (of some models, or all), in one statement. */
export async function loadScoresAsOf(db: Database, day: string, modelIds?: readonly number[]): Promise<ScoreFacts[]> {
  const only = modelIds
    ? sql`and s.model_id in (${sql.join(
        [...modelIds, -1].map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const visible = sql`${scoresVisibleSql(day)} ${only}`;
  const result = await db.execute(sql`select ${packedScoresSql(visible)} as scores`);
  return unpackScores(rowsOf<{ scores: unknown }>(result)[0]?.scores);
}
