import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { CategoryComparison } from '../../domain/comparison/categories.js';
import { compareContext } from '../../domain/comparison/context.js';
import { compareLatency } from '../../domain/comparison/latency.js';
import { comparePrices } from '../../domain/comparison/prices.js';
import { relationship } from '../../domain/comparison/relationship.js';
import {
  checkComparedSlugs,
  ComparisonInputError,
  openSession,
  orderBySlugs,
  type ComparisonSession,
} from '../../domain/comparison/session.js';
import { compareSpeed } from '../../domain/comparison/speed.js';
import { compareWorkload, type Workload } from '../../domain/comparison/workload.js';
import { methodologyVersionName } from '../../domain/scoring/methodology.js';
import type { Lane } from '../../domain/scoring/types.js';
import { badInput } from '../../schema/errors.js';
import type { ComparedCapability } from '../capability/service.js';
import type { BenchmarkRow, CatalogIndex, CategoryRow } from '../catalog/service.js';
import { modelRowsAt, type ModelWithPrice } from '../models/service.js';
import { toModelFacts } from './model-facts.js';

/** A comparison being answered: what the GraphQL Comparison type resolves its parts from. */
export type ComparisonSource = ComparisonSession<ModelWithPrice, CatalogIndex, ComparedCapability>;

/** A model row as the comparison loaded it (the Model type resolves every field from it). */
export type ComparedRow = { id: number } & Record<string, unknown>;

/** Lookups every part of a comparison needs to turn ids back into rows. */
export interface Lookup {
  model(id: number): ComparedRow;
  benchmark(id: number): BenchmarkRow;
  category(id: number): CategoryRow;
}

/** A part of a comparison, carrying the lookups its fields resolve ids with. */
export type WithLookup<T> = T & { lookup: Lookup };

/** The arguments of the `comparison` query. */
export interface ComparisonArgs {
  models: string[];
  lane?: Lane | null;
  asOf?: string | null;
}

/** The token mix of `Comparison.workloadCost`; the cached tokens default to none. */
export interface WorkloadArgs {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number | null;
}

/** Everywhere a Comparison answer holds a Model, so one planned query serves every selection of it. */
const MODEL_PATHS = [
  ['models'],
  ['overall', 'model'],
  ['categories', 'leader'],
  ['categories', 'averages', 'model'],
  ['categories', 'decisiveBenchmark', 'values', 'model'],
  ['biggestSwing', 'values', 'model'],
  ['coverage', 'model'],
  ['prices', 'cheapest'],
  ['prices', 'models', 'model'],
  ['speed', 'fastest'],
  ['latency', 'fastest'],
  ['context', 'largest'],
  ['verdict', 'entries', 'winner'],
  ['verdict', 'capability', 'winner'],
  ['verdict', 'capability', 'statisticallyTied'],
  ['workloadCost', 'model'],
  ['capability', 'models', 'model'],
  ['capability', 'pairs', 'a'],
  ['capability', 'pairs', 'b'],
  ['capability', 'leader'],
];

/** A bad model list as the client sees it: the code, the argument, and the slugs at fault. */
function comparisonInputError(error: ComparisonInputError): GraphQLError {
  const slugs = error.slugs.length ? { slugs: error.slugs } : {};
  return new GraphQLError(error.message, { extensions: { code: error.code, argument: 'models', ...slugs } });
}

/**
 * Opens a comparison of the models the slugs name, in their order, loading them (as of `asOf`)
 * with what the operation selects of them; the scores load only when a part needs them.
 */
export async function openComparison(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: ComparisonArgs,
): Promise<ComparisonSource> {
  try {
    checkComparedSlugs(args.models);
    const rows = await modelRowsAt(ctx, info, MODEL_PATHS, { slug: { in: args.models } }, args.asOf ?? ctx.today);
    return openSession(args.lane ?? 'PROVISIONAL', orderBySlugs(args.models, rows), toModelFacts, (lane, ids) =>
      ctx.loaders.comparisonInputs(lane, ids, args.asOf),
    );
  } catch (error) {
    throw error instanceof ComparisonInputError ? comparisonInputError(error) : error;
  }
}

function missingRow(kind: string, id: number): never {
  throw new Error(`comparison refers to unknown ${kind} ${id}`);
}

/** Id lookups over the compared models only: enough for the figures that need no scores. */
function figuresLookup(s: ComparisonSource): Lookup {
  return {
    model: (id) => (s.rowById.get(id) as ComparedRow | undefined) ?? missingRow('model', id),
    benchmark: (id) => missingRow('benchmark', id),
    category: (id) => missingRow('category', id),
  };
}

/** Loads the scores (once per request) and returns the comparison with full id lookups. */
export async function scored(s: ComparisonSource) {
  const { view, result } = await s.scored();
  const { benchmarkById, categoryById } = view.catalog;
  const lookup: Lookup = {
    ...figuresLookup(s),
    benchmark: (id) => benchmarkById.get(id) ?? missingRow('benchmark', id),
    category: (id) => categoryById.get(id) ?? missingRow('category', id),
  };
  return { result, lookup };
}

/** Each item with the lookups its fields need. */
export function withLookup<T>(items: readonly T[], lookup: Lookup): WithLookup<T>[] {
  return items.map((item) => ({ ...item, lookup }));
}

/** The model an id names; null for no id. */
export function modelOrNull(lookup: Lookup, id: number | null): ComparedRow | null {
  return id === null ? null : lookup.model(id);
}

/** The category an id names; null for no id. */
export function categoryOrNull(lookup: Lookup, id: number | null): CategoryRow | null {
  return id === null ? null : lookup.category(id);
}

/** The benchmarks some ids name, in their order. */
export function benchmarksOf(lookup: Lookup, ids: readonly number[]): BenchmarkRow[] {
  return ids.map((id) => lookup.benchmark(id));
}

/** A compared category's averages, as model values. */
export function categoryAverages(c: WithLookup<CategoryComparison>) {
  return c.averages.map((a) => ({ modelId: a.modelId, value: a.average, lookup: c.lookup }));
}

/** The name of the methodology version in force. */
export async function methodologyVersion(ctx: Context): Promise<string> {
  return methodologyVersionName((await ctx.loaders.catalog()).methodology.version);
}

/** How the compared models are related: one family, one provider, or several. */
export function comparedRelationship(s: ComparisonSource) {
  return relationship(s.facts);
}

/** How many categories have at least one common benchmark. */
export async function categoriesCompared(s: ComparisonSource): Promise<number> {
  return (await s.scored()).result.categoriesCompared;
}

/** Each compared category. */
export async function comparedCategories(s: ComparisonSource) {
  const { result, lookup } = await scored(s);
  return withLookup(result.categories, lookup);
}

/** The common benchmark with the largest spread; null without common benchmarks. */
export async function biggestSwing(s: ComparisonSource) {
  const { result, lookup } = await scored(s);
  return result.biggestSwing && { ...result.biggestSwing, lookup };
}

/** Per model, the benchmarks left out because it has no score on them. */
export async function comparedCoverage(s: ComparisonSource) {
  const { result, lookup } = await scored(s);
  return withLookup(result.coverage, lookup);
}

/** Each model's own overall standing, in request order. */
export async function overallStandings(s: ComparisonSource) {
  const { result, lookup } = await scored(s);
  return withLookup(result.overall.standings, lookup);
}

/** How far apart the two best ranked models are; null with fewer than two ranked. */
export async function overallMargin(s: ComparisonSource) {
  return (await s.scored()).result.overall.margin?.level ?? null;
}

/** That gap in points; null with fewer than two ranked. */
export async function overallDifference(s: ComparisonSource): Promise<number | null> {
  return (await s.scored()).result.overall.margin?.difference ?? null;
}

/** Prices side by side. */
export function comparedPrices(s: ComparisonSource) {
  return { ...comparePrices(s.facts), lookup: figuresLookup(s) };
}

/** Output speed side by side. */
export function comparedSpeed(s: ComparisonSource) {
  return { ...compareSpeed(s.facts), lookup: figuresLookup(s) };
}

/** Time to first token side by side. */
export function comparedLatency(s: ComparisonSource) {
  return { ...compareLatency(s.facts), lookup: figuresLookup(s) };
}

/** Context windows side by side. */
export function comparedContext(s: ComparisonSource) {
  return { ...compareContext(s.facts), lookup: figuresLookup(s) };
}

/** Who wins what, and the sentence summing it up. */
export async function comparisonVerdict(s: ComparisonSource) {
  const { result, lookup } = await scored(s);
  return { ...result.verdict, lookup };
}

/** What a token mix costs on each model; a count that is not a number of tokens is a bad argument naming it. */
export function workloadCosts(s: ComparisonSource, args: WorkloadArgs) {
  const workload: Workload = {
    inputTokens: args.inputTokens,
    outputTokens: args.outputTokens,
    cachedInputTokens: args.cachedInputTokens ?? 0,
  };
  for (const [name, tokens] of Object.entries(workload)) {
    if (!Number.isFinite(tokens) || tokens < 0)
      throw badInput(`${name} must be a number of tokens ≥ 0, got ${tokens}`, name);
  }
  return withLookup(compareWorkload(s.facts, workload).models, figuresLookup(s));
}
