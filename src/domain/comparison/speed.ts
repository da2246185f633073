import type { ModelFacts } from '../scoring/types.js';
import { extremesRatio, presentFigures, soleBest } from './figures.js';

/** Output speed side by side. */
export interface SpeedComparison {
  /** One per compared model, in the order given; null where the speed is unknown. */
  models: { modelId: number; outputTokensPerSecond: number | null }[];
  /** Highest output speed; null with fewer than two speeds or an exact tie. */
  fastest: number | null;
  /** Fastest output speed over the slowest; null with fewer than two speeds. */
  ratio: number | null;
}

/** Output speeds, the fastest model and the fastest-over-slowest ratio. */
export function compareSpeed(models: readonly ModelFacts[]): SpeedComparison {
  const speeds = presentFigures(models, (model) => model.outputTokensPerSecond);
  return {
    models: models.map((model) => ({ modelId: model.id, outputTokensPerSecond: model.outputTokensPerSecond })),
    fastest: soleBest(speeds, 'highest'),
    ratio: extremesRatio(speeds),
  };
}
