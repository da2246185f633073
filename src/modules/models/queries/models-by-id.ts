import type { Database } from '../../../db/client.js';
import type { models } from '../../../db/tables/index.js';

/** A stored model row. */
export type ModelRow = typeof models.$inferSelect;

/** Model rows by id, in ONE statement; the result is in no particular order. */
export function loadModelsById(db: Database, ids: readonly number[]): Promise<ModelRow[]> {
  return db.query.models.findMany({ where: { id: { in: [...ids] } } });
}
