import {
  byText,
  compact,
  dayInFileName,
  entryLabel,
  failAt,
  isRecord,
  numberOrUndefined,
  resolveSnapshotDate,
  shiftDecimal,
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

const SOURCE_URL = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

/**
 * The first-party providers whose entries we keep, as LiteLLM names them, with the vendor (our provider
 * slug) they sell. Every other provider (azure, bedrock, vertex partner models, openrouter, together...)
 * resells a model at its own price and limits, so its entries are routes, not the vendor's own figures.
 */
export const FIRST_PARTY: Readonly<Record<string, string>> = {
  openai: 'openai',
  'text-completion-openai': 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex_ai-language-models': 'google',
  xai: 'xai',
  mistral: 'mistral',
  codestral: 'mistral',
  deepseek: 'deepseek',
  moonshot: 'moonshot',
  dashscope: 'alibaba',
  cohere_chat: 'cohere',
  cohere: 'cohere',
  ai21: 'ai21',
  meta_llama: 'meta',
  zai: 'zhipu',
};
const TEXT_MODES = new Set(['chat', 'completion', 'responses']);

// A cost per token in USD, per million; LiteLLM writes 0 both for free previews and for "unknown", so 0 is missing.
function perMillion(value: unknown, fail: (problem: string) => never): number | undefined {
  const n = numberOrUndefined(value, fail);
  if (n === undefined || n === 0) return undefined;
  return n > 0 ? shiftDecimal(n, 6) : fail(`${n} is negative`);
}

// Amazon sells Nova only through Bedrock, so its own `amazon.` entries there are first-party.
function vendorOf(key: string, provider: string): string | undefined {
  if (provider === 'bedrock_converse' && key.startsWith('amazon.')) return 'amazon';
  return FIRST_PARTY[provider];
}

function readEntry(key: string, raw: Record<string, unknown>, vendor: string, label: string, file: string) {
  const fail = failAt(file, label);
  const apiId = key
    .slice(key.indexOf('/') + 1)
    .replace(/^amazon\./, '')
    .replace(/:\d+$/, '');
  const variant = normalizeModelName(key).variant;
  return compact<SourceModel>({
    externalId: key,
    name: apiId,
    vendor,
    vendorApiId: apiId,
    variant,
    inputPricePerMTok: perMillion(raw.input_cost_per_token, fail('input_cost_per_token')),
    outputPricePerMTok: perMillion(raw.output_cost_per_token, fail('output_cost_per_token')),
    cachedInputPricePerMTok: perMillion(raw.cache_read_input_token_cost, fail('cache_read_input_token_cost')),
    contextWindow: tokensOrUndefined(raw.max_input_tokens ?? raw.max_tokens, fail('max_input_tokens')),
    maxOutputTokens: tokensOrUndefined(raw.max_output_tokens, fail('max_output_tokens')),
    scores: [],
  });
}

/**
 * Reads LiteLLM's `model_prices_and_context_window.json`: costs per token become USD per million,
 * context is `max_input_tokens` (else the legacy `max_tokens`). Only chat and completion entries of
 * first-party providers are kept (see FIRST_PARTY); `sample_spec` and fine-tune (`ft:`) prices are skipped.
 * A key written twice keeps its last value, as JSON.parse would, and is reported in `warnings`.
 * The file holds no date: it comes from the file name or `options.snapshotDate`.
 */
export function parseLitellm(input: SourceFile, options: ParseOptions = {}): SourceSnapshot {
  const { file, text } = input;
  const { value, duplicates } = parseJson(text, file);
  if (!isRecord(value)) throw new SourceFormatError(file, 'top level', 'expected an object keyed by model name');
  const snapshotDate = resolveSnapshotDate(file, options.snapshotDate, dayInFileName(file));
  const warnings = duplicates
    .filter((d) => d.path === '$')
    .map(
      (d) =>
        `${file}: key ${JSON.stringify(d.key)} appears ${d.lines.length} times ` +
        `(lines ${d.lines.join(', ')}); the last is kept`,
    );
  const models: SourceModel[] = [];
  const skipped = { routes: 0, modes: 0, fineTunes: 0 };
  Object.entries(value).forEach(([key, raw], index) => {
    if (key === 'sample_spec') return;
    const label = entryLabel(index, key);
    if (!isRecord(raw)) throw new SourceFormatError(file, label, 'must be an object');
    const provider = raw.litellm_provider;
    if (typeof provider !== 'string') throw new SourceFormatError(file, label, 'litellm_provider must be a string');
    const vendor = vendorOf(key, provider);
    if (!vendor) skipped.routes += 1;
    else if (!TEXT_MODES.has(String(raw.mode ?? 'chat'))) skipped.modes += 1;
    else if (key.startsWith('ft:')) skipped.fineTunes += 1;
    else models.push(readEntry(key, raw, vendor, label, file));
  });
  warnings.push(
    `${file}: kept ${models.length} first-party chat entries; skipped ${skipped.routes} resellers' routes, ` +
      `${skipped.modes} entries of other modes (images, audio, embeddings...) ` +
      `and ${skipped.fineTunes} fine-tune prices`,
  );
  models.sort((a, b) => byText(a.externalId, b.externalId));
  return { source: 'litellm', snapshotDate, sourceUrl: SOURCE_URL, models, warnings };
}
