import type { CategoryFacts, Methodology } from '../scoring/types.js';

/**
 * The category weights one computation uses. A caller's override replaces the lane's weights
 * wholesale (a category it leaves out weighs 0), so the caller gets exactly the mix they asked
 * for; otherwise the lane's weights, falling back to each category's own weight.
 */
export function resolveCategoryWeights(
  categories: readonly CategoryFacts[],
  methodology: Methodology,
  override?: ReadonlyMap<number, number>,
): Map<number, number> {
  if (override !== undefined) {
    for (const [categoryId, weight] of override) {
      if (!Number.isFinite(weight) || weight < 0) {
        throw new RangeError(`category weight for category ${categoryId} must be a finite number ≥ 0, got ${weight}`);
      }
    }
  }
  const weights = new Map<number, number>();
  for (const category of categories) {
    const weight =
      override !== undefined
        ? (override.get(category.id) ?? 0)
        : (methodology.categoryWeights.get(category.id) ?? category.weight);
    weights.set(category.id, weight);
  }
  return weights;
}

/**
 * Weight-averaged category scores, renormalised over the categories where the model has a
 * score; null when it has none, or when every scored category weighs 0.
 */
export function overallScore(
  categoryScores: ReadonlyMap<number, number>,
  weights: ReadonlyMap<number, number>,
): number | null {
  let weighted = 0;
  let total = 0;
  for (const [categoryId, score] of categoryScores) {
    const weight = weights.get(categoryId) ?? 0;
    if (!(weight > 0)) continue;
    weighted += weight * score;
    total += weight;
  }
  return total > 0 ? weighted / total : null;
}
