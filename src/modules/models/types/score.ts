import { builder } from '../../../schema/builder.js';
import { Provenance } from '../../../schema/scalars.js';
import { Benchmark } from '../../catalog/types/benchmark.js';
import { normalizedScore, scoreBenchmark, type ScoreRow } from '../service.js';

/**
 * One published score. A plain object type over the stored row (not a Drizzle-planned one): rows
 * come from the `modelScores` loader, by the thousand on an analyst's page, and skip the planner's
 * per-row bookkeeping. `Score.model` is added in model.ts (Model is defined there).
 */
export const Score = builder.objectRef<ScoreRow>('Score').implement({
  description: 'One published value of one model on one benchmark, with where it came from.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id of this recorded value (retractScore takes it).' }),
    benchmark: t.field({
      type: Benchmark,
      description: 'The benchmark this value is on.',
      resolve: (score, _args, ctx) => scoreBenchmark(ctx, score),
    }),
    value: t.exposeFloat('value', { description: "The value as published, in the benchmark's unit." }),
    normalized: t.float({
      description: 'The value on a 0–100 scale where higher is better (METHODOLOGY.md §2), as aggregates use it.',
      resolve: (score, _args, ctx) => normalizedScore(ctx, score),
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
