import { afterEach, describe, expect, it, vi } from 'vitest';
import { singleFlight } from '../../src/modules/live/single-flight.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('singleFlight: identical requests wait for the first', () => {
  afterEach(() => vi.useRealTimers());

  it('lets the first of a key lead; the others wait until it lands, then go on', async () => {
    const flights = singleFlight(10_000);
    const land = await flights.join('a');
    expect(land).toBeTypeOf('function');
    const gone: string[] = [];
    const followers = [1, 2, 3].map((i) =>
      flights.join('a').then((lead) => gone.push(`${i}:${lead === undefined ? 'followed' : 'led'}`)),
    );
    // Another key is not held up.
    const other = await flights.join('b');
    expect(other).toBeTypeOf('function');
    await tick();
    expect(gone).toEqual([]);
    land!();
    await Promise.all(followers);
    expect(gone.sort()).toEqual(['1:followed', '2:followed', '3:followed']);
    expect(flights.size()).toBe(1); // b's flight is still on
    other!();
    expect(flights.size()).toBe(0);
  });

  it('starts a new flight for a key once the last one landed', async () => {
    const flights = singleFlight(10_000);
    (await flights.join('a'))!();
    const next = await flights.join('a');
    expect(next).toBeTypeOf('function');
    next!();
    next!(); // landing twice is harmless
    expect(flights.size()).toBe(0);
  });

  it('lands a flight whose leader never does after maxWaitMs, once', async () => {
    vi.useFakeTimers();
    const flights = singleFlight(5_000);
    await flights.join('a'); // a leader that never lands
    let followed = false;
    const follower = flights.join('a').then(() => (followed = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(followed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await follower;
    expect(followed).toBe(true);
    expect(flights.size()).toBe(0);
    expect(await flights.join('a')).toBeTypeOf('function');
  });
});
