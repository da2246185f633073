import { blendedPrice } from '../../../domain/comparison/prices.js';
import { builder } from '../../../schema/builder.js';

/** A price row as loaded with a model. */
export interface PriceRow {
  effectiveFrom: string;
  inputPrice: number;
  outputPrice: number;
  cachedInputPrice: number | null;
}

/** A model's prices on one day. */
export const Pricing = builder.objectRef<PriceRow>('Pricing').implement({
  description: 'What a model costs, in USD per million tokens, as of a day.',
  fields: (t) => ({
    input: t.exposeFloat('inputPrice', { description: 'USD per million uncached input tokens.' }),
    output: t.exposeFloat('outputPrice', { description: 'USD per million output tokens.' }),
    cachedInput: t.exposeFloat('cachedInputPrice', {
      nullable: true,
      description: 'USD per million cached input tokens; null when the model has no cached-input price.',
    }),
    blended: t.float({
      description: 'Blended price: (3 × input + output) / 4, the usual three-to-one token mix.',
      resolve: (p) => blendedPrice(p),
    }),
    effectiveFrom: t.field({
      type: 'Date',
      description: 'The day this price took effect.',
      resolve: (p) => p.effectiveFrom,
    }),
  }),
});
