import DataLoader from 'dataloader';

/** A value loaded at most once per request, until the request's loaders are cleared. */
export interface Once<T> {
  /** The value, loading it on first use. */
  get(): Promise<T>;
  /** The value if it has arrived already (lets per-row resolvers answer without a promise). */
  peek(): T | undefined;
  /**
   * For a statement that brings this value along with its own rows: a slot to fill, or undefined
   * when the value is loaded or on its way already.
   */
  claim(): { fill(value: T): void; fail(error: unknown): void } | undefined;
}

/**
 * Where one request's loaders register, so that `clear()` forgets every one of them without a
 * hand-kept list. Modules build their loaders through it; only the context creates a registry.
 */
export class LoaderRegistry {
  private readonly clearers: (() => void)[] = [];

  /** A DataLoader that `clear()` empties. */
  dataLoader<K, V, C = K>(
    batch: DataLoader.BatchLoadFn<K, V>,
    options?: DataLoader.Options<K, V, C>,
  ): DataLoader<K, V, C> {
    const loader = new DataLoader<K, V, C>(batch, options);
    this.clearers.push(() => loader.clearAll());
    return loader;
  }

  /** A memo by key (for loads that are not batched) that `clear()` empties. */
  memo<K, V>(load: (key: K) => Promise<V>, keyOf: (key: K) => string): (key: K) => Promise<V> {
    const memo = new Map<string, Promise<V>>();
    this.clearers.push(() => memo.clear());
    return (key) => {
      const k = keyOf(key);
      let value = memo.get(k);
      if (!value) {
        value = load(key);
        memo.set(k, value);
      }
      return value;
    };
  }

  /** A value loaded once that `clear()` forgets. */
  once<T>(load: () => Promise<T>): Once<T> {
    let pending: Promise<T> | undefined;
    let arrived: T | undefined;
    this.clearers.push(() => {
      pending = undefined;
      arrived = undefined;
    });
    const keep = (value: T) => (arrived = value);
    return {
      get: () => (pending ??= load().then(keep)),
      peek: () => arrived,
      claim: () => {
        if (pending) return undefined;
        let slot!: { fill(value: T): void; fail(error: unknown): void };
        pending = new Promise<T>((resolve, reject) => {
          slot = { fill: (value) => resolve(keep(value)), fail: reject };
        });
        // A failed claim surfaces through whoever awaits `get()`; unawaited, it must not crash the process.
        pending.catch(() => {});
        return slot;
      },
    };
  }

  /** Forgets everything loaded so far: a mutation calls it after writing, so later fields read the new data. */
  clear(): void {
    for (const clear of this.clearers) clear();
  }
}

/** Groups batch keys by a part of them, so each group becomes one statement. */
export function groupBy<K>(keys: readonly K[], groupOf: (key: K) => string): K[][] {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const group = groupOf(key);
    const members = groups.get(group);
    if (members) members.push(key);
    else groups.set(group, [key]);
  }
  return [...groups.values()];
}
