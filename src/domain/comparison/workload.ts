import type { ModelFacts } from '../scoring/types.js';
import { lowestOfSeveral, presentFigures, soleBest } from './figures.js';

/** A caller's token mix. */
export interface Workload {
  /** Uncached input tokens. */
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

/** One model's cost for the workload. */
export interface WorkloadCost {
  modelId: number;
  /** USD. */
  cost: number;
  /** Its cost over the cheapest model's; null when the cheapest costs $0. */
  ratio: number | null;
}

/** The workload side of a comparison. */
export interface WorkloadComparison {
  /** One per compared model, in the order given. */
  models: WorkloadCost[];
  /** The model with the lowest cost; null on an exact tie. */
  cheapest: number | null;
}

/** Reject token counts that cannot be a workload, naming the culprit. */
function checkWorkload(workload: Workload): void {
  for (const field of ['inputTokens', 'outputTokens', 'cachedInputTokens'] as const) {
    const tokens = workload[field];
    if (!Number.isFinite(tokens) || tokens < 0)
      throw new RangeError(`${field} must be a finite number ≥ 0, got ${tokens}`);
  }
}

/** A model's cost in USD: cached tokens at the cached price, or at the input price where it has none. */
export function workloadCost(
  model: Pick<ModelFacts, 'inputPrice' | 'outputPrice' | 'cachedInputPrice'>,
  workload: Workload,
): number {
  checkWorkload(workload);
  return (
    (workload.inputTokens * model.inputPrice +
      workload.cachedInputTokens * (model.cachedInputPrice ?? model.inputPrice) +
      workload.outputTokens * model.outputPrice) /
    1e6
  );
}

/** Every model's cost for the workload, its ratio to the cheapest, and the cheapest. */
export function compareWorkload(models: readonly ModelFacts[], workload: Workload): WorkloadComparison {
  const costs = presentFigures(models, (model) => workloadCost(model, workload));
  const lowest = lowestOfSeveral(costs);
  return {
    models: costs.map(({ modelId, value }) => ({
      modelId,
      cost: value,
      ratio: lowest === null || lowest === 0 ? null : value / lowest,
    })),
    cheapest: soleBest(costs, 'lowest'),
  };
}
