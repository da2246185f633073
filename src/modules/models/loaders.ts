import type DataLoader from 'dataloader';
import type { Lane } from '../../domain/scoring/types.js';
import type { Database } from '../../db/client.js';
import { groupBy, type LoaderRegistry, type Once } from '../../loaders.js';
import { indexCatalog, type CatalogIndex } from '../catalog/service.js';
import { loadModelScores, type ScoreRow } from './queries/model-scores.js';
import { loadModelsById, type ModelRow } from './queries/models-by-id.js';

/** The scores of a model in a lane, now or as of a day. */
export interface ModelScoresKey {
  modelId: number;
  lane: Lane;
  asOf: string | null;
}

/** The model loaders of one request. */
export interface ModelLoaders {
  /**
   * Score rows of models in a lane (as of a day), batched per lane and day: one statement, which
   * also brings the catalog when the request has not asked for it yet (scores are shown with
   * their benchmarks): a combined loader of scores and catalog.
   */
  modelScores: DataLoader<ModelScoresKey, ScoreRow[], string>;
  /** Model rows by id, batched (one statement per batch). */
  modelById: DataLoader<number, ModelRow>;
}

const scoresKey = (k: ModelScoresKey) => `${k.lane}|${k.asOf ?? ''}|${k.modelId}`;

/** Builds the model loaders; `catalog` is the request's catalog loader, which the score statement may fill. */
export function modelLoaders(db: Database, registry: LoaderRegistry, catalog: Once<CatalogIndex>): ModelLoaders {
  const modelScores = registry.dataLoader<ModelScoresKey, ScoreRow[], string>(
    async (keys) => {
      const slot = catalog.claim();
      const found = new Map<string, ScoreRow[]>();
      try {
        const groups = groupBy(keys, (k) => `${k.lane}|${k.asOf ?? ''}`);
        await Promise.all(
          groups.map(async (group, i) => {
            const { lane, asOf } = group[0]!;
            const withCatalog = i === 0 && slot !== undefined;
            const modelIds = [...new Set(group.map((k) => k.modelId))];
            const loaded = await loadModelScores(db, { lane, asOf, modelIds, withCatalog });
            if (withCatalog && loaded.catalog) slot.fill(indexCatalog(loaded.catalog));
            for (const [modelId, rows] of loaded.byModel) found.set(scoresKey({ modelId, lane, asOf }), rows);
          }),
        );
      } catch (error) {
        slot?.fail(error);
        throw error;
      }
      return keys.map((k) => found.get(scoresKey(k)) ?? []);
    },
    { cacheKeyFn: scoresKey },
  );
  const modelById = registry.dataLoader<number, ModelRow>(async (ids) => {
    const rows = await loadModelsById(db, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? new Error(`no model ${id}`));
  });
  return { modelScores, modelById };
}
