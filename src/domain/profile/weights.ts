/** A caller's category weight, by category slug. */
export interface WeightInput {
  category: string;
  weight: number;
}

/** Why a set of caller weights was refused; `path` names the culprit (e.g. `weights[2].weight`). */
export class WeightInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * Checks caller weights and maps them to category ids: every category known, none twice, every
 * weight finite and ≥ 0, at least one positive. The result replaces the lane's weights wholesale.
 */
export function resolveWeightInputs(
  inputs: readonly WeightInput[],
  categoryIdBySlug: ReadonlyMap<string, number>,
): Map<number, number> {
  const weights = new Map<number, number>();
  inputs.forEach((input, i) => {
    const id = categoryIdBySlug.get(input.category);
    if (id === undefined)
      throw new WeightInputError(
        `weights[${i}].category: no category has the slug "${input.category}"`,
        `weights[${i}].category`,
      );
    if (weights.has(id))
      throw new WeightInputError(
        `weights[${i}].category: "${input.category}" is given more than once`,
        `weights[${i}].category`,
      );
    if (!Number.isFinite(input.weight) || input.weight < 0) {
      throw new WeightInputError(
        `weights[${i}].weight: must be a finite number ≥ 0, got ${input.weight}`,
        `weights[${i}].weight`,
      );
    }
    weights.set(id, input.weight);
  });
  if (![...weights.values()].some((w) => w > 0))
    throw new WeightInputError('weights: at least one weight must be positive', 'weights');
  return weights;
}
