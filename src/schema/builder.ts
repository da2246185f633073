import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Context } from '../context.js';
import { relations } from '../db/relations.js';

/** The Pothos builder: plugins and scalar typing only; every type lives in its own file. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: typeof relations;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
  };
}>({
  // Federation last: it must see resolvers after plugins that wrap them.
  plugins: [RelayPlugin, ErrorsPlugin, DrizzlePlugin, DirectivesPlugin, FederationPlugin],
  // Mutations list their own typed errors; anything else stays a masked GraphQL error.
  errors: { defaultTypes: [] },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any object that has a global ID.',
      args: { id: { description: 'A global ID from an `id` field.' } },
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by their global IDs, in order.',
      args: { ids: { description: 'Global IDs from `id` fields.' } },
    },
    nodeTypeOptions: { description: 'An object that can be fetched again by its global ID.' },
    idFieldOptions: { description: 'Opaque global ID.' },
    pageInfoTypeOptions: { description: 'Where a page sits in a paginated list.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: {
      description: 'Cursor of the last item of the page; pass it as `after` for the next page.',
    },
    pageInfoFieldOptions: { description: 'Where this page sits in the list.' },
    edgesFieldOptions: { description: 'The items of this page with their cursors.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque position of this item, for `after` and `before`.' },
    firstArgOptions: { description: 'Page size from the start or from `after` (at most 100).' },
    lastArgOptions: { description: 'Page size from the end or from `before` (at most 100).' },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
  },
  drizzle: {
    // Resolvers reach the database only through the request context, so tests can inject theirs.
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
  },
});
