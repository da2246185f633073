import { GraphQLError } from 'graphql';
import type { Context } from '../../context.js';
import { badInput } from '../../schema/errors.js';
import { isIsoDate } from '../../schema/scalars.js';
import type { DataChange } from '../live/service.js';
import * as changes from './changes.js';
import type { RawDataset } from './dataset.js';
import { AuthorizationError, NotFoundError, ValidationError } from './errors.js';
import { allows, type KeyScope } from './keys.js';
import { updateMethodology as updateRules, type MethodologyChange } from './methodology.js';
import { familyBySlug, loadAuditPage, modelById, modelBySlug, providerBySlug, type AuditRow } from './queries.js';
import type { Actor } from './write.js';

export { authenticate, createKey, listKeys, revokeKey, type KeyScope, type Principal } from './keys.js';
export { DatasetError, readDataset, type Dataset } from './dataset.js';
export { IMPORT_TABLES, importDataset, isEmpty, seedBundledIfEmpty, type ImportSummary } from './write.js';
export { generateSynthetic, type SyntheticOptions } from './synthetic.js';
export type { AuditRow } from './queries.js';

/** Most scores one recordScores call takes. */
export const MAX_SCORES_PER_BATCH = 1000;

/** One score as recordScores takes it. */
export interface ScoreInput {
  model: string;
  benchmark: string;
  value: number;
  source: string;
  provenance: string;
  measuredOn?: string | null;
}

/** A price from a day on, as setModelPricing takes it. */
export interface PricingInput {
  model: string;
  input: number;
  output: number;
  cachedInput?: number | null;
  effectiveFrom: string;
}

/** A catalog entry as an upsert mutation takes it: the fields of its dataset entry. */
export type UpsertInput = { slug: string };

/** What an upsert mutation returns: the row as stored after it, and whether it wrote anything. */
export interface UpsertResult<T> {
  changed: boolean;
  row: T;
}

/** The caller's key, as the audit log's actor, if it has `scope`; else an AuthorizationError (a typed result). */
async function actorWith(ctx: Context, scope: KeyScope): Promise<Actor> {
  const principal = await ctx.principal();
  if (!principal || !allows(principal, scope)) throw new AuthorizationError(scope);
  return { keyId: principal.keyId, name: principal.name };
}

/** A write's change error as the typed error a payload shows, input paths under `input`. */
function typedChangeError(error: unknown, mapPath: (path: (string | number)[]) => (string | number)[]): unknown {
  if (!(error instanceof changes.ChangeError)) return error;
  const issues = error.issues.map((i) => ({
    inputPath: ['input', ...mapPath(i.path)].map(String),
    message: i.message,
  }));
  return error.kind === 'NOT_FOUND' ? new NotFoundError(issues) : new ValidationError(issues);
}

/**
 * Runs a write, then forgets what this request loaded (so later fields read the new data) and
 * announces the change when there was one; a refused change becomes its typed error.
 */
async function write<R extends { changed: boolean }>(
  ctx: Context,
  run: () => Promise<R>,
  change: (result: R) => DataChange,
  mapPath: (path: (string | number)[]) => (string | number)[] = (p) => p,
): Promise<R> {
  try {
    const result = await run();
    ctx.loaders.clear();
    if (result.changed) await ctx.events.changed(change(result));
    return result;
  } catch (error) {
    throw typedChangeError(error, mapPath);
  }
}

/** GraphQL leaves absent optional fields undefined and explicit ones null; the dataset rules treat both as absent. */
function entry(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** Writes one catalog entry through the shared validation and write path; whether it changed anything. */
async function upsert(ctx: Context, part: keyof RawDataset, input: UpsertInput, operation: string): Promise<boolean> {
  const actor = await actorWith(ctx, 'write');
  const summary = await write(
    ctx,
    () => changes.applyChanges(ctx.db, { [part]: [entry(input)] }, actor, operation, ctx.today),
    () => ({
      operation,
      kind: part === 'models' ? 'MODEL' : 'CATALOG',
      models: part === 'models' ? [String(input.slug)] : [],
    }),
    // ['models', 0, 'name'] is this mutation's input.name.
    (path) => path.slice(2),
  );
  return summary.changed;
}

/** upsertProvider: creates or updates a provider by slug. */
export async function upsertProvider(ctx: Context, input: UpsertInput) {
  return {
    changed: await upsert(ctx, 'providers', input, 'upsertProvider'),
    row: await providerBySlug(ctx.db, input.slug),
  };
}

/** upsertFamily: creates or updates a model family by slug. */
export async function upsertFamily(ctx: Context, input: UpsertInput) {
  return { changed: await upsert(ctx, 'families', input, 'upsertFamily'), row: await familyBySlug(ctx.db, input.slug) };
}

/** upsertCategory: creates or updates a category by slug. */
export async function upsertCategory(ctx: Context, input: UpsertInput) {
  const changed = await upsert(ctx, 'categories', input, 'upsertCategory');
  return { changed, row: (await ctx.loaders.catalog()).categoryBySlug.get(input.slug) };
}

/** upsertBenchmark: creates or updates a benchmark by slug (stored profiles are recomputed). */
export async function upsertBenchmark(ctx: Context, input: UpsertInput) {
  const changed = await upsert(ctx, 'benchmarks', input, 'upsertBenchmark');
  return { changed, row: (await ctx.loaders.catalog()).benchmarkBySlug.get(input.slug) };
}

/** upsertModel: creates or updates a model and its current prices by slug. */
export async function upsertModel(ctx: Context, input: UpsertInput) {
  return { changed: await upsert(ctx, 'models', input, 'upsertModel'), row: await modelBySlug(ctx.db, input.slug) };
}

/** recordScores: records a batch of scores all or nothing; a changed value supersedes the old score. */
export async function recordScores(ctx: Context, scores: readonly ScoreInput[]) {
  const actor = await actorWith(ctx, 'write');
  if (scores.length > MAX_SCORES_PER_BATCH) {
    throw new ValidationError([
      {
        inputPath: ['input', 'scores'],
        message: `scores: at most ${MAX_SCORES_PER_BATCH} per batch, got ${scores.length}`,
      },
    ]);
  }
  const raw = scores.map(({ provenance, measuredOn, ...rest }) => ({
    ...rest,
    verified: provenance === 'INDEPENDENT',
    ...(measuredOn == null ? {} : { measuredOn }),
  }));
  const summary = await write(
    ctx,
    () => changes.applyChanges(ctx.db, { scores: raw }, actor, 'recordScores', ctx.today),
    () => ({ operation: 'recordScores', kind: 'SCORE', models: [...new Set(raw.map((s) => s.model))] }),
  );
  return { ...summary.scores, changed: summary.changed };
}

/** setModelPricing: records a model's prices from a day on, keeping earlier prices as history. */
export async function setModelPricing(ctx: Context, input: PricingInput) {
  const actor = await actorWith(ctx, 'write');
  if (!isIsoDate(input.effectiveFrom)) {
    throw new ValidationError([
      {
        inputPath: ['input', 'effectiveFrom'],
        message: `effectiveFrom: must be a valid date in YYYY-MM-DD form, got ${JSON.stringify(input.effectiveFrom)}`,
      },
    ]);
  }
  const result = await write(
    ctx,
    () => changes.setModelPricing(ctx.db, { ...input, cachedInput: input.cachedInput ?? null }, actor),
    () => ({ operation: 'setModelPricing', kind: 'PRICE', models: [input.model] }),
  );
  return { changed: result.changed, row: await modelById(ctx.db, result.modelId) };
}

/** retractScore: stops counting a score, keeping it on record with the reason. */
export async function retractScore(ctx: Context, input: { id: string | number; reason: string }) {
  const actor = await actorWith(ctx, 'write');
  const id = Number(input.id);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new ValidationError([
      { inputPath: ['input', 'id'], message: `id: not a score id: ${JSON.stringify(String(input.id))}` },
    ]);
  return write(
    ctx,
    () => changes.retractScore(ctx.db, id, input.reason, actor),
    (result) => ({ operation: 'retractScore', kind: 'SCORE', models: result.model ? [result.model] : [] }),
  );
}

/** updateMethodology: new category weights and ranking thresholds, every profile recomputed (admin only). */
export async function updateMethodology(ctx: Context, input: MethodologyChange) {
  const actor = await actorWith(ctx, 'admin');
  return write(
    ctx,
    () => updateRules(ctx.db, input, actor),
    () => ({ operation: 'updateMethodology', kind: 'METHODOLOGY', models: [] }),
  );
}

/** A page of the audit log, newest first; only for an admin key, and a bad argument is a GraphQL error naming it. */
export async function readAuditLog(
  ctx: Context,
  args: { first?: number | null; after?: string | null },
): Promise<{ entries: AuditRow[]; hasNextPage: boolean }> {
  const principal = await ctx.principal();
  if (!allows(principal, 'admin')) {
    throw new GraphQLError('auditLog: needs an API key with the admin scope', {
      extensions: { code: principal ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
    });
  }
  const first = args.first ?? 50;
  if (first < 1 || first > 100) throw badInput(`first: must be between 1 and 100, got ${first}`, 'first');
  if (args.after != null && !/^\d+$/.test(args.after)) throw badInput('after: not a cursor of the audit log', 'after');
  return loadAuditPage(ctx.db, first, args.after == null ? null : Number(args.after));
}
