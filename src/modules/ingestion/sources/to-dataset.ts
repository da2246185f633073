import type { BenchmarkEntry, ModelEntry, ScoreEntry } from '../dataset.js';
import { BENCHMARK_KEYS, NEW_BENCHMARKS } from './benchmarks.js';
import { byText, compact } from './common.js';
import { matchModel, type KnownModel, type MatchVia, type ModelAlias } from './identity.js';
import { variantParts } from './names.js';
import type { SourceModel, SourceName, SourceSnapshot } from './types.js';

export { BENCHMARK_KEYS, NEW_BENCHMARKS, type NewBenchmark } from './benchmarks.js';

/** What to-dataset needs to know of our data. */
export interface KnownData {
  models: readonly KnownModel[];
  benchmarks: readonly Pick<BenchmarkEntry, 'slug' | 'scaleMin' | 'scaleMax' | 'higherIsBetter'>[];
  aliases?: readonly ModelAlias[];
}

const MODEL_FIELDS = [
  'inputPricePerMTok',
  'outputPricePerMTok',
  'cachedInputPricePerMTok',
  'contextWindow',
  'maxOutputTokens',
  'outputTokensPerSecond',
  'timeToFirstTokenSeconds',
] as const satisfies readonly (keyof ModelEntry & keyof SourceModel)[];

/** A partial update of one of our models: only the figures the source gives. */
export type ModelUpdate = { slug: string } & Partial<Pick<ModelEntry, (typeof MODEL_FIELDS)[number]>>;

/** Where a score came from: the source row and the variant (reasoning effort...) that was measured. */
export interface ScoreOrigin {
  model: string;
  benchmark: string;
  externalId: string;
  variant?: string;
  /** The source's 95% interval around the value, where it gives one. */
  interval?: [number, number];
  /** How many source rows competed for this score; the best was kept. */
  rows: number;
}

/** A source model none of ours matched, with our nearest name for a curator to alias. */
export interface UnknownModel {
  externalId: string;
  name: string;
  closest?: string;
}

/** The counts of one conversion. */
export interface ConversionReport {
  source: SourceName;
  snapshotDate: string;
  modelsRead: number;
  modelsMatched: number;
  modelsUnknown: number;
  matchedVia: Record<MatchVia, number>;
  ourModelsCovered: number;
  modelUpdates: number;
  scoresRead: number;
  scores: number;
  scoresOfUnknownModels: number;
  scoresUnmappedBenchmark: number;
  scoresOutOfScale: number;
  scoresNotBest: number;
  newBenchmarks: number;
}

/** A snapshot as a partial dataset in our format, with what could not be placed. */
export interface SnapshotDataset {
  dataset: { models: ModelUpdate[]; scores: ScoreEntry[]; benchmarks: BenchmarkEntry[] };
  /** One per score, in the same order. */
  origins: ScoreOrigin[];
  unknown: UnknownModel[];
  report: ConversionReport;
}

interface Matched {
  source: SourceModel;
  model: string;
  via: MatchVia;
  variant?: string;
}

const VIA_RANK: Record<MatchVia, number> = { alias: 0, 'vendor-id': 1, 'source-id': 2, name: 3 };

const TIMING_FIELDS = new Set<string>(['outputTokensPerSecond', 'timeToFirstTokenSeconds']);

// One price record per model, as data/SOURCES.md asks: the variant-free entry matched most firmly. A model
// listed only per variant (AA's "GPT-5 (high)", "(low)"...) gets a price or context only where its variants
// agree, and a speed or latency only from its non-reasoning variant: effort changes both, so no other fits.
// A free tier (`:free`) is never the model's price.
function modelUpdate(slug: string, entries: Matched[]): ModelUpdate | undefined {
  const paid = entries.filter((e) => !variantParts(e.variant).includes('free'));
  const base = paid
    .filter((e) => e.variant === undefined)
    .sort((a, b) => VIA_RANK[a.via] - VIA_RANK[b.via] || byText(a.source.externalId, b.source.externalId))[0];
  const update: ModelUpdate = { slug };
  for (const field of MODEL_FIELDS) {
    const pool = base ? [base] : TIMING_FIELDS.has(field) ? paid.filter((e) => e.variant === 'non-reasoning') : paid;
    const values = pool.map((e) => e.source[field]).filter((v) => v !== undefined);
    if (values.length > 0 && values.every((v) => v === values[0])) update[field] = values[0];
  }
  return Object.keys(update).length > 1 ? update : undefined;
}

type Scale = KnownData['benchmarks'][number];
type Candidate = { score: ScoreEntry; origin: Omit<ScoreOrigin, 'rows'>; higher: boolean };

// Best first: the higher value (lower where lower is better), then a variant-free row, then by id.
function better(a: Candidate, b: Candidate): number {
  const diff = a.higher ? b.score.value - a.score.value : a.score.value - b.score.value;
  const plain = Number(a.origin.variant !== undefined) - Number(b.origin.variant !== undefined);
  return diff || plain || byText(a.origin.externalId, b.origin.externalId);
}

function candidates(
  snapshot: SourceSnapshot,
  matched: Matched[],
  scales: Map<string, Scale>,
  report: ConversionReport,
) {
  const groups = new Map<string, Candidate[]>();
  for (const entry of matched) {
    for (const s of entry.source.scores) {
      const slug = BENCHMARK_KEYS[snapshot.source][s.benchmark];
      const scale = slug === undefined ? undefined : scales.get(slug);
      if (slug === undefined || !scale) {
        report.scoresUnmappedBenchmark += 1;
        continue;
      }
      // The validator would refuse it (an Elo under 1000 on lmarena-text's 1000..1500), so it never leaves here.
      if (s.value < scale.scaleMin || s.value > scale.scaleMax) {
        report.scoresOutOfScale += 1;
        continue;
      }
      const score: ScoreEntry = {
        model: entry.model,
        benchmark: slug,
        value: s.value,
        source: s.url ?? snapshot.sourceUrl,
        verified: true,
        measuredOn: s.measuredOn ?? snapshot.snapshotDate,
      };
      const origin = compact({
        model: entry.model,
        benchmark: slug,
        externalId: entry.source.externalId,
        variant: entry.variant,
        interval: s.interval,
      });
      const key = `${entry.model}\u0000${slug}`;
      groups.set(key, [...(groups.get(key) ?? []), { score, origin, higher: scale.higherIsBetter }]);
    }
  }
  return groups;
}

// One score per model and benchmark: when several variants or rows of one model scored, the best counts.
function bestScores(snapshot: SourceSnapshot, matched: Matched[], known: KnownData, report: ConversionReport) {
  const scales = new Map<string, Scale>([...NEW_BENCHMARKS, ...known.benchmarks].map((b) => [b.slug, b]));
  const chosen = [...candidates(snapshot, matched, scales, report).values()].map((group) => {
    const [best] = [...group].sort(better);
    report.scoresNotBest += group.length - 1;
    return { best: best as Candidate, rows: group.length };
  });
  chosen.sort(
    (a, b) => byText(a.best.score.model, b.best.score.model) || byText(a.best.score.benchmark, b.best.score.benchmark),
  );
  return { scores: chosen.map((c) => c.best.score), origins: chosen.map((c) => ({ ...c.best.origin, rows: c.rows })) };
}

function emptyReport(snapshot: SourceSnapshot): ConversionReport {
  return {
    source: snapshot.source,
    snapshotDate: snapshot.snapshotDate,
    modelsRead: snapshot.models.length,
    modelsMatched: 0,
    modelsUnknown: 0,
    matchedVia: { alias: 0, 'vendor-id': 0, 'source-id': 0, name: 0 },
    ourModelsCovered: 0,
    modelUpdates: 0,
    scoresRead: 0,
    scores: 0,
    scoresOfUnknownModels: 0,
    scoresUnmappedBenchmark: 0,
    scoresOutOfScale: 0,
    scoresNotBest: 0,
    newBenchmarks: 0,
  };
}

/**
 * Converts a snapshot into a partial dataset in our format: updates of our models' prices, speed, latency
 * and context where the source gives them, one score per model and benchmark (the best of its variants and
 * rows, verified: the sources are independent), and the new benchmarks those scores need. Every list is
 * sorted, so one snapshot always gives the same output. Models we do not know are returned in `unknown`.
 */
export function snapshotToDataset(snapshot: SourceSnapshot, known: KnownData): SnapshotDataset {
  const report = emptyReport(snapshot);
  const matched: Matched[] = [];
  const unknown: UnknownModel[] = [];
  const context = { models: known.models, aliases: known.aliases ?? [], source: snapshot.source };
  for (const source of [...snapshot.models].sort((a, b) => byText(a.externalId, b.externalId))) {
    report.scoresRead += source.scores.length;
    const result = matchModel(source, context);
    if ('unknown' in result) {
      unknown.push(compact({ externalId: source.externalId, name: source.name, closest: result.closest }));
      report.scoresOfUnknownModels += source.scores.length;
      continue;
    }
    matched.push(compact({ source, model: result.model, via: result.via, variant: result.variant }));
    report.matchedVia[result.via] += 1;
  }
  const { scores, origins } = bestScores(snapshot, matched, known, report);
  const bySlug = new Map<string, Matched[]>();
  for (const m of matched) bySlug.set(m.model, [...(bySlug.get(m.model) ?? []), m]);
  const models = [...bySlug.keys()].sort(byText).flatMap((slug) => modelUpdate(slug, bySlug.get(slug) ?? []) ?? []);
  const used = new Set(scores.map((s) => s.benchmark));
  const knownSlugs = new Set(known.benchmarks.map((b) => b.slug));
  const benchmarks = NEW_BENCHMARKS.filter((b) => used.has(b.slug) && !knownSlugs.has(b.slug));
  Object.assign(report, {
    modelsMatched: matched.length,
    modelsUnknown: unknown.length,
    ourModelsCovered: bySlug.size,
    modelUpdates: models.length,
    scores: scores.length,
    newBenchmarks: benchmarks.length,
  });
  return { dataset: { models, scores, benchmarks: benchmarks.map((b) => ({ ...b })) }, origins, unknown, report };
}
