import type { ModelFacts } from '../scoring/types.js';
import { extremesDifference, presentFigures, soleBest } from './figures.js';

/** Time to first token side by side. */
export interface LatencyComparison {
  /** One per compared model, in the order given; null where the latency is unknown. */
  models: { modelId: number; timeToFirstTokenSeconds: number | null }[];
  /** Lowest time to first token; null with fewer than two latencies or an exact tie. */
  fastest: number | null;
  /** Highest minus lowest time to first token (s); null with fewer than two latencies. */
  difference: number | null;
}

/** Times to first token, the quickest model and the spread between highest and lowest. */
export function compareLatency(models: readonly ModelFacts[]): LatencyComparison {
  const latencies = presentFigures(models, (model) => model.timeToFirstTokenSeconds);
  return {
    models: models.map((model) => ({ modelId: model.id, timeToFirstTokenSeconds: model.timeToFirstTokenSeconds })),
    fastest: soleBest(latencies, 'lowest'),
    difference: extremesDifference(latencies),
  };
}
