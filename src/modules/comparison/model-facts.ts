import { ComparisonInputError } from '../../domain/comparison/session.js';
import type { ModelFacts } from '../../domain/scoring/types.js';
import type { ModelWithPrice } from '../models/service.js';

/** The figures the comparison math reads from a model row; a model with no price in effect is a bad argument. */
export function toModelFacts(row: ModelWithPrice): ModelFacts {
  const price = row.prices[0];
  // Only possible for a day before the model's first price: the caller asked about a model that had none.
  if (!price)
    throw new ComparisonInputError(`models: "${row.slug}" had no price in effect on that day`, 'BAD_USER_INPUT', [
      row.slug,
    ]);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    providerId: row.providerId,
    familyId: row.familyId,
    inputPrice: price.inputPrice,
    outputPrice: price.outputPrice,
    cachedInputPrice: price.cachedInputPrice,
    outputTokensPerSecond: row.outputTokensPerSecond,
    timeToFirstTokenSeconds: row.timeToFirstTokenSeconds,
    contextWindow: row.contextWindow,
  };
}
