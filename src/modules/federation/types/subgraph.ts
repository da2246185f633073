import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLUnionType,
} from 'graphql';
import { builder } from '../../../schema/builder.js';
import { Benchmark } from '../../catalog/types/benchmark.js';
import { Category } from '../../catalog/types/category.js';
import { Provider } from '../../catalog/types/provider.js';
import { Model } from '../../models/types/model.js';
import { checkedEntities, findBenchmark, findCategory, loadBySlug, type Representation } from '../service.js';

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
  resolveReference: (ref, ctx) => findBenchmark(ctx, ref.slug),
});

builder.asEntity(Category, {
  key: slugKey,
  resolveReference: (ref, ctx) => findCategory(ctx, ref.slug),
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
  const known = new Set(Entity.getTypes().map((type) => type.name));
  const Service = new GraphQLObjectType({ ...service.toConfig(), description: d._Service });
  const { _entities, _service, ...fields } = query.fields;
  const Query = new GraphQLObjectType({
    ...query,
    fields: {
      ...fields,
      _entities: {
        ..._entities!,
        resolve: (source, args, ctx, info) =>
          checkedEntities(known, (args as { representations: Representation[] }).representations, () =>
            _entities!.resolve!(source, args, ctx, info),
          ),
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
