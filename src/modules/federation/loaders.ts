import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { LoaderRegistry } from '../../loaders.js';

/** Drizzle tables whose GraphQL type is a federation entity keyed by `slug`. */
export type SlugTable = 'models' | 'providers';

/** The federation loaders of one request. */
export interface FederationLoaders {
  /**
   * One batch per `_entities` field and table, keyed by the field's `info` (the gateway's selection
   * plans the statement), so N representations cost one statement.
   */
  entities(
    table: SlugTable,
    info: GraphQLResolveInfo,
    load: (slugs: readonly string[]) => Promise<(object | null)[]>,
  ): DataLoader<string, object | null>;
}

/** Builds the federation loaders. */
export function federationLoaders(registry: LoaderRegistry): FederationLoaders {
  // Registered loaders are emptied by `clear()`; the map only finds them again.
  const batches = new WeakMap<GraphQLResolveInfo, Map<SlugTable, DataLoader<string, object | null>>>();
  return {
    entities: (table, info, load) => {
      const byTable = batches.get(info) ?? new Map<SlugTable, DataLoader<string, object | null>>();
      batches.set(info, byTable);
      let loader = byTable.get(table);
      if (!loader) {
        loader = registry.dataLoader<string, object | null>(load);
        byTable.set(table, loader);
      }
      return loader;
    },
  };
}
