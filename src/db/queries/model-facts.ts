import type { ModelFacts } from '../../resolvers/scoring/types.js';
import type { models } from '../schema/index.js';

/** A model row loaded with its current price (`with: { prices: priceAsOf(day) }`). */
export type ModelWithPrice = typeof models.$inferSelect & {
  prices: { inputPrice: number; outputPrice: number; cachedInputPrice: number | null }[];
};

/** The figures the comparison math reads from a model row; a model with no price in effect is rejected. */
export function toModelFacts(row: ModelWithPrice): ModelFacts {
  const price = row.prices[0];
  if (!price) throw new Error(`model ${row.slug} has no price in effect`);
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
