import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { models } from '../../db/tables/index.js';
import { builder } from '../../schema/builder.js';
import { priceAsOf } from './queries/prices.js';

/** A model row loaded with its price on a day (`with: { prices: priceAsOf(day) }`); no price before its first. */
export type ModelWithPrice = typeof models.$inferSelect & {
  prices: { inputPrice: number; outputPrice: number; cachedInputPrice: number | null }[];
};

/**
 * Loads models by id with ONE query planned from what the operation selects at `paths` (relative
 * to the current field), so nested provider, family and pricing selections ride along, and the
 * rows resolve at those paths without further queries. Each row also carries its price on `priceDay`.
 */
export async function modelRowsAt(
  ctx: Context,
  info: GraphQLResolveInfo,
  paths: string[][],
  where: { id: { in: number[] } } | { slug: { in: string[] } },
  priceDay: string = ctx.today,
): Promise<ModelWithPrice[]> {
  const query = await queryFromInfo({
    config: getSchemaConfig(builder),
    context: ctx,
    info,
    typeName: 'Model',
    paths,
    awaitSelections: true,
    where,
    with: { prices: priceAsOf(priceDay) },
  } as never);
  return (await ctx.db.query.models.findMany(query as never)) as unknown as ModelWithPrice[];
}

/** The same, keyed by id. */
export async function modelRowsById(
  ctx: Context,
  info: GraphQLResolveInfo,
  paths: string[][],
  ids: readonly number[],
): Promise<Map<number, ModelWithPrice>> {
  if (ids.length === 0) return new Map();
  const rows = await modelRowsAt(ctx, info, paths, { id: { in: [...new Set(ids)] } });
  return new Map(rows.map((r) => [r.id, r]));
}
