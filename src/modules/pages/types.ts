// The answers of the pages' documents (compare-page.graphql, model-page.graphql), as JSON.

/** A reference to a model by slug. */
export interface Ref {
  slug: string;
}

/** Prices in USD per million tokens. */
export interface Pricing {
  input: number;
  output: number;
  cachedInput: number | null;
  blended: number;
}

/** A compared model, with the figures that need no scores. */
export interface PageModel extends Ref {
  name: string;
  provider: { name: string };
  family: { slug: string; name: string } | null;
  pricing: Pricing | null;
  outputTokensPerSecond: number | null;
  timeToFirstTokenSeconds: number | null;
  contextWindow: number;
}

/** A value of one model. */
export interface ModelValue {
  model: Ref;
  value: number;
}

/** One compared category. */
export interface CategoryRow {
  category: { slug: string; name: string };
  leader: Ref | null;
  difference: number;
  averages: ModelValue[];
  decisiveBenchmark: { benchmark: { name: string }; spread: number };
}

/** One verdict entry. */
export interface VerdictEntry {
  priority: 'CATEGORY' | 'COST' | 'SPEED' | 'LATENCY' | 'CONTEXT';
  outcome: 'WIN' | 'TIE' | 'NOT_ENOUGH_DATA';
  category: { name: string } | null;
  winner: Ref | null;
}

/** A model's capability estimate (METHODOLOGY.md §6): θ with its 95 % interval and rank bounds. */
export interface CapabilityEstimate {
  value: number;
  low: number;
  high: number;
  rank: number | null;
  bestRank: number | null;
  worstRank: number | null;
  scoresUsed: number;
}

/** The comparison's capability section. */
export interface ComparisonCapability {
  fittedAt: string | null;
  outcome: 'WIN' | 'TIE' | 'NOT_ENOUGH_DATA';
  leader: Ref | null;
  models: { model: Ref; estimate: CapabilityEstimate | null }[];
  pairs: { a: Ref; b: Ref; probabilityAhead: number | null }[];
}

/** `comparison` as CompareView selects it. */
export interface Comparison {
  lane: string;
  methodologyVersion: string;
  relationship: 'SIBLINGS' | 'SAME_PROVIDER' | 'CROSS_PROVIDER';
  categoriesCompared: number;
  models: PageModel[];
  overall: { model: Ref; score: number | null; rank: number | null; ranked: boolean }[];
  overallMargin: 'TIE' | 'NARROW' | 'CLEAR' | 'DECISIVE' | null;
  overallDifference: number | null;
  categories: CategoryRow[];
  biggestSwing: {
    benchmark: { name: string; category: { name: string } };
    spread: number;
    values: ModelValue[];
  } | null;
  coverage: { model: Ref; missing: { slug: string; name: string }[] }[];
  prices: {
    cheapest: Ref | null;
    inputRatio: number | null;
    outputRatio: number | null;
    blendedRatio: number | null;
  };
  speed: { fastest: Ref | null; ratio: number | null };
  latency: { fastest: Ref | null; difference: number | null };
  context: { largest: Ref | null; tie: boolean };
  verdict: { summary: string; entries: VerdictEntry[] };
  capability: ComparisonCapability;
}

/** One category of a model's profile. */
export interface CategoryStanding {
  category: { slug: string; name: string };
  score: number;
  rank: number | null;
}

/** One benchmark score of a model. */
export interface ModelScore {
  benchmark: { slug: string; name: string; unit: string; category: { slug: string } };
  value: number;
  provenance: string;
}

/** `model` as ModelView selects it. */
export interface ModelDetail extends Omit<PageModel, 'family'> {
  releaseDate: string | null;
  openWeights: boolean;
  maxOutputTokens: number | null;
  family: { name: string; models: { slug: string; name: string }[] } | null;
  profile: {
    ranked: boolean;
    overall: number | null;
    rank: number | null;
    confidence: string;
    categoryCount: number;
    benchmarkCount: number;
    categories: CategoryStanding[];
  };
  scores: ModelScore[];
}

/** A GraphQL error as the API sends it. */
export interface ApiError {
  message: string;
  extensions?: { code?: string };
}

/** A GraphQL response. */
export interface ApiAnswer<T> {
  data?: T | null;
  errors?: ApiError[];
}
