import { normalize } from '../../resolvers/scoring/normalize.js';
import { builder } from '../builder.js';
import { Provenance } from '../scalars.js';
import { Benchmark } from './benchmark.js';

/** One published score. */
export const Score = builder.drizzleObject('scores', {
  name: 'Score',
  description: 'One published value of one model on one benchmark, with where it came from.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id of this recorded value (retractScore takes it).' }),
    benchmark: t.field({
      type: Benchmark,
      description: 'The benchmark this value is on.',
      resolve: async (score, _args, ctx) => (await ctx.loaders.catalog()).benchmarkById.get(score.benchmarkId)!,
    }),
    model: t.relation('model', { description: 'The model this value is of.' }),
    value: t.exposeFloat('value', { description: "The value as published, in the benchmark's unit." }),
    normalized: t.float({
      description: 'The value on a 0–100 scale where higher is better (METHODOLOGY.md §2), as aggregates use it.',
      resolve: async (score, _args, ctx) => normalize(score.value, (await ctx.loaders.catalog()).benchmarkById.get(score.benchmarkId)!),
    }),
    provenance: t.expose('provenance', { type: Provenance, description: 'Who published the value.' }),
    source: t.exposeString('source', { description: 'URL of the page the value was published on.' }),
    measuredOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'When the value was measured or published; null when unknown.',
      resolve: (score) => score.measuredOn,
    }),
  }),
});
