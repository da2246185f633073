import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { models, providers } from '../../db/tables/index.js';
import { builder } from '../../schema/builder.js';
import type { SlugTable } from './loaders.js';

export { findBenchmark, findCategory } from '../catalog/service.js';

/** Drizzle tables whose GraphQL type is a federation entity keyed by `slug`, with their rows. */
interface SlugRows {
  models: typeof models.$inferSelect;
  providers: typeof providers.$inferSelect;
}

/** What a gateway sends for each entity: `__typename` and the key, unchecked. */
export interface Representation {
  __typename?: unknown;
  slug?: unknown;
}

/**
 * The entity a slug names, or null. The gateway's selection for the type is planned into a single
 * `findMany … where slug in (…)` per `_entities` field and table (the request's entity loader
 * batches them), so N representations cost one statement and the rows carry what the fields
 * below them read.
 */
export function loadBySlug<T extends SlugTable>(
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

/**
 * Resolves representations with `resolve` once every one of them is checked: a bad one failing
 * halfway through the list would leave the loads already started without anyone awaiting them.
 */
export function checkedEntities<R>(
  known: ReadonlySet<string>,
  representations: readonly Representation[],
  resolve: () => R,
): R {
  representations.forEach((r, i) => {
    if (typeof r.__typename !== 'string' || !known.has(r.__typename) || typeof r.slug !== 'string') {
      throw new GraphQLError(
        `representations[${i}]: needs a __typename among ${[...known].join(', ')} and a string slug`,
        { extensions: { code: 'BAD_USER_INPUT' } },
      );
    }
  });
  return resolve();
}
