import { MIN_BENCHMARK_SCORES, MIN_MODEL_SCORES, type FitData, type ObservationPool } from './types.js';

/** Fit index of every kept pool entry (-1 for the others), and the kept pool indices in order. */
function compact(keep: Uint8Array): { indexOf: Int32Array; kept: number[] } {
  const indexOf = new Int32Array(keep.length).fill(-1);
  const kept: number[] = [];
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] === 1) {
      indexOf[i] = kept.length;
      kept.push(i);
    }
  }
  return { indexOf, kept };
}

/**
 * Who takes part, in one pass (METHODOLOGY §6): the benchmarks with at least 3 scores, then the models
 * with at least 3 scores on those. `exclude` marks pool observations to leave out (a held-out fold).
 * A benchmark that passes but is left with no score once models are dropped is not fitted either: it
 * would be estimated from the penalty alone.
 */
export function participate(pool: ObservationPool, exclude?: Uint8Array): FitData {
  const count = pool.y.length;
  const counted = (i: number): boolean => exclude === undefined || exclude[i] === 0;
  const perBenchmark = new Int32Array(pool.benchmarks.length);
  for (let i = 0; i < count; i++) if (counted(i)) perBenchmark[pool.benchmark[i]!]!++;
  const perModel = new Int32Array(pool.modelIds.length);
  for (let i = 0; i < count; i++) {
    if (counted(i) && perBenchmark[pool.benchmark[i]!]! >= MIN_BENCHMARK_SCORES) perModel[pool.model[i]!]!++;
  }
  const inFit = (i: number): boolean =>
    counted(i) &&
    perBenchmark[pool.benchmark[i]!]! >= MIN_BENCHMARK_SCORES &&
    perModel[pool.model[i]!]! >= MIN_MODEL_SCORES;
  const keepModel = new Uint8Array(pool.modelIds.length);
  const keepBenchmark = new Uint8Array(pool.benchmarks.length);
  let observations = 0;
  for (let i = 0; i < count; i++) {
    if (!inFit(i)) continue;
    keepModel[pool.model[i]!] = 1;
    keepBenchmark[pool.benchmark[i]!] = 1;
    observations++;
  }
  const models = compact(keepModel);
  const benchmarks = compact(keepBenchmark);
  return layOut(pool, inFit, observations, models, benchmarks);
}

/** The kept observations as compressed rows by model (pool order) and by benchmark (counting sort). */
function layOut(
  pool: ObservationPool,
  inFit: (i: number) => boolean,
  observations: number,
  models: { indexOf: Int32Array; kept: number[] },
  benchmarks: { indexOf: Int32Array; kept: number[] },
): FitData {
  const M = models.kept.length;
  const B = benchmarks.kept.length;
  const data: FitData = {
    modelIds: models.kept.map((m) => pool.modelIds[m]!),
    benchmarks: benchmarks.kept.map((b) => pool.benchmarks[b]!),
    modelStart: new Int32Array(M + 1),
    byModelBenchmark: new Int32Array(observations),
    byModelY: new Float64Array(observations),
    byModelSource: new Int32Array(observations),
    benchmarkStart: new Int32Array(B + 1),
    byBenchmarkModel: new Int32Array(observations),
    byBenchmarkY: new Float64Array(observations),
    modelOfPool: models.indexOf,
    benchmarkOfPool: benchmarks.indexOf,
  };
  let k = 0;
  for (let i = 0; i < pool.y.length; i++) {
    if (!inFit(i)) continue;
    const m = models.indexOf[pool.model[i]!]!;
    const b = benchmarks.indexOf[pool.benchmark[i]!]!;
    data.modelStart[m + 1]!++;
    data.benchmarkStart[b + 1]!++;
    data.byModelBenchmark[k] = b;
    data.byModelY[k] = pool.y[i]!;
    data.byModelSource[k] = i;
    k++;
  }
  for (let m = 0; m < M; m++) data.modelStart[m + 1]! += data.modelStart[m]!;
  for (let b = 0; b < B; b++) data.benchmarkStart[b + 1]! += data.benchmarkStart[b]!;
  const next = data.benchmarkStart.slice(0, B);
  // Walking the by-model rows in order leaves each benchmark's models in ascending order too.
  for (let m = 0; m < M; m++) {
    for (let j = data.modelStart[m]!; j < data.modelStart[m + 1]!; j++) {
      const slot = next[data.byModelBenchmark[j]!]!++;
      data.byBenchmarkModel[slot] = m;
      data.byBenchmarkY[slot] = data.byModelY[j]!;
    }
  }
  return data;
}
