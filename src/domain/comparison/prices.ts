import type { ModelFacts } from '../scoring/types.js';
import type { SqlTag } from '../sql-twin.js';
import { extremesRatio, lowestOfSeveral, presentFigures, soleBest } from './figures.js';

/** The price figures a comparison sets side by side. */
export type PriceDimension = 'input' | 'output' | 'cachedInput' | 'blended';

/** Every price dimension, in display order. */
export const PRICE_DIMENSIONS: readonly PriceDimension[] = ['input', 'output', 'cachedInput', 'blended'];

/** A model's prices (USD per million tokens) and, per dimension, its price over the cheapest's. */
export interface ModelPrices {
  modelId: number;
  input: number;
  output: number;
  cachedInput: number | null;
  blended: number;
  /** Its price over the cheapest price in that dimension; null where the ratio is not defined. */
  relative: Record<PriceDimension, number | null>;
}

/** The price side of a comparison. */
export interface PriceComparison {
  /** One per compared model, in the order given. */
  models: ModelPrices[];
  /** Per dimension, the most expensive price over the cheapest; null with fewer than two figures or a $0 cheapest. */
  ratio: Record<PriceDimension, number | null>;
  /** The model with the lowest blended price; null on an exact tie. */
  cheapest: number | null;
}

/** Blended price, weighting input three to one over output: (3 × input + output) / 4. */
export function blendedPrice(model: Pick<ModelFacts, 'inputPrice' | 'outputPrice'>): number {
  return (3 * model.inputPrice + model.outputPrice) / 4;
}

/** `blendedPrice` in SQL, its twin: the same float8 operations in the same order, so the same double. */
export function blendedPriceSql<F>(tag: SqlTag<F>, input: F, output: F): F {
  return tag`((3 * ${input} + ${output}) / 4)`;
}

/** A model's price in one dimension; null when it has no such price (only cached input can be missing). */
export function priceOf(model: ModelFacts, dimension: PriceDimension): number | null {
  switch (dimension) {
    case 'input':
      return model.inputPrice;
    case 'output':
      return model.outputPrice;
    case 'cachedInput':
      return model.cachedInputPrice;
    case 'blended':
      return blendedPrice(model);
  }
}

/** Price of `a` over price of `b` in one dimension; null when either lacks it or `b`'s is 0. */
export function priceRatio(a: ModelFacts, b: ModelFacts, dimension: PriceDimension): number | null {
  const numerator = priceOf(a, dimension);
  const denominator = priceOf(b, dimension);
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Prices side by side: per-model figures and relatives, per-dimension ratios, and the cheapest model. */
export function comparePrices(models: readonly ModelFacts[]): PriceComparison {
  const figures = Object.fromEntries(
    PRICE_DIMENSIONS.map((dimension) => [dimension, presentFigures(models, (model) => priceOf(model, dimension))]),
  ) as Record<PriceDimension, ReturnType<typeof presentFigures>>;
  // A model at the lowest price of a dimension (any of them: they share the price), when several have one.
  const cheapestIn = (dimension: PriceDimension): ModelFacts | undefined => {
    const lowest = lowestOfSeveral(figures[dimension]);
    const holder = figures[dimension].find((figure) => figure.value === lowest);
    return holder && models.find((model) => model.id === holder.modelId);
  };
  const relativeTo = (model: ModelFacts, dimension: PriceDimension): number | null => {
    const cheapest = cheapestIn(dimension);
    return cheapest ? priceRatio(model, cheapest, dimension) : null;
  };
  return {
    models: models.map((model) => ({
      modelId: model.id,
      input: model.inputPrice,
      output: model.outputPrice,
      cachedInput: model.cachedInputPrice,
      blended: blendedPrice(model),
      relative: {
        input: relativeTo(model, 'input'),
        output: relativeTo(model, 'output'),
        cachedInput: relativeTo(model, 'cachedInput'),
        blended: relativeTo(model, 'blended'),
      },
    })),
    ratio: {
      input: extremesRatio(figures.input),
      output: extremesRatio(figures.output),
      cachedInput: extremesRatio(figures.cachedInput),
      blended: extremesRatio(figures.blended),
    },
    cheapest: soleBest(figures.blended, 'lowest'),
  };
}
