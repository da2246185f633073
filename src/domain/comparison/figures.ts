import { figuresEqual } from '../scoring/equality.js';

/** One model's value of an optional figure (price, speed, latency, context, cost). */
export interface Figure {
  modelId: number;
  value: number;
}

/** The models that have the figure (missing stays missing, never estimated), in the order given. */
export function presentFigures<T extends { id: number }>(
  models: readonly T[],
  read: (model: T) => number | null,
): Figure[] {
  return models.flatMap((model) => {
    const value = read(model);
    return value === null ? [] : [{ modelId: model.id, value }];
  });
}

/**
 * The model with the best value: highest or lowest. Null with fewer than two figures, or when
 * two or more share the best value exactly, so the answer never depends on the input order.
 */
export function soleBest(figures: readonly Figure[], best: 'highest' | 'lowest'): number | null {
  if (figures.length < 2) return null;
  const values = figures.map((figure) => figure.value);
  const target = best === 'highest' ? Math.max(...values) : Math.min(...values);
  const holders = figures.filter((figure) => figuresEqual(figure.value, target));
  return holders.length === 1 ? (holders[0]?.modelId ?? null) : null;
}

/** Lowest value among the figures; null with fewer than two, since there is nothing to compare to. */
export function lowestOfSeveral(figures: readonly Figure[]): number | null {
  return figures.length < 2 ? null : Math.min(...figures.map((figure) => figure.value));
}

/** Highest over lowest; null with fewer than two figures or a zero lowest. */
export function extremesRatio(figures: readonly Figure[]): number | null {
  const lowest = lowestOfSeveral(figures);
  if (lowest === null || lowest === 0) return null;
  return Math.max(...figures.map((figure) => figure.value)) / lowest;
}

/** Highest minus lowest; null with fewer than two figures. */
export function extremesDifference(figures: readonly Figure[]): number | null {
  const lowest = lowestOfSeveral(figures);
  if (lowest === null) return null;
  return Math.max(...figures.map((figure) => figure.value)) - lowest;
}
