import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

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
const categoryEntry = z.strictObject({ slug, name, description: z.string(), weight });
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

export type ProviderEntry = z.output<typeof providerEntry>;
export type FamilyEntry = z.output<typeof familyEntry>;
export type ModelEntry = z.output<typeof modelEntry>;
export type CategoryEntry = z.output<typeof categoryEntry>;
export type BenchmarkEntry = z.output<typeof benchmarkEntry>;
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

const SCHEMAS = {
  providers: providerEntry,
  families: familyEntry,
  models: modelEntry,
  categories: categoryEntry,
  benchmarks: benchmarkEntry,
  scores: scoreEntry,
} as const;

/** A part of a dataset: one of its six files. */
export type Part = keyof typeof SCHEMAS;
const PARTS = Object.keys(SCHEMAS) as Part[];

/** One problem in a dataset; `entry` is the 0-based array index, null for a whole-file problem. */
export interface DatasetIssue {
  file: string;
  entry: number | null;
  field?: string;
  /** The full sentence, naming the file, the entry and the field. */
  message: string;
}

/** Every problem found in a dataset folder; `file`, `entry` and `field` are those of the first. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  readonly file: string;
  readonly entry: number | null;
  readonly field: string | undefined;

  constructor(
    readonly issues: readonly DatasetIssue[],
    dir?: string,
  ) {
    const head = `${issues.length} problem${issues.length === 1 ? '' : 's'} in dataset${dir ? ` ${dir}` : ''}`;
    super(`${head}:\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
    const first = issues[0];
    this.file = first?.file ?? '';
    this.entry = first?.entry ?? null;
    this.field = first?.field;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return '';
}

/**
 * How a problem's location reads: `scores.json entry 17 (value 120)` for a folder,
 * `scores[17].value (120)` for a mutation's input.
 */
export type IssueStyle = 'file' | 'input';

/** Collects issues with the location written into each message. */
class Issues {
  readonly list: DatasetIssue[] = [];

  constructor(private readonly style: IssueStyle = 'file') {}

  file(part: Part, problem: string): void {
    const file = `${part}.json`;
    this.list.push({ file, entry: null, message: `${file}: ${problem}` });
  }

  entry(part: Part, entry: number, raw: unknown, field: string | undefined, problem: string): void {
    const file = `${part}.json`;
    const value = field !== undefined && isRecord(raw) ? show(raw[field]) : '';
    const where =
      this.style === 'file'
        ? `${file} entry ${entry}${field === undefined ? '' : ` (${field}${value ? ` ${value}` : ''})`}`
        : `${part}[${entry}]${field === undefined ? '' : `.${field}${value ? ` (${value})` : ''}`}`;
    this.list.push({ file, entry, ...(field === undefined ? {} : { field }), message: `${where}: ${problem}` });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(raw: unknown, field: string): string | undefined {
  return isRecord(raw) && typeof raw[field] === 'string' ? raw[field] : undefined;
}

async function readPart(dir: string, part: Part, issues: Issues): Promise<unknown[] | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, `${part}.json`), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    issues.file(part, code === 'ENOENT' ? 'file not found' : `cannot read the file (${(err as Error).message})`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    issues.file(part, `malformed JSON (${(err as Error).message})`);
    return undefined;
  }
  if (!Array.isArray(json)) {
    issues.file(part, 'must be a JSON array of objects');
    return undefined;
  }
  return json;
}

// Zod's type messages ("expected number, received number" for Infinity) read poorly to a curator.
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (value === undefined) return 'is required';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'must be a finite number';
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`}, not ${got}`;
}

function validateEntries(part: Part, raws: unknown[], issues: Issues): unknown[] {
  return raws.map((raw, i) => {
    const result = SCHEMAS[part].safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) issues.entry(part, i, raw, key, 'unknown field');
        continue;
      }
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
      issues.entry(
        part,
        i,
        raw,
        field,
        describe(issue, field === undefined ? raw : isRecord(raw) ? raw[field] : undefined),
      );
    }
    return undefined;
  });
}

/** Slug → index of its first entry; later duplicates are reported. */
function indexSlugs(part: Part, raws: unknown[], issues: Issues): Map<string, number> {
  const seen = new Map<string, number>();
  raws.forEach((raw, i) => {
    const s = stringField(raw, 'slug');
    if (s === undefined) return;
    const first = seen.get(s);
    if (first === undefined) seen.set(s, i);
    else issues.entry(part, i, raw, 'slug', `duplicate slug ${JSON.stringify(s)} (first at entry ${first})`);
  });
  return seen;
}

/** A model's family must be one of its own provider's families. */
function checkFamilyOwners(families: unknown[], models: unknown[], issues: Issues): void {
  const owners = new Map<string, string>();
  for (const f of families) {
    const s = stringField(f, 'slug');
    const p = stringField(f, 'provider');
    if (s !== undefined && p !== undefined && !owners.has(s)) owners.set(s, p);
  }
  models.forEach((m, i) => {
    const family = stringField(m, 'family');
    const provider = stringField(m, 'provider');
    const owner = family === undefined ? undefined : owners.get(family);
    if (owner !== undefined && provider !== undefined && owner !== provider) {
      issues.entry(
        'models',
        i,
        m,
        'family',
        `family ${JSON.stringify(family)} belongs to provider ${JSON.stringify(owner)}, not ${JSON.stringify(provider)}`,
      );
    }
  });
}

/** Values inside their benchmark's scale (when that benchmark is valid), and no duplicate scores. */
function checkScores(
  raws: unknown[],
  benchmarks: (BenchmarkEntry | undefined)[],
  parsed: (ScoreEntry | undefined)[],
  issues: Issues,
): void {
  const scales = new Map<string, BenchmarkEntry>();
  for (const b of benchmarks) if (b && !scales.has(b.slug)) scales.set(b.slug, b);
  const seen = new Map<string, number>();
  raws.forEach((s, i) => {
    const bench = scales.get(stringField(s, 'benchmark') ?? '');
    const value = isRecord(s) ? s.value : undefined;
    if (
      bench &&
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (value < bench.scaleMin || value > bench.scaleMax)
    ) {
      issues.entry(
        'scores',
        i,
        s,
        'value',
        `outside the scale of benchmark "${bench.slug}" (${bench.scaleMin}..${bench.scaleMax})`,
      );
    }
    const score = parsed[i];
    if (!score) return;
    const key = JSON.stringify([score.model, score.benchmark, score.source, score.verified, score.measuredOn ?? null]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      issues.entry(
        'scores',
        i,
        s,
        undefined,
        `duplicate score: same model, benchmark, source, verified and measuredOn as entry ${first}`,
      );
  });
}

/**
 * What the database already holds that a partial dataset may refer to: slugs by kind, each
 * family's provider, each benchmark's scale. A folder import needs none of it (it is self-contained).
 */
export interface KnownRows {
  providers: ReadonlySet<string>;
  families: ReadonlyMap<string, string>;
  models: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  benchmarks: ReadonlyMap<string, Pick<BenchmarkEntry, 'slug' | 'scaleMin' | 'scaleMax'>>;
}

/** A dataset whose parts may be missing (a mutation's input), as parsed JSON not yet validated. */
export type RawDataset = Partial<Record<Part, unknown[]>>;

/**
 * Validates a dataset, whole (a folder) or partial (a mutation), and throws one DatasetError
 * listing every problem. References resolve to the dataset's own entries or to `known` rows.
 * This is the only validation path: the importer and every data mutation go through it.
 */
export function validateDataset(
  raw: RawDataset,
  options: { known?: KnownRows; style?: IssueStyle; issues?: Issues; dir?: string } = {},
): Dataset {
  const issues = options.issues ?? new Issues(options.style);
  const known = options.known;
  const parsed = Object.fromEntries(PARTS.map((p) => [p, validateEntries(p, raw[p] ?? [], issues)])) as Record<
    Part,
    unknown[]
  >;
  const slugs = Object.fromEntries(
    PARTS.filter((p) => p !== 'scores').map((p) => [p, raw[p] ? indexSlugs(p, raw[p], issues) : undefined]),
  ) as Partial<Record<Part, Map<string, number>>>;
  const knownSlugs: Partial<Record<Part, { has(slug: string): boolean }>> = known
    ? {
        providers: known.providers,
        families: known.families,
        models: known.models,
        categories: known.categories,
        benchmarks: known.benchmarks,
      }
    : {};

  // A reference is checked only when its target is known (file loaded, or database rows given);
  // otherwise every entry would repeat the missing-file problem.
  const checkRef = (part: Part, field: string, target: Part, label: string): void => {
    const inData = slugs[target];
    const inDb = knownSlugs[target];
    if (!inData && !inDb) return;
    (raw[part] ?? []).forEach((entry, i) => {
      const ref = stringField(entry, field);
      if (ref !== undefined && !inData?.has(ref) && !inDb?.has(ref))
        issues.entry(part, i, entry, field, `unknown ${label} slug ${JSON.stringify(ref)}`);
    });
  };
  checkRef('families', 'provider', 'providers', 'provider');
  checkRef('models', 'provider', 'providers', 'provider');
  checkRef('models', 'family', 'families', 'family');
  checkRef('benchmarks', 'category', 'categories', 'category');
  checkRef('scores', 'model', 'models', 'model');
  checkRef('scores', 'benchmark', 'benchmarks', 'benchmark');

  const knownFamilies = known ? [...known.families].map(([slug, provider]) => ({ slug, provider })) : [];
  checkFamilyOwners([...(raw.families ?? []), ...knownFamilies], raw.models ?? [], issues);
  const knownBenchmarks = known ? [...known.benchmarks.values()] : [];
  checkScores(
    raw.scores ?? [],
    [...(parsed.benchmarks as (BenchmarkEntry | undefined)[]), ...(knownBenchmarks as BenchmarkEntry[])],
    parsed.scores as (ScoreEntry | undefined)[],
    issues,
  );

  if (issues.list.length > 0) {
    // Checks run pass by pass; sorting puts each file's problems together, in entry order.
    const order = (i: DatasetIssue) => PARTS.indexOf(i.file.replace(/\.json$/, '') as Part);
    const sorted = [...issues.list].sort((a, b) => order(a) - order(b) || (a.entry ?? -1) - (b.entry ?? -1));
    throw new DatasetError(sorted, options.dir);
  }
  return Object.fromEntries(PARTS.map((p) => [p, parsed[p] ?? []])) as unknown as Dataset;
}

/**
 * Reads and validates a dataset folder (see data/README.md). Every problem is collected, then
 * thrown as one DatasetError, so a curator fixes a folder in one pass rather than one error per run.
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const issues = new Issues('file');
  const raw = Object.fromEntries(
    await Promise.all(PARTS.map(async (p) => [p, await readPart(dir, p, issues)] as const)),
  ) as Record<Part, unknown[] | undefined>;
  return validateDataset(raw, { issues, dir });
}
