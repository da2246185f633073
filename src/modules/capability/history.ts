import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { observationPool } from '../../domain/capability/observations.js';
import { METHODOLOGY_VERSION } from '../../domain/scoring/methodology.js';
import type { Catalog, Lane, ScoreFacts } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import { fitLane, laneFitOf, sourceOf } from './fitting.js';
import type { LaneFit } from './lane-fit.js';

/** At most this many fits from history are kept per database, and at most this many bytes of them. */
const MAX_FITS = 32;
const MAX_BYTES = 64 * 1024 * 1024;

type Cache = LRUCache<string, LaneFit>;

/** Per database (its client: every request's counting wrapper shares it), the fits from history by key. */
const caches = new WeakMap<object, { cache: Cache; running: Map<string, Promise<LaneFit>> }>();

/** The object behind a request's database that is the same for every request on it. */
function clientOf(db: Database): object {
  return (db as unknown as { $client?: object }).$client ?? db;
}

function cacheOf(db: Database) {
  const client = clientOf(db);
  let entry = caches.get(client);
  if (!entry) {
    entry = { cache: new LRUCache<string, LaneFit>({ max: MAX_FITS, maxSize: MAX_BYTES }), running: new Map() };
    caches.set(client, entry);
  }
  return entry;
}

/** What a fit reads of the catalog (scales, directions, categories), hashed: a change to it changes every fit. */
function catalogFingerprint(catalog: Catalog): string {
  const benchmarks = catalog.benchmarks.map((b) => [b.id, b.categoryId, b.higherIsBetter, b.scaleMin, b.scaleMax]);
  const categories = catalog.categories.map((c) => [c.id, c.slug]);
  return createHash('sha256')
    .update(JSON.stringify([benchmarks, categories]))
    .digest('base64url');
}

/** Where a refit from history gets its data: the catalog and the scores as they stood at the end of a day. */
export interface HistorySource {
  catalog(): Promise<Catalog>;
  scoresAsOf(day: string): Promise<readonly ScoreFacts[]>;
}

/**
 * A lane's capability index as it stood at the end of `day`, refitted from the score history, cold
 * (so the answer depends on the data only). This fit runs ON the request path on a miss. With
 * `cacheable` (a day already over: its history cannot change) it is kept in a small in-process LRU
 * keyed by lane, day, methodology version and catalog, and concurrent requests for it share one fit.
 */
export async function fitAsOf(
  db: Database,
  lane: Lane,
  day: string,
  source: HistorySource,
  cacheable: boolean,
): Promise<LaneFit> {
  const catalog = await source.catalog();
  const key = `${lane}|${day}|${METHODOLOGY_VERSION}|${catalogFingerprint(catalog)}`;
  const { cache, running } = cacheOf(db);
  const hit = cacheable ? (cache.get(key) ?? running.get(key)) : undefined;
  if (hit) return hit;
  const work = source.scoresAsOf(day).then((scores) => {
    const fitted = fitLane(lane, observationPool(catalog, scores, lane));
    const at = { fittedAt: new Date(), asOf: day, version: METHODOLOGY_VERSION };
    const { view, bytes } = laneFitOf(fitted, sourceOf(fitted, at));
    if (cacheable) cache.set(key, view, { size: Math.max(1, bytes) });
    return view;
  });
  if (!cacheable) return work;
  running.set(key, work);
  return work.finally(() => running.delete(key));
}
