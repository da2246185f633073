import { and, gt, gte, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { families, providers } from '../../../db/tables/index.js';
import { blendedPriceInEffectSql } from './prices.js';

/** The filters a model list accepts (GraphQL `ModelFilter`). */
export interface ModelFilterValues {
  providers?: readonly string[] | null;
  families?: readonly string[] | null;
  openWeights?: boolean | null;
  maxBlendedPrice?: number | null;
  minContextWindow?: number | null;
  releasedAfter?: string | null;
  search?: string | null;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The model columns a filter reads: the models table itself or an alias of it. */
export type ModelColumns = Record<
  'id' | 'providerId' | 'familyId' | 'openWeights' | 'contextWindow' | 'releaseDate' | 'name' | 'slug',
  AnyPgColumn
>;

/**
 * The SQL condition of a filter over `table` (the models table or its alias in a relational
 * query), as of `day` for the price. One definition serves the list and its count.
 */
export function modelFilterSql(
  table: ModelColumns,
  filter: ModelFilterValues | null | undefined,
  day: string,
): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.providers) {
    const slugs = inArray(providers.slug, [...filter.providers]);
    conditions.push(sql`${table.providerId} in (select ${providers.id} from ${providers} where ${slugs})`);
  }
  if (filter.families) {
    const slugs = inArray(families.slug, [...filter.families]);
    conditions.push(sql`${table.familyId} in (select ${families.id} from ${families} where ${slugs})`);
  }
  if (filter.openWeights != null) conditions.push(sql`${table.openWeights} = ${filter.openWeights}`);
  if (filter.minContextWindow != null) conditions.push(gte(table.contextWindow, filter.minContextWindow));
  if (filter.releasedAfter != null) conditions.push(gt(table.releaseDate, filter.releasedAfter));
  if (filter.maxBlendedPrice != null) {
    conditions.push(sql`${blendedPriceInEffectSql(sql`${table.id}`, sql`${day}`)} <= ${filter.maxBlendedPrice}`);
  }
  if (filter.search) {
    const pattern = `%${likeLiteral(filter.search)}%`;
    conditions.push(or(ilike(table.name, pattern), ilike(table.slug, pattern)));
  }
  return and(...conditions);
}
