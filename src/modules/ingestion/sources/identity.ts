import { byText } from './common.js';
import {
  dateParts,
  mergeVariants,
  normalizeModelName,
  variantParts,
  type DateParts,
  type NormalizedName,
} from './names.js';
import type { SourceModel, SourceName } from './types.js';

export { normalizeModelName, type NormalizedName } from './names.js';

/** A model of ours, as matching needs it. */
export interface KnownModel {
  slug: string;
  name: string;
  provider: string;
  releaseDate?: string | null;
}

/** A curator's explicit mapping of one source's model id to one of our slugs. */
export interface ModelAlias {
  source: SourceName;
  externalId: string;
  model: string;
}

/** What a source model was matched by, strongest first. */
export type MatchVia = 'alias' | 'vendor-id' | 'source-id' | 'name';

/** A source model is one of ours (with the variant it was measured in), or unknown (with our nearest name). */
export type MatchResult = { model: string; via: MatchVia; variant?: string } | { unknown: true; closest?: string };

/** Our models and aliases; `source` restricts aliases to that source's. */
export interface MatchContext {
  models: readonly KnownModel[];
  aliases?: readonly ModelAlias[];
  source?: SourceName;
}

interface Candidate {
  slug: string;
  variant: string[];
  dates: DateParts[];
  /** The slug itself is dated (`gpt-4o-2024-05-13`): the date is part of the identity. */
  slugDated: boolean;
  guards: string[];
  /** Every token of its keys, to check a weaker spelling's hit against the stronger spellings. */
  tokens: Set<string>;
  release?: DateParts & { year: number };
}

type Level = (key: string) => string;
// Ever looser spellings of one key: as is; without separators ("claude-35-sonnet"); its words in any
// order but its numbers in order ("claude-4-5-sonnet" = "claude-sonnet-4-5", yet "gpt-5-4" ≠ "gpt-4-5").
const LEVELS: Level[] = [
  (k) => k,
  (k) => k.replace(/-/g, ''),
  (k) => `${(k.match(/[a-z]+/g) ?? []).sort().join('.')}|${(k.match(/\d+/g) ?? []).join('.')}`,
];
// A dated id ("claude-3-7-sonnet-20250219") still names an undated model released within this many days.
const RELEASE_TOLERANCE_DAYS = 45;
// Words that make a checkpoint of its own: a source's "Gemini 2.5 Pro Preview" is not our "Gemini 2.5 Pro",
// even where its id drops the word (Artificial Analysis's `gemini-2-5-pro-05-06`).
const GUARDS = ['preview', 'exp', 'experimental', 'base'];
// Tokens an id may add to a model's name without naming another model: sizes, experts, precision, revisions.
const NOISE = /^([ae]?\d+(\.\d+)?[bm]|\d+x\d+b|\d+e|fp8|fp16|bf16|hf|0\d+)$/;
const guardsOf = (keys: string[]) => GUARDS.filter((g) => keys.some((k) => k.split('-').includes(g)));
const indexes = new WeakMap<readonly KnownModel[], Map<string, Candidate[]>[]>();

function buildIndex(models: readonly KnownModel[]): Map<string, Candidate[]>[] {
  const levels = LEVELS.map(() => new Map<string, Candidate[]>());
  for (const m of models) {
    const spellings = [normalizeModelName(m.slug), normalizeModelName(m.name)];
    const release = m.releaseDate ? dateParts(m.releaseDate) : undefined;
    const candidate: Candidate = {
      slug: m.slug,
      variant: variantParts(spellings[1]?.variant ?? spellings[0]?.variant),
      dates: spellings.flatMap((s) => (s.date ? [dateParts(s.date)] : [])),
      slugDated: spellings[0]?.date !== undefined,
      guards: guardsOf(spellings.map((s) => s.key)),
      tokens: new Set(spellings.flatMap((s) => s.key.split('-'))),
      ...(release?.year !== undefined ? { release: { ...release, year: release.year } } : {}),
    };
    LEVELS.forEach((level, i) => {
      for (const key of new Set(spellings.map((s) => level(s.key)))) {
        const list = levels[i]?.get(key) ?? [];
        if (!list.includes(candidate)) levels[i]?.set(key, [...list, candidate]);
      }
    });
  }
  indexes.set(models, levels);
  return levels;
}

const agree = (a: DateParts, b: DateParts) =>
  a.month === b.month &&
  (a.year === undefined || b.year === undefined || a.year === b.year) &&
  (a.day === undefined || b.day === undefined || a.day === b.day);

function daysApart(d: DateParts, release: DateParts & { year: number }): number {
  const at = (y: number, p: DateParts) => Date.UTC(y, p.month - 1, p.day ?? 15);
  const years = d.year !== undefined ? [d.year] : [release.year - 1, release.year, release.year + 1];
  return Math.min(...years.map((y) => Math.abs(at(y, d) - at(release.year, release)) / 86_400_000));
}

// How well a candidate fits the source's date: 0 = ruled out; an explicit equal date beats a nearby release.
function dateRank(c: Candidate, date: DateParts | undefined): number {
  if (!date) return c.slugDated ? 0 : c.dates.length === 0 ? 2 : 1;
  if (c.dates.length > 0) return c.dates.some((d) => agree(d, date)) ? 3 : 0;
  if (!c.release) return 1;
  return daysApart(date, c.release) <= RELEASE_TOLERANCE_DAYS ? 2 : 0;
}

// The single best candidate, `null` when two tie (ambiguous), undefined when none fits.
function choose(cands: Candidate[], want: Wanted): Candidate | null | undefined {
  const { date, variant, guards } = want;
  const fits = cands
    .filter((c) => c.variant.every((p) => variant.includes(p)) && c.guards.join() === guards.join())
    .map((c) => ({ c, score: dateRank(c, date) * 100 + c.variant.length }))
    .filter((f) => f.score >= 100)
    .sort((a, b) => b.score - a.score);
  const [best, second] = fits;
  if (!best) return undefined;
  return second && second.score === best.score ? null : best.c;
}

/** What the source model says of itself beyond its key. */
interface Wanted {
  date: DateParts | undefined;
  variant: string[];
  guards: string[];
}

function lookup(levels: Map<string, Candidate[]>[], n: NormalizedName, want: Wanted): Candidate | undefined {
  for (const [i, level] of LEVELS.entries()) {
    const cands = levels[i]?.get(level(n.key));
    // Looser spellings hold the same candidates and more, so a level that has some decides.
    if (cands) return choose(cands, want) ?? undefined;
  }
  return undefined;
}

// Edit distance, given up (as limit + 1) once every path already costs more than `limit`.
function levenshtein(a: string, b: string, limit: number): number {
  let prev = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (prev[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution);
      least = Math.min(least, row[j] ?? 0);
    }
    if (least > limit) return limit + 1;
    [prev, row] = [row, prev];
  }
  return prev[b.length] ?? 0;
}

const spellings = new WeakMap<readonly KnownModel[], { slug: string; key: string }[]>();

function spellingsOf(models: readonly KnownModel[]): { slug: string; key: string }[] {
  const cached = spellings.get(models);
  if (cached) return cached;
  const list = [...models]
    .sort((a, b) => byText(a.slug, b.slug))
    .flatMap((m) => [m.slug, m.name].map((s) => ({ slug: m.slug, key: normalizeModelName(s).key })));
  spellings.set(models, list);
  return list;
}

/** Our model whose normalised slug or name is nearest to `name`, if any is reasonably near. */
export function closestModel(name: string, models: readonly KnownModel[]): string | undefined {
  const key = normalizeModelName(name).key;
  let best: { slug: string; d: number } | undefined;
  for (const { slug, key: other } of spellingsOf(models)) {
    const limit = Math.min(
      best ? best.d - 1 : Infinity,
      Math.max(2, Math.floor(0.4 * Math.max(key.length, other.length))),
    );
    // The length difference is a lower bound of the distance: most of our names are ruled out without computing it.
    if (Math.abs(key.length - other.length) > limit) continue;
    const d = levenshtein(key, other, limit);
    if (d <= limit) {
      best = { slug, d };
    }
  }
  return best?.slug;
}

const residual = (variant: string[], taken: string[]) => {
  const rest = variant.filter((p) => !taken.includes(p));
  return rest.length > 0 ? { variant: rest.join('-') } : {};
};

/**
 * Maps a source's model onto one of ours: an explicit alias first, then the vendor's (dated) API id,
 * then the source's own id, then the name, each normalised. A reasoning-effort or budget variant maps
 * to its base model and is returned as `variant`, unless we list that variant as a model of its own.
 */
export function matchModel(model: SourceModel, known: MatchContext): MatchResult {
  const alias = known.aliases?.find(
    (a) =>
      (known.source === undefined || a.source === known.source) &&
      (a.externalId === model.externalId || a.externalId === model.slug),
  );
  const steps: [MatchVia, string | undefined][] = [
    ['vendor-id', model.vendorApiId],
    ['source-id', model.slug ?? model.externalId],
    ['name', model.name],
  ];
  const spelled = steps.flatMap(([via, s]) => (s === undefined ? [] : [[via, normalizeModelName(s)] as const]));
  // Each spelling may carry part of the story (the slug the effort, the name the date): they are pooled.
  const variant = variantParts(mergeVariants(model.variant, ...spelled.map(([, n]) => n.variant)));
  if (alias) return { model: alias.model, via: 'alias', ...residual(variant, []) };
  const date = spelled.find(([, n]) => n.date)?.[1].date;
  const want: Wanted = {
    date: date ? dateParts(date) : undefined,
    variant,
    guards: guardsOf(spelled.map(([, n]) => n.key)),
  };
  const levels = indexes.get(known.models) ?? buildIndex(known.models);
  for (const [i, [via, n]] of spelled.entries()) {
    if (n.key === '') continue;
    const hit = lookup(levels, n, n.date ? { ...want, date: dateParts(n.date) } : want);
    // A source id or name is coarser than the vendor's id: "GPT-3.5 Turbo" must not claim `gpt-3.5-turbo-instruct`.
    const vendorTokens = i > 0 && model.vendorApiId !== undefined ? (spelled[0]?.[1].key.split('-') ?? []) : [];
    if (hit && vendorTokens.every((t) => t === '' || hit.tokens.has(t) || NOISE.test(t))) {
      return { model: hit.slug, via, ...residual(variant, hit.variant) };
    }
  }
  const closest = closestModel(model.vendorApiId ?? model.name, known.models);
  return { unknown: true, ...(closest ? { closest } : {}) };
}
