import { builder } from '../../../schema/builder.js';
import { categoryBenchmarks, findCategory, listCategories, type CategoryRow } from '../service.js';
import { Benchmark } from './benchmark.js';

export type { CategoryRow } from '../service.js';

/** A benchmark category. */
export const Category = builder.objectRef<CategoryRow>('Category');

Category.implement({
  description: 'A group of benchmarks measuring one ability (coding, knowledge, instruction following, ...).',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case key, e.g. "coding".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { description: 'What the category measures.' }),
    weight: t.exposeFloat('weight', {
      description: "The category's default weight in a model's overall score (METHODOLOGY.md §3).",
    }),
    benchmarks: t.field({
      type: [Benchmark],
      description: 'The benchmarks of this category, by slug.',
      resolve: (c, _args, ctx) => categoryBenchmarks(ctx, c),
    }),
  }),
});

builder.queryFields((t) => ({
  categories: t.field({
    type: [Category],
    description: 'Every category, by slug.',
    resolve: (_root, _args, ctx) => listCategories(ctx),
  }),
  category: t.field({
    type: Category,
    nullable: true,
    description: 'One category by slug; null when no category has it.',
    args: { slug: t.arg.string({ required: true, description: 'The category slug, e.g. "coding".' }) },
    resolve: (_root, args, ctx) => findCategory(ctx, args.slug),
  }),
}));
