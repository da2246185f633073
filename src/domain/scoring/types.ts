/**
 * Plain rows the scoring, profile and comparison math works on. Nothing here knows about
 * GraphQL or the database: loaders map table rows into these shapes.
 */

/** Which scores count: every score, or independently measured ones only. */
export type Lane = 'PROVISIONAL' | 'VERIFIED';

/** Who published a score: a third party, or the model's vendor. */
export type Provenance = 'INDEPENDENT' | 'SELF_REPORTED';

/** A benchmark category with its default weight in the overall score. */
export interface CategoryFacts {
  id: number;
  slug: string;
  name: string;
  weight: number;
}

/** A benchmark with what normalisation and aggregation need. */
export interface BenchmarkFacts {
  id: number;
  slug: string;
  name: string;
  categoryId: number;
  higherIsBetter: boolean;
  scaleMin: number;
  scaleMax: number;
  /** Weight inside its category; 0 means display-only (shown, never aggregated). */
  weight: number;
}

/** One published (current, not retracted) score. */
export interface ScoreFacts {
  id: number;
  modelId: number;
  benchmarkId: number;
  value: number;
  provenance: Provenance;
  /** YYYY-MM-DD, or null when unknown. */
  measuredOn: string | null;
  /** When the service recorded it (epoch milliseconds); ties broken by id. */
  recordedAt: number;
}

/** The reference data every computation needs. */
export interface Catalog {
  categories: readonly CategoryFacts[];
  benchmarks: readonly BenchmarkFacts[];
}

/** A model's own figures (prices in USD per million tokens). */
export interface ModelFacts {
  id: number;
  slug: string;
  name: string;
  providerId: number;
  familyId: number | null;
  inputPrice: number;
  outputPrice: number;
  cachedInputPrice: number | null;
  outputTokensPerSecond: number | null;
  timeToFirstTokenSeconds: number | null;
  contextWindow: number;
}

/** The rules of one methodology version. */
export interface Methodology {
  version: string;
  /** Effective scores on at least this many weight > 0 benchmarks to be ranked. */
  minBenchmarks: number;
  /** ... in at least this many categories. */
  minCategories: number;
  /** Category weights in the overall score, by category id; a category absent here uses its own `weight`. */
  categoryWeights: ReadonlyMap<number, number>;
}
