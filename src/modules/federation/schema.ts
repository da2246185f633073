import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import {
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLUnionType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Context } from '../../context.js';
import type { models, providers } from '../../db/tables/index.js';
import { builder } from '../../schema/builder.js';
import { Benchmark } from '../catalog/types/benchmark.js';
import { Category } from '../catalog/types/category.js';
import { Model } from '../models/types/model.js';
import { Provider } from '../catalog/types/provider.js';
import type { SlugTable } from './loaders.js';

/** Drizzle tables whose GraphQL type is a federation entity keyed by `slug`, with their rows. */
interface SlugRows {
  models: typeof models.$inferSelect;
  providers: typeof providers.$inferSelect;
}

/**
 * The gateway's selection for the type is planned into a single `findMany … where slug in (…)`
 * per `_entities` field and table (the request's entity loader batches them), so N representations
 * cost one statement and the rows carry what the fields below them read.
 */
function loadBySlug<T extends SlugTable>(
  table: T,
  typeName: string,
  slug: string,
  ctx: Context,
  info: GraphQLResolveInfo,
) {
  const loader = ctx.loaders.entities(table, info, async (slugs) => {
    const query = queryFromInfo({
      config: getSchemaConfig(builder),
      context: ctx,
      info,
      typeName,
      where: { slug: { in: [...slugs] } },
    });
    // The table is one of two with a `slug` column; the query's shape is the plugin's, not ours.
    const api = ctx.db.query[table] as unknown as { findMany(q: object): Promise<{ slug: string }[]> };
    const rows = new Map((await api.findMany(query)).map((row) => [row.slug, row]));
    return slugs.map((slug) => rows.get(slug) ?? null);
  });
  return loader.load(slug) as Promise<SlugRows[T] | null>;
}

const slugKey = builder.selection<{ slug: string }>('slug');

builder.asEntity(Model, {
  key: slugKey,
  resolveReference: (ref, ctx, info) => loadBySlug('models', 'Model', ref.slug, ctx, info),
});

builder.asEntity(Provider, {
  key: slugKey,
  resolveReference: (ref, ctx, info) => loadBySlug('providers', 'Provider', ref.slug, ctx, info),
});

builder.asEntity(Benchmark, {
  key: slugKey,
  resolveReference: async (ref, ctx) => (await ctx.loaders.catalog()).benchmarkBySlug.get(ref.slug) ?? null,
});

builder.asEntity(Category, {
  key: slugKey,
  resolveReference: async (ref, ctx) => (await ctx.loaders.catalog()).categoryBySlug.get(ref.slug) ?? null,
});

const FEDERATION_DESCRIPTIONS = {
  _Any: 'An entity representation from a federation gateway: `__typename` and the key fields (`slug`).',
  _Entity: 'Every type another subgraph can reference by key: Model, Provider, Benchmark and Category.',
  _Service: 'This subgraph, as a federation gateway sees it.',
  _entities:
    'Resolves entity representations to objects, in order; null for a key no object has. For federation gateways.',
  representations: 'Entity representations: `__typename` and `slug`.',
  _service: "This subgraph's SDL with its federation directives, for federation gateways.",
} as const;

/**
 * The served schema: ours plus the Apollo Federation v2 subgraph fields (`_entities`, `_service`),
 * with every federation element described. Only Query refers to `_Any`, `_Entity` and `_Service`,
 * so rebuilding Query around described copies leaves every other type as the plugin built it
 * (`_Any` is a module singleton of @apollo/subgraph, not ours to mutate).
 */
export function subgraphSchema(): GraphQLSchema {
  const schema = builder.toSubGraphSchema({ sortSchema: false, federationDirectives: ['@key'] });
  const config = schema.toConfig();
  const query = schema.getQueryType()!.toConfig();
  const d = FEDERATION_DESCRIPTIONS;
  const entity = schema.getType('_Entity') as GraphQLUnionType;
  const service = schema.getType('_Service') as GraphQLObjectType;
  const any = new GraphQLScalarType({
    ...(schema.getType('_Any') as GraphQLScalarType).toConfig(),
    description: d._Any,
  });
  const Entity = new GraphQLUnionType({ ...entity.toConfig(), description: d._Entity });
  const Service = new GraphQLObjectType({ ...service.toConfig(), description: d._Service });
  const { _entities, _service, ...fields } = query.fields;
  const Query = new GraphQLObjectType({
    ...query,
    fields: {
      ...fields,
      _entities: {
        ..._entities!,
        // Checked before any reference loads: a bad representation failing halfway through the
        // list would leave the loads already started without anyone awaiting them.
        resolve: (source, args, ctx, info) => {
          const known = new Set(Entity.getTypes().map((type) => type.name));
          const representations = (args as { representations: { __typename?: unknown; slug?: unknown }[] })
            .representations;
          representations.forEach((r, i) => {
            if (typeof r.__typename !== 'string' || !known.has(r.__typename) || typeof r.slug !== 'string') {
              throw new GraphQLError(
                `representations[${i}]: needs a __typename among ${[...known].join(', ')} and a string slug`,
                { extensions: { code: 'BAD_USER_INPUT' } },
              );
            }
          });
          return _entities!.resolve!(source, args, ctx, info);
        },
        description: d._entities,
        type: new GraphQLNonNull(new GraphQLList(Entity)),
        args: {
          representations: {
            ..._entities!.args!.representations!,
            description: d.representations,
            type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(any))),
          },
        },
      },
      _service: { ..._service!, description: d._service, type: new GraphQLNonNull(Service) },
    },
  });
  const replaced = new Set(['Query', '_Any', '_Entity', '_Service']);
  return new GraphQLSchema({
    ...config,
    query: Query,
    types: [...config.types.filter((type) => !replaced.has(type.name)), Query, any, Entity, Service],
  });
}
