import { capabilityLeader, probabilityAhead } from '../capability/head-to-head.js';
import type { CapabilityEstimate } from '../capability/types.js';
import type { VerdictOutcome } from './verdict.js';

/** The capability index (METHODOLOGY §6) as a comparison is given it: the estimates of the models in the fit, by id. */
export interface CapabilityInput {
  estimates: ReadonlyMap<number, CapabilityEstimate>;
}

/** P(A ahead of B) for one pair of compared models, A listed before B; null when either has no estimate. */
export interface CapabilityPair {
  a: number;
  b: number;
  probability: number | null;
}

/** The capability part of a verdict: the leader, or why there is none. */
export interface CapabilityVerdict {
  /** WIN with a leader; TIE when the best two are statistically tied; NOT_ENOUGH_DATA under two estimates. */
  outcome: VerdictOutcome;
  winner: number | null;
  /** On a TIE, the best two by θ (best first); empty otherwise. */
  tied: number[];
}

/** The compared models on the capability index. */
export interface CapabilityComparison {
  /** Each compared model's estimate (null when it is not in the fit), in the comparison's order. */
  estimates: (CapabilityEstimate | null)[];
  /** Every unordered pair once, in the comparison's order: (1, 2), (1, 3), ..., (2, 3), ... */
  pairs: CapabilityPair[];
  /** The highest θ, unless the best two are statistically tied or fewer than two have an estimate. */
  leader: number | null;
  verdict: CapabilityVerdict;
}

/** The best two estimates by θ, then model id (the order `capabilityLeader` decides in). */
function bestTwo(estimates: readonly CapabilityEstimate[]): CapabilityEstimate[] {
  return [...estimates].sort((a, b) => b.theta - a.theta || a.modelId - b.modelId).slice(0, 2);
}

/**
 * The compared models' intervals, P(A ahead of B) for each pair and the capability leader
 * (METHODOLOGY §6 "Head to head"); the verdict says TIE when the best two are statistically tied.
 */
export function compareCapability(modelIds: readonly number[], input: CapabilityInput): CapabilityComparison {
  const estimates = modelIds.map((id) => input.estimates.get(id) ?? null);
  const pairs: CapabilityPair[] = [];
  for (let i = 0; i < modelIds.length; i++) {
    for (let j = i + 1; j < modelIds.length; j++) {
      const [a, b] = [estimates[i], estimates[j]];
      pairs.push({ a: modelIds[i]!, b: modelIds[j]!, probability: a && b ? probabilityAhead(a, b) : null });
    }
  }
  const present = estimates.filter((estimate): estimate is CapabilityEstimate => estimate !== null);
  const leader = capabilityLeader(estimates);
  let verdict: CapabilityVerdict;
  if (present.length < 2) verdict = { outcome: 'NOT_ENOUGH_DATA', winner: null, tied: [] };
  else if (leader === null) verdict = { outcome: 'TIE', winner: null, tied: bestTwo(present).map((e) => e.modelId) };
  else verdict = { outcome: 'WIN', winner: leader, tied: [] };
  return { estimates, pairs, leader, verdict };
}
