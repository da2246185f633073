import { defineRelations } from 'drizzle-orm';
import * as schema from './tables/index.js';

/** Relations for Drizzle's relational queries (v2), shared by the client and Pothos. */
export const relations = defineRelations(schema, (r) => ({
  providers: {
    families: r.many.families(),
    models: r.many.models(),
  },
  families: {
    provider: r.one.providers({ from: r.families.providerId, to: r.providers.id, optional: false }),
    models: r.many.models(),
  },
  categories: {
    benchmarks: r.many.benchmarks(),
  },
  benchmarks: {
    category: r.one.categories({ from: r.benchmarks.categoryId, to: r.categories.id, optional: false }),
    scores: r.many.scores(),
  },
  models: {
    provider: r.one.providers({ from: r.models.providerId, to: r.providers.id, optional: false }),
    family: r.one.families({ from: r.models.familyId, to: r.families.id }),
    prices: r.many.modelPrices(),
    scores: r.many.scores(),
  },
  modelPrices: {
    model: r.one.models({ from: r.modelPrices.modelId, to: r.models.id, optional: false }),
  },
  profiles: {
    model: r.one.models({ from: r.profiles.modelId, to: r.models.id, optional: false }),
  },
  profileCategories: {
    model: r.one.models({ from: r.profileCategories.modelId, to: r.models.id, optional: false }),
  },
  scores: {
    model: r.one.models({ from: r.scores.modelId, to: r.models.id, optional: false }),
    benchmark: r.one.benchmarks({ from: r.scores.benchmarkId, to: r.benchmarks.id, optional: false }),
  },
}));
