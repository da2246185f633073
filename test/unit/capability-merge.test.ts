import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mergePools } from '../../src/domain/capability/merge.js';
import { observationPool } from '../../src/domain/capability/observations.js';
import type { Lane } from '../../src/domain/scoring/types.js';
import { readJsonDataset } from './fixtures/dataset-json.js';

const dataset = readJsonDataset(fileURLToPath(new URL('../../data', import.meta.url)));
const modelIds = [...new Set(dataset.scores.map((s) => s.modelId))].sort((a, b) => a - b);

/** The pool of each chunk of `size` consecutive models, as a refresh loads them. */
function chunkedPools(size: number, lane: Lane) {
  const pools = [];
  for (let i = 0; i < modelIds.length; i += size) {
    const chunk = new Set(modelIds.slice(i, i + size));
    pools.push(
      observationPool(
        dataset.catalog,
        dataset.scores.filter((s) => chunk.has(s.modelId)),
        lane,
      ),
    );
  }
  return pools;
}

describe('mergePools', () => {
  it.each([1, 7, 50, 1000])('gives the pool of all the scores at once from chunks of %i models', (size) => {
    for (const lane of ['PROVISIONAL', 'VERIFIED'] as const) {
      expect(mergePools(chunkedPools(size, lane))).toEqual(observationPool(dataset.catalog, dataset.scores, lane));
    }
  });

  it('gives an empty pool from none, and refuses chunks out of model order', () => {
    expect(mergePools([])).toEqual(observationPool(dataset.catalog, [], 'PROVISIONAL'));
    const pools = chunkedPools(10, 'PROVISIONAL');
    expect(() => mergePools([pools[1]!, pools[0]!])).toThrow(RangeError);
  });
});
