import { builder } from '../../../schema/builder.js';
import { dataChanges, type PublishedChange } from '../service.js';

const DataChangeKind = builder.enumType('DataChangeKind', {
  description: 'What kind of data a write changed.',
  values: {
    MODEL: { description: "A model's own facts (name, context window, speed, current prices, ...)." },
    SCORE: { description: 'Scores of the listed models: recorded, changed or retracted.' },
    PRICE: { description: 'Dated prices of the listed models.' },
    CATALOG: { description: 'Providers, families, categories or benchmarks: may move every model (no models listed).' },
    METHODOLOGY: {
      description: 'Category weights or ranking thresholds: every profile and leaderboard moves (no models listed).',
    },
  } as const,
});

const DataChange = builder.objectRef<PublishedChange>('DataChange').implement({
  description: 'A write that changed data, as it is announced to live subscribers.',
  fields: (t) => ({
    operation: t.exposeString('operation', { description: 'The mutation that wrote, e.g. `recordScores`.' }),
    kind: t.field({ type: DataChangeKind, description: 'What kind of data changed.', resolve: (c) => c.kind }),
    models: t.exposeStringList('models', {
      description:
        'Slugs of the models whose data changed; empty when the change is catalog-wide and may touch any model.',
    }),
    at: t.exposeString('at', { description: 'When the write was announced, as an ISO 8601 timestamp.' }),
  }),
});

builder.subscriptionType({
  description:
    'Live updates, over Server-Sent Events (GraphQL over SSE): every instance notifies its subscribers of every write.',
});

builder.subscriptionFields((t) => ({
  dataChanged: t.field({
    type: DataChange,
    description:
      'An event for every write that changes data, from the moment the subscription starts (nothing is replayed). ' +
      'Read again what the event touches: cached responses are already invalidated when it arrives.',
    args: {
      models: t.arg.stringList({
        description:
          'Only changes touching one of these model slugs, plus catalog-wide changes (which may touch any model); ' +
          'every change when omitted.',
      }),
    },
    subscribe: (_root, args, ctx) => dataChanges(ctx, args.models),
    resolve: (change) => change,
  }),
}));
