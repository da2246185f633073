import type { CatalogRows } from '../queries.js';
import { builder } from '../../../schema/builder.js';
import { BenchmarkUnit } from '../../../schema/scalars.js';
import { Category } from './category.js';

/** A benchmark row from the per-request catalog. */
export type BenchmarkRow = CatalogRows['benchmarks'][number];

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
      resolve: async (b, _args, ctx) => (await ctx.loaders.catalog()).categoryById.get(b.categoryId)!,
    }),
  }),
});

builder.queryFields((t) => ({
  benchmarks: t.field({
    type: [Benchmark],
    description: 'Every benchmark, by slug; only those of one category when `category` is given.',
    args: { category: t.arg.string({ description: 'A category slug to restrict the list to.' }) },
    resolve: async (_root, args, ctx) => {
      const catalog = await ctx.loaders.catalog();
      if (args.category == null) return catalog.benchmarks;
      const category = catalog.categoryBySlug.get(args.category);
      return category ? catalog.benchmarks.filter((b) => b.categoryId === category.id) : [];
    },
  }),
  benchmark: t.field({
    type: Benchmark,
    nullable: true,
    description: 'One benchmark by slug; null when no benchmark has it.',
    args: { slug: t.arg.string({ required: true, description: 'The benchmark slug.' }) },
    resolve: async (_root, args, ctx) => (await ctx.loaders.catalog()).benchmarkBySlug.get(args.slug) ?? null,
  }),
}));
