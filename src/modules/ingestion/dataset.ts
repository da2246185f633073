import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DatasetError,
  describeIssue,
  isRecord,
  Issues,
  stringField,
  type DatasetIssue,
  type IssueStyle,
} from './dataset-issues.js';
import { PARTS, SCHEMAS, type BenchmarkEntry, type Dataset, type Part, type ScoreEntry } from './dataset-schema.js';

export { DatasetError, type DatasetIssue, type IssueStyle };
export type {
  BenchmarkEntry,
  CategoryEntry,
  Dataset,
  FamilyEntry,
  ModelEntry,
  Part,
  ProviderEntry,
  ScoreEntry,
} from './dataset-schema.js';

/** One part's file as parsed JSON; undefined (with the problem noted) when it is missing or not an array. */
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

/** Each entry parsed by its part's schema, or undefined (with its problems noted) when it breaks it. */
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
        describeIssue(issue, field === undefined ? raw : isRecord(raw) ? raw[field] : undefined),
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
        `family ${JSON.stringify(family)} belongs to provider ${JSON.stringify(owner)}, ` +
          `not ${JSON.stringify(provider)}`,
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
