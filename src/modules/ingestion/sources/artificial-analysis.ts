import {
  byText,
  compact,
  dayInFileName,
  dayOf,
  entryLabel,
  failAt,
  isRecord,
  numberOrUndefined,
  resolveSnapshotDate,
  shiftDecimal,
  textOrUndefined,
} from './common.js';
import { normalizeModelName } from './names.js';
import { parseJson } from './json.js';
import {
  SourceFormatError,
  type ParseOptions,
  type SourceFile,
  type SourceModel,
  type SourceScore,
  type SourceSnapshot,
} from './types.js';

const SOURCE_URL = 'https://artificialanalysis.ai/';
const MODEL_URL = 'https://artificialanalysis.ai/models/';

type Fail = (field: string) => (problem: string) => never;

// Artificial Analysis writes 0 where it has no measurement (speeds, prices, evaluations): never a real 0.
function positive(value: unknown, fail: (problem: string) => never): number | undefined {
  const n = numberOrUndefined(value, fail);
  if (n === undefined || n === 0) return undefined;
  return n > 0 ? n : fail(`${n} is negative`);
}

// Composite indices are already 0..100; per-benchmark evaluations are fractions, which we store as percent.
function evaluations(raw: unknown, fail: Fail, url: string): SourceScore[] {
  if (raw === undefined || raw === null) return [];
  if (!isRecord(raw)) return fail('evaluations')('must be an object');
  const scores: SourceScore[] = [];
  for (const [key, v] of Object.entries(raw)) {
    const value = positive(v, fail(`evaluations.${key}`));
    if (value === undefined) continue;
    const index = key.startsWith('artificial_analysis_');
    if (value > (index ? 100 : 1)) fail(`evaluations.${key}`)(`${value} is above ${index ? 100 : 1}`);
    scores.push({ benchmark: key, value: index ? value : shiftDecimal(value, 2), url });
  }
  return scores.sort((a, b) => byText(a.benchmark, b.benchmark));
}

function readModel(raw: unknown, index: number, file: string): SourceModel {
  const rec = isRecord(raw) ? raw : undefined;
  const fail: Fail = failAt(file, entryLabel(index, rec?.slug ?? rec?.id));
  if (!rec) return fail('the entry')('must be an object');
  const id = textOrUndefined(rec.id, fail('id')) ?? fail('id')('is required');
  const slug = textOrUndefined(rec.slug, fail('slug'));
  const name = textOrUndefined(rec.name, fail('name')) ?? fail('name')('is required');
  const creator = isRecord(rec.model_creator) ? rec.model_creator : {};
  const pricing = isRecord(rec.pricing) ? rec.pricing : fail('pricing')('must be an object');
  // The older payload puts speeds at the top level, the paginated one under `performance`.
  const perf = isRecord(rec.performance) ? rec.performance : rec;
  const release = textOrUndefined(rec.release_date, fail('release_date'));
  if (release !== undefined && dayOf(release) !== release) fail('release_date')(`${release} is not a YYYY-MM-DD day`);
  const variant = normalizeModelName(name).variant;
  return compact<SourceModel>({
    externalId: id,
    slug,
    name,
    vendor: textOrUndefined(creator.slug ?? creator.name, fail('model_creator')),
    releaseDate: release,
    variant,
    inputPricePerMTok: positive(pricing.price_1m_input_tokens, fail('pricing.price_1m_input_tokens')),
    outputPricePerMTok: positive(pricing.price_1m_output_tokens, fail('pricing.price_1m_output_tokens')),
    cachedInputPricePerMTok: positive(pricing.price_1m_cache_hit_tokens, fail('pricing.price_1m_cache_hit_tokens')),
    outputTokensPerSecond: positive(perf.median_output_tokens_per_second, fail('median_output_tokens_per_second')),
    timeToFirstTokenSeconds: positive(
      perf.median_time_to_first_token_seconds,
      fail('median_time_to_first_token_seconds'),
    ),
    scores: evaluations(rec.evaluations, fail, `${MODEL_URL}${slug ?? id}`),
  });
}

interface Page {
  models: unknown[];
  fetchedAt?: string;
  pagination?: { page: number; totalPages: number; hasMore: boolean };
}

// Three shapes: the API's `{ data: [...] }` (paginated or not), a fetcher's `{ fetched_at, count, models }`,
// and a bare array.
function readPage({ file, text }: SourceFile): Page {
  const { value } = parseJson(text, file);
  if (Array.isArray(value)) return { models: value };
  const list = isRecord(value) ? (value.data ?? value.models) : undefined;
  if (!isRecord(value) || !Array.isArray(list)) {
    throw new SourceFormatError(
      file,
      'top level',
      'expected an array of models, or an object with a "data" or "models" array',
    );
  }
  if (typeof value.count === 'number' && value.count !== list.length) {
    throw new SourceFormatError(
      file,
      'top level',
      `"count" says ${value.count} models but the file has ${list.length}`,
    );
  }
  const p = value.pagination;
  const pagination = isRecord(p)
    ? { page: Number(p.page), totalPages: Number(p.total_pages), hasMore: p.has_more === true }
    : undefined;
  return { models: list, fetchedAt: dayOf(value.fetched_at), ...(pagination ? { pagination } : {}) };
}

/**
 * Reads Artificial Analysis's `/api/v2/data/llms/models` payload, one file or the pages of one fetch.
 * Prices are already per million tokens; every 0 is "not measured"; each evaluation is its own score
 * (fractions become percent, indices stay 0..100). The date is the payload's `fetched_at`, else the file name's.
 */
export function parseArtificialAnalysis(
  input: SourceFile | readonly SourceFile[],
  options: ParseOptions = {},
): SourceSnapshot {
  const files = Array.isArray(input) ? (input as readonly SourceFile[]) : [input as SourceFile];
  const first = files[0];
  if (!first) throw new SourceFormatError('(no file)', '', 'no Artificial Analysis file given');
  const models: SourceModel[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  let fetchedAt: string | undefined;
  for (const source of files) {
    const page = readPage(source);
    fetchedAt ??= page.fetchedAt;
    page.models.forEach((raw, index) => {
      const model = readModel(raw, index, source.file);
      const before = seen.get(model.externalId);
      if (before)
        throw new SourceFormatError(source.file, entryLabel(index, model.slug), `duplicate id (also in ${before})`);
      seen.set(model.externalId, source.file);
      models.push(model);
    });
    const p = page.pagination;
    if (p && p.hasMore && source === files[files.length - 1]) {
      warnings.push(
        `${source.file}: page ${p.page} of ${p.totalPages}; later pages were not given, so models are missing`,
      );
    }
  }
  const snapshotDate = resolveSnapshotDate(first.file, options.snapshotDate, fetchedAt, dayInFileName(first.file));
  return { source: 'artificial-analysis', snapshotDate, sourceUrl: SOURCE_URL, models, warnings };
}
