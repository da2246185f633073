import { effectiveScores } from './scoring/effective.js';
import type { Lane, ScoreFacts } from './scoring/types.js';

/** A score as stored: the same facts, with the recording time as a Date. */
export type StoredScore = Omit<ScoreFacts, 'recordedAt'> & { recordedAt: Date };

/** The scores that count for one model in a lane (one per benchmark), in benchmark order. */
export function effectiveRows<T extends StoredScore>(rows: readonly T[], lane: Lane): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const facts = rows.map((r) => ({ ...r, recordedAt: r.recordedAt.getTime() }));
  const picked: T[] = [];
  for (const perBenchmark of effectiveScores(facts, lane).values()) {
    for (const score of perBenchmark.values()) {
      const row = byId.get(score.id);
      if (row) picked.push(row);
    }
  }
  return picked.sort((a, b) => a.benchmarkId - b.benchmarkId || a.id - b.id);
}
