import type { CapabilityBenchmark, ObservationPool } from './types.js';

/**
 * One pool from pools of consecutive model ranges (each pool's models all below the next pool's):
 * exactly the pool `observationPool` gives on all their scores at once, since each model's effective
 * scores depend on its own scores only. Lets a caller load the scores a chunk of models at a time.
 */
export function mergePools(pools: readonly ObservationPool[]): ObservationPool {
  const benchmarkById = new Map<number, CapabilityBenchmark>();
  let size = 0;
  let lastModel = -Infinity;
  for (const pool of pools) {
    if (pool.modelIds.length > 0 && pool.modelIds[0]! <= lastModel) {
      throw new RangeError(`pools must hold consecutive model ranges: model ${pool.modelIds[0]} comes too late`);
    }
    lastModel = pool.modelIds.at(-1) ?? lastModel;
    for (const benchmark of pool.benchmarks) benchmarkById.set(benchmark.id, benchmark);
    size += pool.y.length;
  }
  const benchmarks = [...benchmarkById.values()].sort((a, b) => a.id - b.id);
  const position = new Map(benchmarks.map((benchmark, index) => [benchmark.id, index]));
  const merged: ObservationPool = {
    modelIds: pools.flatMap((pool) => pool.modelIds),
    benchmarks,
    model: new Int32Array(size),
    benchmark: new Int32Array(size),
    y: new Float64Array(size),
  };
  let offset = 0;
  let modelOffset = 0;
  for (const pool of pools) {
    const remap = Int32Array.from(pool.benchmarks, (benchmark) => position.get(benchmark.id)!);
    for (let i = 0; i < pool.y.length; i++) {
      merged.model[offset + i] = modelOffset + pool.model[i]!;
      merged.benchmark[offset + i] = remap[pool.benchmark[i]!]!;
    }
    merged.y.set(pool.y, offset);
    offset += pool.y.length;
    modelOffset += pool.modelIds.length;
  }
  return merged;
}
