import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../src/modules/live/cache.js';

/** A response whose JSON is about `bytes` long. */
const response = (bytes: number) => ({ data: { blob: 'x'.repeat(bytes - 20) } });
const size = (r: unknown) => JSON.stringify(r).length;

describe('memoryCache: bounded in bytes of JSON, least recently used out first', () => {
  it('keeps responses while they fit, then drops the least recently used', async () => {
    const cache = memoryCache(10_000);
    const key = (n: number) => `0:${n}`;
    for (let n = 0; n < 3; n++) await cache.set(key(n), response(3_000), [], 60_000);
    expect([0, 1, 2].map((n) => cache.get(key(n)) !== null)).toEqual([true, true, true]);
    await cache.get(key(0)); // 0 is now more recent than 1
    await cache.set(key(3), response(3_000), [], 60_000); // 12 KB > 10 KB: one goes
    expect([0, 1, 2, 3].map((n) => cache.get(key(n)) !== null)).toEqual([true, false, true, true]);
    expect(size(await cache.get(key(3)))).toBeLessThanOrEqual(3_000);
  });

  it('does not keep a response larger than the whole budget, nor one with a TTL of 0', async () => {
    const cache = memoryCache(10_000);
    await cache.set('0:small', response(100), [], 60_000);
    await cache.set('0:huge', response(20_000), [], 60_000);
    await cache.set('0:uncached', response(100), [], 0);
    expect(await cache.get('0:huge')).toBeNull();
    expect(await cache.get('0:uncached')).toBeNull();
    expect(await cache.get('0:small')).toEqual(response(100));
  });

  it('serves only the current generation, and starts empty after a bump', async () => {
    const cache = memoryCache(10_000);
    await cache.set('0:a', response(100), [], 60_000);
    await cache.bump();
    expect(cache.generation()).toBe(1);
    expect(await cache.get('0:a')).toBeNull();
    await cache.set('0:b', response(100), [], 60_000); // an answer from before the write is not stored
    await cache.set('1:b', response(100), [], 60_000);
    expect(await cache.get('1:b')).toEqual(response(100));
    expect(await cache.get('0:b')).toBeNull();
  });

  it('caps the number of entries too', async () => {
    const cache = memoryCache(1 << 20, 2);
    for (const k of ['0:a', '0:b', '0:c']) await cache.set(k, response(100), [], 60_000);
    expect([await cache.get('0:a'), await cache.get('0:b'), await cache.get('0:c')].map((r) => r !== null)).toEqual([
      false,
      true,
      true,
    ]);
  });
});
