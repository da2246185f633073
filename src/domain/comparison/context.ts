import { figuresEqual } from '../scoring/equality.js';
import type { ModelFacts } from '../scoring/types.js';
import { presentFigures, soleBest } from './figures.js';

/** Context windows side by side. */
export interface ContextComparison {
  /** One per compared model, in the order given. */
  models: { modelId: number; contextWindow: number }[];
  /** The model with the largest window; null on a tie (or with fewer than two models). */
  largest: number | null;
  /** True when two or more models share the largest window. */
  tie: boolean;
}

/** Context windows and the model with the largest one. */
export function compareContext(models: readonly ModelFacts[]): ContextComparison {
  const windows = presentFigures(models, (model) => model.contextWindow);
  const widest = Math.max(...windows.map((figure) => figure.value));
  return {
    models: models.map((model) => ({ modelId: model.id, contextWindow: model.contextWindow })),
    largest: soleBest(windows, 'highest'),
    tie: windows.filter((figure) => figuresEqual(figure.value, widest)).length >= 2,
  };
}
