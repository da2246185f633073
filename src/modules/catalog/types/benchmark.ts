import { builder } from '../../../schema/builder.js';
import { BenchmarkUnit } from '../../../schema/scalars.js';
import { benchmarkCategory, findBenchmark, listBenchmarks, type BenchmarkRow } from '../service.js';
import { Category } from './category.js';

export type { BenchmarkRow } from '../service.js';

/** A benchmark. */
export const Benchmark = builder.objectRef<BenchmarkRow>('Benchmark');

Benchmark.implement({
  description: 'A public benchmark, in one category, with the scale that normalises its values.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case key, e.g. "swe-bench-verified".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    unit: t.field({ type: BenchmarkUnit, description: 'How values are reported.', resolve: (b) => b.unit }),
    higherIsBetter: t.exposeBoolean('higherIsBetter', { description: 'Whether a higher value is better.' }),
    scaleMin: t.exposeFloat('scaleMin', { description: 'The lowest value of the scale (normalises to 0).' }),
    scaleMax: t.exposeFloat('scaleMax', { description: 'The highest value of the scale (normalises to 100).' }),
    weight: t.exposeFloat('weight', {
      description: 'Weight inside its category; 0 means display-only (shown, never aggregated).',
    }),
    url: t.exposeString('url', { nullable: true, description: 'Where the benchmark is described.' }),
    category: t.field({
      type: Category,
      description: 'The category this benchmark counts towards.',
      resolve: (b, _args, ctx) => benchmarkCategory(ctx, b),
    }),
  }),
});

builder.queryFields((t) => ({
  benchmarks: t.field({
    type: [Benchmark],
    description: 'Every benchmark, by slug; only those of one category when `category` is given.',
    args: { category: t.arg.string({ description: 'A category slug to restrict the list to.' }) },
    resolve: (_root, args, ctx) => listBenchmarks(ctx, args.category),
  }),
  benchmark: t.field({
    type: Benchmark,
    nullable: true,
    description: 'One benchmark by slug; null when no benchmark has it.',
    args: { slug: t.arg.string({ required: true, description: 'The benchmark slug.' }) },
    resolve: (_root, args, ctx) => findBenchmark(ctx, args.slug),
  }),
}));
