import { fitCapability } from './fit.js';
import { participate } from './participation.js';
import { predictAt } from './predict.js';
import { mulberry32, shuffleInPlace } from './prng.js';
import type { FitOptions, ObservationPool } from './types.js';

/** Folds of the held-out check (METHODOLOGY §6 "Check"). */
export const HELD_OUT_FOLDS = 5;
/** The fixed seed that deals observations into folds. */
export const HELD_OUT_SEED = 20261125;

/** How to run the held-out check. */
export interface HeldOutOptions {
  folds?: number;
  seed?: number;
  fit?: FitOptions;
}

/** Root-mean-square errors of the fit and of the category-score baseline on the same held-out scores. */
export interface HeldOutCheck {
  folds: number;
  seed: number;
  /** Held-out scores both predictions were scored on. */
  evaluated: number;
  /** Held-out scores left out because their model or benchmark dropped out of the fold's fit. */
  outOfFit: number;
  /** Held-out scores left out because their model had no category score on the rest of the data. */
  withoutBaseline: number;
  /** On the 0..1 y scale; null when no score was evaluated. */
  fitRmse: number | null;
  baselineRmse: number | null;
  /** Rounds each fold's fit took. */
  rounds: number[];
}

/** Dense category index of each pool benchmark, and how many categories there are. */
function categoryIndex(pool: ObservationPool): { of: Int32Array; count: number } {
  const dense = new Map<number, number>();
  const of = Int32Array.from(pool.benchmarks, (benchmark) => {
    if (!dense.has(benchmark.categoryId)) dense.set(benchmark.categoryId, dense.size);
    return dense.get(benchmark.categoryId)!;
  });
  return { of, count: dense.size };
}

/**
 * For every pool observation, its model's §3 category score on its benchmark's category, divided by
 * 100, computed from the observations not excluded (weight > 0 only, as §3 says); NaN where the model
 * has no such score left.
 */
export function categoryBaseline(pool: ObservationPool, exclude?: Uint8Array): Float64Array {
  const categories = categoryIndex(pool);
  const cells = pool.modelIds.length * categories.count;
  const weighted = new Float64Array(cells);
  const weights = new Float64Array(cells);
  const cellOf = (i: number): number => pool.model[i]! * categories.count + categories.of[pool.benchmark[i]!]!;
  for (let i = 0; i < pool.y.length; i++) {
    const weight = pool.benchmarks[pool.benchmark[i]!]!.weight;
    if (exclude?.[i] === 1 || !(weight > 0)) continue;
    weighted[cellOf(i)]! += weight * pool.y[i]!;
    weights[cellOf(i)]! += weight;
  }
  return Float64Array.from(pool.y, (_, i) =>
    weights[cellOf(i)]! > 0 ? weighted[cellOf(i)]! / weights[cellOf(i)]! : NaN,
  );
}

/** Pool indices of the full fit's observations, dealt into `folds` folds after a seeded shuffle. */
function dealFolds(pool: ObservationPool, folds: number, seed: number): Int32Array[] {
  const order = shuffleInPlace(participate(pool).byModelSource.slice(), mulberry32(seed));
  const sizes = Array.from({ length: folds }, (_, f) => Math.floor((order.length - f + folds - 1) / folds));
  const dealt = sizes.map((size) => new Int32Array(size));
  order.forEach((index, position) => (dealt[position % folds]![Math.floor(position / folds)] = index));
  // Ascending pool order within a fold keeps the scoring loop deterministic and cache-friendly.
  return dealt.map((fold) => fold.sort());
}

/**
 * k-fold held-out check: each fold of the fit's scores is predicted by a fit on the other scores
 * (participation re-applied) and by the model's own category score on the other scores. A held-out
 * score counts for both RMSEs or for neither.
 */
export function heldOutCheck(pool: ObservationPool, options: HeldOutOptions = {}): HeldOutCheck {
  const folds = options.folds ?? HELD_OUT_FOLDS;
  const seed = options.seed ?? HELD_OUT_SEED;
  const result: HeldOutCheck = {
    folds,
    seed,
    evaluated: 0,
    outOfFit: 0,
    withoutBaseline: 0,
    fitRmse: null,
    baselineRmse: null,
    rounds: [],
  };
  let fitSquares = 0;
  let baselineSquares = 0;
  for (const fold of dealFolds(pool, folds, seed)) {
    const exclude = new Uint8Array(pool.y.length);
    for (const i of fold) exclude[i] = 1;
    const data = participate(pool, exclude);
    const fit = fitCapability(data, options.fit);
    result.rounds.push(fit.rounds);
    const baseline = categoryBaseline(pool, exclude);
    for (const i of fold) {
      const m = data.modelOfPool[pool.model[i]!]!;
      const b = data.benchmarkOfPool[pool.benchmark[i]!]!;
      if (m < 0 || b < 0) result.outOfFit++;
      else if (Number.isNaN(baseline[i])) result.withoutBaseline++;
      else {
        const y = pool.y[i]!;
        fitSquares += (predictAt(fit, m, b) - y) ** 2;
        baselineSquares += (baseline[i]! - y) ** 2;
        result.evaluated++;
      }
    }
  }
  if (result.evaluated > 0) {
    result.fitRmse = Math.sqrt(fitSquares / result.evaluated);
    result.baselineRmse = Math.sqrt(baselineSquares / result.evaluated);
  }
  return result;
}
