import { sql, type SQL } from 'drizzle-orm';
import { blendedPriceSql } from '../../../domain/comparison/prices.js';
import { priceInEffectSql } from '../../../domain/prices/in-effect.js';

/**
 * The relational-query config that loads a model's price as of a day: `priceInEffect`
 * (src/domain/prices/in-effect.ts) in the form relational queries take, the latest price row
 * effective on or before the day. A config, not SQL, so the query planner can merge it: shared by
 * Model.pricing and the comparison loader so the two plan the same relation in one statement.
 * test/integration/rule-twins.test.ts holds it to the rule with the SQL twin.
 */
export function priceAsOf(day: string) {
  return {
    where: { effectiveFrom: { lte: day } },
    orderBy: { effectiveFrom: 'desc' as const },
    limit: 1,
  };
}

/** The blended price in effect for `modelId` on `day`, as a scalar subquery (null before the first price). */
export function blendedPriceInEffectSql(modelId: SQL, day: SQL): SQL {
  return priceInEffectSql(sql, blendedPriceSql(sql, sql`p.input_price`, sql`p.output_price`), modelId, day);
}
