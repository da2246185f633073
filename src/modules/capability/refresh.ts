import { mergePools } from '../../domain/capability/merge.js';
import { observationPool } from '../../domain/capability/observations.js';
import type { ObservationPool } from '../../domain/capability/types.js';
import { METHODOLOGY_VERSION } from '../../domain/scoring/methodology.js';
import type { Lane } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import { loadCatalog } from '../catalog/service.js';
import { loadCurrentScores } from '../models/service.js';
import { benchmarkFits, estimateRows, fitLane, type FittedLane } from './fitting.js';
import {
  loadFitStates,
  loadModelIds,
  loadWarmStart,
  loadWatermark,
  storeFit,
  type Watermark,
} from './queries/store.js';

/** The lanes the capability index is fitted in. */
const CAPABILITY_LANES: readonly Lane[] = ['PROVISIONAL', 'VERIFIED'];

/** Models whose scores are loaded per statement: enough to amortise a round trip, few enough to keep memory flat. */
const MODELS_PER_CHUNK = 250;

/** What one lane's refresh did, and how long each part took. */
export interface LaneRefresh {
  lane: Lane;
  /** False when the stored fit was already of the data now (and of this methodology version). */
  refitted: boolean;
  models: number;
  rankedModels: number;
  benchmarks: number;
  scoresUsed: number;
  rounds: number;
  converged: boolean;
  /** Loading the scores (shared by the lanes refitted together), fitting and ranking, storing; in ms. */
  loadMs: number;
  fitMs: number;
  storeMs: number;
}

/** Each lane's observations from the current scores, loaded a chunk of models at a time (one statement each). */
async function loadPools(db: Database, lanes: readonly Lane[]): Promise<Map<Lane, ObservationPool>> {
  const catalog = await loadCatalog(db);
  const ids = await loadModelIds(db);
  const parts = new Map<Lane, ObservationPool[]>(lanes.map((lane) => [lane, []]));
  for (let i = 0; i < ids.length; i += MODELS_PER_CHUNK) {
    const scores = await loadCurrentScores(db, ids.slice(i, i + MODELS_PER_CHUNK));
    for (const lane of lanes) parts.get(lane)!.push(observationPool(catalog, scores, lane));
  }
  return new Map(lanes.map((lane) => [lane, mergePools(parts.get(lane)!)]));
}

/** The stored row of a fit. */
function fitRow(fitted: FittedLane, mark: Watermark, durationMs: number) {
  const { fit } = fitted;
  return {
    lane: fitted.lane,
    methodologyVersion: METHODOLOGY_VERSION,
    fittedAt: new Date(),
    watermark: mark.watermark,
    scoresChangedAt: mark.scoresChangedAt,
    residualVariance: fit.residualVariance,
    models: fit.data.modelIds.length,
    rankedModels: fitted.ranks.size,
    scoresUsed: fit.data.byModelY.length,
    rounds: fit.rounds,
    converged: fit.converged,
    objective: fit.objective,
    durationMs,
    benchmarks: benchmarkFits(fit),
  };
}

const skipped = (lane: Lane): LaneRefresh => ({
  lane,
  refitted: false,
  models: 0,
  rankedModels: 0,
  benchmarks: 0,
  scoresUsed: 0,
  rounds: 0,
  converged: true,
  loadMs: 0,
  fitMs: 0,
  storeMs: 0,
});

/**
 * Refits the capability index (METHODOLOGY §6) of every lane whose stored fit is missing, of other
 * data than now, or of another methodology version (all of them with `force`), each warm-started from
 * its stored fit, and stores the results. The watermark is read before the scores, so a write that
 * lands meanwhile leaves the fit marked stale (refitted again) rather than marked fresh without it.
 */
export async function refreshCapability(db: Database, options: { force?: boolean } = {}): Promise<LaneRefresh[]> {
  const mark = await loadWatermark(db);
  const states = await loadFitStates(db);
  const fresh = (lane: Lane) => {
    const state = states.get(lane);
    return state?.watermark === mark.watermark && state.methodologyVersion === METHODOLOGY_VERSION;
  };
  const stale = CAPABILITY_LANES.filter((lane) => options.force || !fresh(lane));
  if (stale.length === 0) return CAPABILITY_LANES.map(skipped);
  let clock = performance.now();
  const pools = await loadPools(db, stale);
  const loadMs = performance.now() - clock;
  const done: LaneRefresh[] = [];
  for (const lane of stale) {
    clock = performance.now();
    const fitted = fitLane(lane, pools.get(lane)!, await loadWarmStart(db, lane));
    pools.delete(lane);
    const fitMs = performance.now() - clock;
    clock = performance.now();
    const row = fitRow(fitted, mark, loadMs + fitMs);
    await storeFit(db, row, estimateRows(fitted));
    const { models, rankedModels, scoresUsed, rounds, converged } = row;
    const storeMs = performance.now() - clock;
    const sizes = { models, rankedModels, benchmarks: row.benchmarks.length, scoresUsed, rounds, converged };
    done.push({ lane, refitted: true, ...sizes, loadMs, fitMs, storeMs });
  }
  return CAPABILITY_LANES.map((lane) => done.find((d) => d.lane === lane) ?? skipped(lane));
}
