import { builder } from '../../../schema/builder.js';
import { findProvider, listProviders } from '../service.js';

/** A model creator. */
export const Provider = builder.drizzleNode('providers', {
  name: 'Provider',
  description: 'A company or lab that creates models (OpenAI, Anthropic, ...), not a hosting service.',
  id: { column: (p) => p.id, description: 'Opaque global ID.' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case key, e.g. "openai".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    website: t.exposeString('website', { nullable: true, description: "The provider's website." }),
    families: t.relation('families', {
      description: 'Model families of this provider, by name.',
      query: { orderBy: { name: 'asc' } },
    }),
    models: t.relation('models', {
      description: 'Models of this provider, by name.',
      query: { orderBy: { name: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  providers: t.drizzleField({
    type: ['providers'],
    description: 'Every provider, by name.',
    resolve: (query, _root, _args, ctx) => listProviders(ctx, query),
  }),
  provider: t.drizzleField({
    type: 'providers',
    nullable: true,
    description: 'One provider by slug; null when no provider has it.',
    args: { slug: t.arg.string({ required: true, description: 'The provider slug, e.g. "openai".' }) },
    resolve: (query, _root, args, ctx) => findProvider(ctx, query, args.slug),
  }),
}));
