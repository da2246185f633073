/** What a write changed, as subscribers and caches need to know it. */
export interface DataChange {
  /** The mutation or command that wrote. */
  operation: string;
  kind: 'MODEL' | 'SCORE' | 'PRICE' | 'CATALOG' | 'METHODOLOGY';
  /** Slugs of the models whose data changed (empty when the change is catalog-wide). */
  models: string[];
}

/** A change as subscribers receive it: stamped with when it was announced. */
export interface PublishedChange extends DataChange {
  /** When the writer announced it, as an ISO 8601 timestamp. */
  at: string;
}

/** Where writes announce what they changed: live subscriptions and the response cache listen. */
export interface DataEvents {
  changed(change: DataChange): Promise<void>;
  /**
   * The changes that concern `models` (see `concerns`), announced by any instance from the moment
   * the promise resolves on; the stream ends when its consumer returns or the app is disposed.
   */
  changes(models?: readonly string[] | null): Promise<AsyncIterable<PublishedChange>>;
}

/**
 * Whether a change concerns a subscriber of `models`: with no list, every change does; with a list,
 * a change touching one of those models, or a catalog-wide one (no models), which may touch any.
 */
export function concerns(change: DataChange, models?: readonly string[] | null): boolean {
  if (models == null || change.models.length === 0) return true;
  return change.models.some((slug) => models.includes(slug));
}

/** Announces nothing, and its change streams end at once: for contexts built without live updates or a cache. */
export const noEvents: DataEvents = {
  changed: async () => {},
  changes: async () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) }),
};
