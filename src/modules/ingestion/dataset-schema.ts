import { z } from 'zod';
import { defaultCategoryWeight } from '../../domain/scoring/methodology.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  // Round-tripping through Date.UTC rejects 2025-02-30 and 2025-13-01, which the regex lets through.
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const slug = z.string().regex(KEBAB, 'must be a kebab-case slug (a-z, 0-9, single hyphens)');
// Not trimmed: names are stored byte for byte; one that is only white space is refused.
const name = z.string().refine((v) => v.trim().length > 0, 'must not be empty');
const day = z.string().refine(isDay, 'must be a valid date in YYYY-MM-DD form');
const httpUrl = z.string().refine(isHttpUrl, 'must be an http(s) URL');
const price = z.number().nonnegative('must not be negative');
const weight = z.number().nonnegative('must not be negative');
const positiveInt = z.number().int('must be an integer').positive('must be positive');

// Strict objects: a misspelt optional field (`releaseDte`) would otherwise vanish silently.
const providerEntry = z.strictObject({ slug, name, website: httpUrl.nullish() });
const familyEntry = z.strictObject({ slug, name, provider: slug });
const modelEntry = z.strictObject({
  slug,
  name,
  provider: slug,
  family: slug,
  releaseDate: day.nullish(),
  contextWindow: positiveInt,
  maxOutputTokens: positiveInt.nullish(),
  inputPricePerMTok: price,
  outputPricePerMTok: price,
  cachedInputPricePerMTok: price.nullish(),
  outputTokensPerSecond: z.number().positive('must be positive').nullish(),
  timeToFirstTokenSeconds: z.number().nonnegative('must not be negative').nullish(),
  openWeights: z.boolean(),
  parameters: z.number().positive('must be positive').nullish(),
});
// Without a weight, a category takes its default weight in the overall score (METHODOLOGY §3).
const categoryEntry = z
  .strictObject({ slug, name, description: z.string(), weight: weight.optional() })
  .transform((entry) => ({ ...entry, weight: entry.weight ?? defaultCategoryWeight(entry.slug) }));
const benchmarkEntry = z
  .strictObject({
    slug,
    name,
    category: slug,
    unit: z.enum(['percent', 'elo', 'score']),
    higherIsBetter: z.boolean(),
    scaleMin: z.number(),
    scaleMax: z.number(),
    weight,
    url: httpUrl.nullish(),
  })
  .refine((b) => b.scaleMax > b.scaleMin, { path: ['scaleMax'], message: 'must be greater than scaleMin' })
  // METHODOLOGY §2 uses a percent value as its own normalised value, which only holds on 0..100.
  .refine((b) => b.unit !== 'percent' || (b.scaleMin === 0 && b.scaleMax === 100), {
    path: ['scaleMin'],
    message: 'a percent benchmark must have the scale 0..100',
  });
const scoreEntry = z.strictObject({
  model: slug,
  benchmark: slug,
  value: z.number(),
  source: httpUrl,
  verified: z.boolean(),
  measuredOn: day.nullish(),
});

/** A provider entry of providers.json. */
export type ProviderEntry = z.output<typeof providerEntry>;
/** A family entry of families.json. */
export type FamilyEntry = z.output<typeof familyEntry>;
/** A model entry of models.json (with its current prices). */
export type ModelEntry = z.output<typeof modelEntry>;
/** A category entry of categories.json. */
export type CategoryEntry = z.output<typeof categoryEntry>;
/** A benchmark entry of benchmarks.json. */
export type BenchmarkEntry = z.output<typeof benchmarkEntry>;
/** A score entry of scores.json. */
export type ScoreEntry = z.output<typeof scoreEntry>;

/** A validated dataset folder, one array per file. */
export interface Dataset {
  providers: ProviderEntry[];
  families: FamilyEntry[];
  models: ModelEntry[];
  categories: CategoryEntry[];
  benchmarks: BenchmarkEntry[];
  scores: ScoreEntry[];
}

/** The schema of each part's entries. */
export const SCHEMAS = {
  providers: providerEntry,
  families: familyEntry,
  models: modelEntry,
  categories: categoryEntry,
  benchmarks: benchmarkEntry,
  scores: scoreEntry,
} as const;

/** A part of a dataset: one of its six files. */
export type Part = keyof typeof SCHEMAS;
/** The six parts, in the order a dataset's problems are reported. */
export const PARTS = Object.keys(SCHEMAS) as Part[];
