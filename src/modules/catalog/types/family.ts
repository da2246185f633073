import { builder } from '../../../schema/builder.js';
import { listFamilies } from '../service.js';

/** A family of sibling models. */
export const Family = builder.drizzleNode('families', {
  name: 'Family',
  description: 'A family of sibling models from one provider (GPT-4.1: GPT-4.1, GPT-4.1 mini, GPT-4.1 nano).',
  id: { column: (f) => f.id, description: 'Opaque global ID.' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case key, e.g. "gpt-4-1".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    provider: t.relation('provider', { description: 'The provider that makes this family.' }),
    models: t.relation('models', {
      description: 'The models of this family, by name.',
      query: { orderBy: { name: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  families: t.drizzleField({
    type: ['families'],
    description: 'Every model family, by name.',
    resolve: (query, _root, _args, ctx) => listFamilies(ctx, query),
  }),
}));
