import { builder } from '../../../schema/builder.js';

/** Filters for model lists and leaderboards. */
export const ModelFilter = builder.inputType('ModelFilter', {
  description: 'Restricts a list of models; every condition given must hold.',
  fields: (t) => ({
    providers: t.stringList({ description: 'Only models of these providers (slugs).' }),
    families: t.stringList({ description: 'Only models of these families (slugs).' }),
    openWeights: t.boolean({ description: 'Only models whose weights are (true) or are not (false) published.' }),
    maxBlendedPrice: t.float({
      description: 'Only models whose current blended price (USD per million tokens) is at most this.',
    }),
    minContextWindow: t.int({ description: 'Only models with a context window of at least this many tokens.' }),
    releasedAfter: t.field({ type: 'Date', description: 'Only models released after this day.' }),
    search: t.string({ description: 'Case-insensitive substring of the model name or slug.' }),
  }),
});

/** The orderings of a model list. */
export const ModelOrderField = builder.enumType('ModelOrderField', {
  description: 'What a model list is sorted by.',
  values: {
    SLUG: { description: 'Slug, alphabetically.' },
    NAME: { description: 'Name, alphabetically.' },
    CONTEXT_WINDOW: { description: 'Context window size.' },
  },
});

/** Sort direction. */
export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});

/** A model list ordering. */
export const ModelOrder = builder.inputType('ModelOrder', {
  description: 'How to sort a model list; ties are broken by id so pages never overlap.',
  fields: (t) => ({
    field: t.field({ type: ModelOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Sort direction.' }),
  }),
});
