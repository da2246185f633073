import type { SqlTag } from '../sql-twin.js';

/** A recorded price row: in effect from its day (YYYY-MM-DD) until a later row of the model takes over. */
export interface DatedPrice {
  effectiveFrom: string;
}

/**
 * The price in effect on a day: the row with the latest `effectiveFrom` on or before it; null before
 * the first. A change is recorded, never overwritten, so this is how any day's price is read.
 */
export function priceInEffect<P extends DatedPrice>(prices: readonly P[], day: string): P | null {
  let found: P | null = null;
  for (const price of prices) {
    // ISO days compare as text; a model has at most one row per day.
    if (price.effectiveFrom <= day && (found === null || price.effectiveFrom > found.effectiveFrom)) found = price;
  }
  return found;
}

/**
 * `priceInEffect` in SQL, its twin: a subquery over `model_prices p` selecting `columns` (on alias `p`)
 * from the row in effect for `modelId` on `day`; a scalar subquery, or a lateral join for several
 * columns. Relational queries state it a third way, as the config `priceAsOf`
 * (src/modules/models/queries/prices.ts); test/integration/rule-twins.test.ts holds all three to it.
 */
export function priceInEffectSql<F>(tag: SqlTag<F>, columns: F, modelId: F, day: F): F {
  return tag`(select ${columns} from model_prices p
      where p.model_id = ${modelId} and p.effective_from <= ${day}::date
      order by p.effective_from desc limit 1)`;
}
