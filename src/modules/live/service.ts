import type { Context } from '../../context.js';
import type { PublishedChange } from './events.js';

export { concerns, noEvents, type DataChange, type DataEvents, type PublishedChange } from './events.js';
export { createLive, type Live } from './live.js';

/**
 * The changes a `dataChanged` subscriber of `models` receives, from now on: every change with no
 * list; with one, the changes touching those models plus the catalog-wide ones (see `concerns`).
 */
export function dataChanges(ctx: Context, models?: readonly string[] | null): Promise<AsyncIterable<PublishedChange>> {
  return ctx.events.changes(models);
}
