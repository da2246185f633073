import type DataLoader from 'dataloader';
import type { Lane, ScoreFacts } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import { groupBy, type LoaderRegistry, type Once } from '../../loaders.js';
import { indexCatalog, type CatalogIndex } from '../catalog/service.js';
import { fitAsOf } from './history.js';
import type { LaneFit } from './lane-fit.js';
import { loadLaneFit } from './queries/read.js';

/** What a capability field asks of a lane's stored fit: a model's estimate (and predictions), or benchmarks only. */
export interface CapabilityKey {
  lane: Lane;
  modelId: number | null;
  /** The model's predicted scores are wanted too (which needs the benchmarks it has scores on). */
  predicted: boolean;
}

/** The capability loaders of one request. */
export interface CapabilityLoaders {
  /** A lane's stored fit, holding the models asked for in one batch: one statement per lane and batch. */
  capabilityFit: DataLoader<CapabilityKey, LaneFit, string>;
  /** A lane's fit at the end of a day, refitted from the score history (see `fitAsOf`); once per request. */
  capabilityAsOf(lane: Lane, day: string): Promise<LaneFit>;
}

const keyOf = (k: CapabilityKey) => `${k.lane}|${k.modelId ?? ''}|${k.predicted ? 'p' : ''}`;

/**
 * Builds the capability loaders over the request's catalog loader (which the fit statement fills
 * when predictions need the catalog and it is not loaded yet) and the history's scores as of a day
 * (shared with the leaderboard's past views). `today` decides which days are over, so cacheable.
 */
export function capabilityLoaders(
  db: Database,
  registry: LoaderRegistry,
  catalog: Once<CatalogIndex>,
  history: { scoresAsOf(day: string): Promise<readonly ScoreFacts[]> },
  today: string,
): CapabilityLoaders {
  const capabilityFit = registry.dataLoader<CapabilityKey, LaneFit, string>(
    async (keys) => {
      const found = new Map<Lane, LaneFit>();
      const groups = groupBy(keys, (k) => k.lane);
      const slot = keys.some((k) => k.predicted) ? catalog.claim() : undefined;
      try {
        await Promise.all(
          groups.map(async (group, i) => {
            const modelIds = [...new Set(group.flatMap((k) => (k.modelId === null ? [] : [k.modelId])))];
            const predictedIds = [...new Set(group.flatMap((k) => (k.predicted ? [k.modelId!] : [])))];
            const withCatalog = i === 0 && slot !== undefined;
            const lane = group[0]!.lane;
            const loaded = await loadLaneFit(db, { lane, modelIds, predictedIds, withCatalog });
            if (withCatalog && loaded.catalog) slot.fill(indexCatalog(loaded.catalog));
            found.set(lane, loaded.fit);
          }),
        );
      } catch (error) {
        slot?.fail(error);
        throw error;
      }
      return keys.map((k) => found.get(k.lane)!);
    },
    { cacheKeyFn: keyOf },
  );
  const asOf = registry.memo(
    ({ lane, day }: { lane: Lane; day: string }) =>
      fitAsOf(db, lane, day, { catalog: catalog.get, scoresAsOf: history.scoresAsOf }, day < today),
    ({ lane, day }) => `${lane}|${day}`,
  );
  return { capabilityFit, capabilityAsOf: (lane, day) => asOf({ lane, day }) };
}
