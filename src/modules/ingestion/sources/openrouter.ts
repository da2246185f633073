import {
  compact,
  dayInFileName,
  entryLabel,
  failAt,
  isRecord,
  resolveSnapshotDate,
  shiftDecimal,
  textOrUndefined,
  tokensOrUndefined,
} from './common.js';
import { normalizeModelName } from './names.js';
import { parseJson } from './json.js';
import {
  SourceFormatError,
  type ParseOptions,
  type SourceFile,
  type SourceModel,
  type SourceSnapshot,
} from './types.js';

const SOURCE_URL = 'https://openrouter.ai/models';

type Fail = (field: string) => (problem: string) => never;

// A price per token, as OpenRouter writes it ("0.000002"), in USD per million tokens.
// "-1" marks a router whose price depends on the model it picks: missing. "0" is a real price only on a
// free endpoint; on anything else (Lyria's per-request pricing, a listing glitch) it means "not per token".
function perMillion(raw: unknown, free: boolean, fail: (problem: string) => never): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail(`must be a price string, not ${typeof raw}`);
  const text = String(raw).trim();
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return fail(`${JSON.stringify(raw)} is not a price`);
  const value = Number(text);
  if (value < 0) return undefined;
  if (value === 0) return free ? 0 : undefined;
  return shiftDecimal(text, 6);
}

function isFreeEndpoint(id: string, pricing: Record<string, unknown>): boolean {
  return id.endsWith(':free') || (/(^|[/:_-])free$/.test(id) && pricing.prompt === '0' && pricing.completion === '0');
}

function readModel(raw: unknown, index: number, file: string): SourceModel {
  const rec = isRecord(raw) ? raw : undefined;
  const fail: Fail = failAt(file, entryLabel(index, rec?.id));
  if (!rec) return fail('the entry')('must be an object');
  const id = textOrUndefined(rec.id, fail('id')) ?? fail('id')('is required');
  const name = textOrUndefined(rec.name, fail('name')) ?? id;
  if (!isRecord(rec.pricing)) return fail('pricing')('must be an object with prompt and completion prices');
  const pricing = rec.pricing;
  const free = isFreeEndpoint(id, pricing);
  if (rec.top_provider != null && !isRecord(rec.top_provider)) return fail('top_provider')('must be an object');
  const top = isRecord(rec.top_provider) ? rec.top_provider : {};
  const hf = textOrUndefined(rec.hugging_face_id, fail('hugging_face_id'));
  const slash = id.indexOf('/');
  const variant = normalizeModelName(id).variant;
  return compact<SourceModel>({
    externalId: id,
    name,
    ...(slash > 0 ? { vendor: id.slice(0, slash) } : {}),
    ...(hf ? { vendorApiId: hf.slice(hf.lastIndexOf('/') + 1), openWeights: true } : {}),
    ...(variant ? { variant } : {}),
    inputPricePerMTok: perMillion(pricing.prompt, free, fail('pricing.prompt')),
    outputPricePerMTok: perMillion(pricing.completion, free, fail('pricing.completion')),
    cachedInputPricePerMTok: perMillion(pricing.input_cache_read, free, fail('pricing.input_cache_read')),
    contextWindow: tokensOrUndefined(rec.context_length, fail('context_length')),
    maxOutputTokens: tokensOrUndefined(top.max_completion_tokens, fail('top_provider.max_completion_tokens')),
    scores: [],
  });
}

/**
 * Reads OpenRouter's `GET /api/v1/models` body (`{ data: [...] }`): prices per token become USD per
 * million, `-1` and a non-free `0` become missing. Routers (`openrouter/*`) and `~…-latest` aliases
 * are skipped. The snapshot date comes from the file name (the body has none) unless given.
 */
export function parseOpenRouter(input: SourceFile, options: ParseOptions = {}): SourceSnapshot {
  const { file, text } = input;
  const { value } = parseJson(text, file);
  if (!isRecord(value) || !Array.isArray(value.data)) {
    throw new SourceFormatError(file, 'top level', 'expected the models API body, an object with a "data" array');
  }
  const snapshotDate = resolveSnapshotDate(file, options.snapshotDate, dayInFileName(file));
  const models: SourceModel[] = [];
  const seen = new Set<string>();
  let routers = 0;
  value.data.forEach((raw, index) => {
    const model = readModel(raw, index, file);
    if (seen.has(model.externalId)) {
      throw new SourceFormatError(file, entryLabel(index, model.externalId), 'duplicate id');
    }
    seen.add(model.externalId);
    // A router or a "latest" pointer is not a model: its price and context are another model's, or none.
    if (model.externalId.startsWith('openrouter/') || model.externalId.startsWith('~')) routers += 1;
    else models.push(model);
  });
  const warnings =
    routers > 0 ? [`${file}: skipped ${routers} router or "~…-latest" alias entries (not models of their own)`] : [];
  return { source: 'openrouter', snapshotDate, sourceUrl: SOURCE_URL, models, warnings };
}
