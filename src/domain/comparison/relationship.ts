import type { ModelFacts } from '../scoring/types.js';

/** How the compared models are related. */
export type Relationship = 'SIBLINGS' | 'SAME_PROVIDER' | 'CROSS_PROVIDER';

/** SIBLINGS when all share a (known) family, SAME_PROVIDER when all share a provider, else CROSS_PROVIDER. */
export function relationship(models: readonly Pick<ModelFacts, 'familyId' | 'providerId'>[]): Relationship {
  const [first] = models;
  if (first === undefined) return 'CROSS_PROVIDER';
  // A null family is unknown, not a family of its own: two family-less models are not siblings.
  if (first.familyId !== null && models.every((model) => model.familyId === first.familyId)) return 'SIBLINGS';
  if (models.every((model) => model.providerId === first.providerId)) return 'SAME_PROVIDER';
  return 'CROSS_PROVIDER';
}
