import { normalCdf } from './normal.js';
import { intervalsOverlap } from './ranking.js';
import type { CapabilityEstimate } from './types.js';

/** What a head-to-head needs of each model. */
export type Standing = Pick<CapabilityEstimate, 'theta' | 'standardError'>;

/**
 * P(A ahead of B) = Φ((θ_A − θ_B) / sqrt(se_A² + se_B²)). With both se 0 the answer is certain
 * (1, 0, or 1/2 on equal θ) rather than 0 / 0.
 */
export function probabilityAhead(a: Standing, b: Standing): number {
  const spread = Math.sqrt(a.standardError * a.standardError + b.standardError * b.standardError);
  const gap = a.theta - b.theta;
  if (spread === 0) return gap > 0 ? 1 : gap < 0 ? 0 : 0.5;
  return normalCdf(gap / spread);
}

/**
 * The capability leader of a set of models: the highest θ (then the lowest model id), or null when
 * fewer than two have an estimate or the best two are statistically tied (METHODOLOGY §6).
 */
export function capabilityLeader(estimates: readonly (CapabilityEstimate | null)[]): number | null {
  const present = estimates.filter((estimate): estimate is CapabilityEstimate => estimate !== null);
  if (present.length < 2) return null;
  const [first, second] = [...present].sort((a, b) => b.theta - a.theta || a.modelId - b.modelId);
  return intervalsOverlap(first!, second!) ? null : first!.modelId;
}
