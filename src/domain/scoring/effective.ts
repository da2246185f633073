import type { Lane, ScoreFacts } from './types.js';

/** The one score that counts per model and benchmark: model id → benchmark id → score. */
export type EffectiveScores = ReadonlyMap<number, ReadonlyMap<number, ScoreFacts>>;

/** Whether a score counts at all in the lane: VERIFIED keeps only INDEPENDENT scores. */
export function countsInLane(score: ScoreFacts, lane: Lane): boolean {
  return lane === 'PROVISIONAL' || score.provenance === 'INDEPENDENT';
}

/**
 * Sort comparator, the winner first: INDEPENDENT before SELF_REPORTED, then the latest
 * `measuredOn` (unknown dates last), then the one recorded first, then the lowest id.
 */
export function compareForEffective(a: ScoreFacts, b: ScoreFacts): number {
  if (a.provenance !== b.provenance) return a.provenance === 'INDEPENDENT' ? -1 : 1;
  if (a.measuredOn !== b.measuredOn) {
    if (a.measuredOn === null) return 1;
    if (b.measuredOn === null) return -1;
    // YYYY-MM-DD compares correctly as text.
    return a.measuredOn > b.measuredOn ? -1 : 1;
  }
  if (a.recordedAt !== b.recordedAt) return a.recordedAt - b.recordedAt;
  // The id makes the choice total, so the same rows always give the same answer.
  return a.id - b.id;
}

/** Per (model, benchmark) the one score that counts in the lane. */
export function effectiveScores(scores: readonly ScoreFacts[], lane: Lane): Map<number, Map<number, ScoreFacts>> {
  const byModel = new Map<number, Map<number, ScoreFacts>>();
  for (const score of scores) {
    if (!countsInLane(score, lane)) continue;
    let byBenchmark = byModel.get(score.modelId);
    if (byBenchmark === undefined) {
      byBenchmark = new Map();
      byModel.set(score.modelId, byBenchmark);
    }
    const current = byBenchmark.get(score.benchmarkId);
    if (current === undefined || compareForEffective(score, current) < 0) byBenchmark.set(score.benchmarkId, score);
  }
  return byModel;
}
