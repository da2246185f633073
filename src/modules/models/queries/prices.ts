/**
 * The relational-query config that loads a model's price as of a day: the latest price row
 * effective on or before it. Shared by Model.pricing and the comparison loader so the two plan
 * the same relation and merge into one statement.
 */
export function priceAsOf(day: string) {
  return {
    where: { effectiveFrom: { lte: day } },
    orderBy: { effectiveFrom: 'desc' as const },
    limit: 1,
  };
}
