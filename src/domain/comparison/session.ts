import type { Profile } from '../profile/profiles.js';
import type { EffectiveScores } from '../scoring/effective.js';
import type { Catalog, Lane, ModelFacts } from '../scoring/types.js';
import type { CapabilityInput } from './capability.js';
import { type Comparison, MAX_COMPARED_MODELS, MIN_COMPARED_MODELS, compareModels } from './compare.js';

/** Why a comparison request cannot be answered; the GraphQL layer turns it into a typed error. */
export class ComparisonInputError extends Error {
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND',
    readonly slugs: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Checks the requested slugs before any SQL runs: 2–10 of them, none twice, none empty. */
export function checkComparedSlugs(slugs: readonly string[]): void {
  if (slugs.length < MIN_COMPARED_MODELS || slugs.length > MAX_COMPARED_MODELS) {
    throw new ComparisonInputError(
      `models: a comparison takes ${MIN_COMPARED_MODELS} to ${MAX_COMPARED_MODELS} models, got ${slugs.length}`,
      'BAD_USER_INPUT',
    );
  }
  const repeated = slugs.filter((slug, i) => slugs.indexOf(slug) !== i);
  if (repeated.length > 0) {
    throw new ComparisonInputError(
      `models: listed more than once: ${[...new Set(repeated)].join(', ')}`,
      'BAD_USER_INPUT',
      repeated,
    );
  }
}

/** Puts loaded rows in the requested order, or names every slug that matched no model. */
export function orderBySlugs<Row extends { slug: string }>(slugs: readonly string[], rows: readonly Row[]): Row[] {
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const unknown = slugs.filter((slug) => !bySlug.has(slug));
  if (unknown.length > 0) {
    throw new ComparisonInputError(
      `models: no model has the slug ${unknown.map((s) => JSON.stringify(s)).join(', ')}`,
      'NOT_FOUND',
      unknown,
    );
  }
  return slugs.map((slug) => bySlug.get(slug)!);
}

/**
 * What the score-based parts are computed from: the catalog, the compared models' effective scores and
 * profiles, and the lane's capability index when it has one.
 */
export interface ScoredInputs<C extends Catalog, K extends CapabilityInput = CapabilityInput> {
  catalog: C;
  effective: EffectiveScores;
  profiles: ReadonlyMap<number, Profile>;
  capability?: K;
}

/** A comparison being answered: the figures are at hand, the score-based parts load on first use. */
export interface ComparisonSession<Row, C extends Catalog = Catalog, K extends CapabilityInput = CapabilityInput> {
  lane: Lane;
  rows: Row[];
  facts: ModelFacts[];
  rowById: ReadonlyMap<number, Row>;
  /** Loads the lane's scores (once) and computes every score-based part. */
  scored(): Promise<{ view: ScoredInputs<C, K>; result: Comparison }>;
}

/** Opens a session over the loaded models; nothing score-related is loaded until asked. */
export function openSession<Row extends { id: number }, C extends Catalog, K extends CapabilityInput = CapabilityInput>(
  lane: Lane,
  rows: Row[],
  toFacts: (row: Row) => ModelFacts,
  load: (lane: Lane, modelIds: readonly number[]) => Promise<ScoredInputs<C, K>>,
): ComparisonSession<Row, C, K> {
  const facts = rows.map(toFacts);
  let scored: Promise<{ view: ScoredInputs<C, K>; result: Comparison }> | undefined;
  return {
    lane,
    rows,
    facts,
    rowById: new Map(rows.map((row) => [row.id, row])),
    scored: () =>
      (scored ??= load(
        lane,
        facts.map((f) => f.id),
      ).then((view) => ({
        view,
        result: compareModels({
          catalog: view.catalog,
          models: facts,
          effective: view.effective,
          profiles: view.profiles,
          capability: view.capability,
        }),
      }))),
  };
}
