import { compareCapability, type CapabilityPair } from '../../domain/comparison/capability.js';
import type { VerdictOutcome } from '../../domain/comparison/verdict.js';
import type { EstimateShape, FitSource } from '../capability/service.js';
import { scored, type ComparisonSource, type Lookup, type WithLookup } from './service.js';

/** The compared models on the capability index, as `ComparisonCapability` reads it. */
export interface ComparisonCapabilityShape {
  /** What the fit is of; null when the lane has no fit yet. */
  source: FitSource | null;
  models: WithLookup<{ modelId: number; estimate: EstimateShape | null }>[];
  pairs: WithLookup<CapabilityPair>[];
  leader: number | null;
  outcome: VerdictOutcome;
  lookup: Lookup;
}

/**
 * The capability section of a comparison, from the same load as its other score-based parts (no
 * statement of its own): each model's estimate, P(A ahead of B) for every pair, and the leader, null
 * when the best two are statistically tied or fewer than two have an estimate.
 */
export async function capabilitySection(s: ComparisonSource): Promise<ComparisonCapabilityShape> {
  const [{ view }, { result, lookup }] = await Promise.all([s.scored(), scored(s)]);
  const fit = view.capability?.fit ?? null;
  // Without a fit, the same shape with every estimate and probability null.
  const compared = result.capability ?? compareCapability(result.modelIds, { estimates: new Map() });
  return {
    source: fit?.source ?? null,
    models: result.modelIds.map((modelId) => ({ modelId, estimate: fit?.estimate(modelId) ?? null, lookup })),
    pairs: compared.pairs.map((pair) => ({ ...pair, lookup })),
    leader: compared.leader,
    outcome: compared.verdict.outcome,
    lookup,
  };
}
