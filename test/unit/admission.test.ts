import { describe, expect, it } from 'vitest';
import { admission } from '../../src/http/admission.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('admission: at most N requests at a time, the rest in arrival order', () => {
  it('runs up to the limit, then starts waiting ones first come, first served as turns free up', async () => {
    const turns = admission(2);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, deferred);
    gates.forEach((gate, i) =>
      turns.run(
        () => {
          started.push(i);
          return gate.promise;
        },
        () => false,
        () => {},
      ),
    );
    expect(started).toEqual([0, 1]);
    expect(turns.load()).toEqual({ active: 2, waiting: 3 });
    gates[1]!.resolve();
    await gates[1]!.promise;
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(turns.load()).toEqual({ active: 2, waiting: 0 });
  });

  it('skips a waiting request whose client has gone, without spending a turn on it', async () => {
    const turns = admission(1);
    const first = deferred();
    const ran: string[] = [];
    const skipped: string[] = [];
    turns.run(
      () => (ran.push('a'), first.promise),
      () => false,
      () => skipped.push('a'),
    );
    turns.run(
      () => (ran.push('b'), Promise.resolve()),
      () => true,
      () => skipped.push('b'),
    );
    turns.run(
      () => (ran.push('c'), Promise.resolve()),
      () => false,
      () => skipped.push('c'),
    );
    first.resolve();
    await new Promise((r) => setImmediate(r));
    expect([ran, skipped]).toEqual([['a', 'c'], ['b']]);
  });

  it('frees the turn of a task that fails', async () => {
    const turns = admission(1);
    const ran: string[] = [];
    turns.run(
      () => (ran.push('fails'), Promise.reject(new Error('boom'))),
      () => false,
      () => {},
    );
    turns.run(
      () => (ran.push('next'), Promise.resolve()),
      () => false,
      () => {},
    );
    await new Promise((r) => setImmediate(r));
    expect(ran).toEqual(['fails', 'next']);
  });
});
