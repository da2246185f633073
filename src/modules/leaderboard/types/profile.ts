import type { Profile } from '../../../domain/profile/profiles.js';
import { builder } from '../../../schema/builder.js';
import { Lane } from '../../../schema/scalars.js';
import { categoryOf, categoryStandings, modelProfile, type CategoryStandingShape } from '../service.js';
import { Category } from '../../catalog/types/category.js';
import { Model } from '../../models/types/model.js';

/** How much evidence stands behind a profile. */
export const Confidence = builder.enumType('Confidence', {
  description:
    'How much evidence stands behind a profile (METHODOLOGY.md §3), ' +
    'counting categories with a score and weighted benchmarks with a score.',
  values: {
    HIGH: { description: '7+ categories and 20+ benchmarks.' },
    GOOD: { description: '5+ categories and 12+ benchmarks.' },
    MODERATE: { description: '3+ categories and 8+ benchmarks.' },
    LOW: { description: 'Less than that.' },
  },
});

/** A caller's weight for one category. */
export const CategoryWeightInput = builder.inputType('CategoryWeightInput', {
  description: "A category's weight in the overall score for this query only.",
  fields: (t) => ({
    category: t.string({ required: true, description: 'The category slug.' }),
    weight: t.float({ required: true, description: 'Its weight (≥ 0); categories left out weigh 0.' }),
  }),
});

const CategoryStanding = builder.objectRef<CategoryStandingShape>('CategoryStanding').implement({
  description: "A model's score in one category and its rank among the models eligible there.",
  fields: (t) => ({
    category: t.field({
      type: Category,
      description: 'The category.',
      resolve: (c, _args, ctx) => categoryOf(ctx, c.categoryId),
    }),
    score: t.exposeFloat('score', {
      description:
        'Weighted average of normalised effective scores on the weighted benchmarks of the category (0–100).',
    }),
    rank: t.int({
      nullable: true,
      description:
        'Rank among the eligible models; ' +
        'null when this model is not eligible (scores on less than half the category weight).',
      resolve: (c) => c.rank,
    }),
    eligible: t.boolean({
      description: 'Whether the model is ranked in this category.',
      resolve: (c) => c.rank !== null,
    }),
  }),
});

/** A model's own standing. */
export const ModelProfile = builder.objectRef<Profile>('ModelProfile').implement({
  description: "A model's own standing (METHODOLOGY.md §3): category scores, overall, rank and confidence.",
  fields: (t) => ({
    ranked: t.exposeBoolean('ranked', {
      description: 'Whether the model has enough effective scores to be ranked; otherwise it is tracked but unranked.',
    }),
    overall: t.float({
      nullable: true,
      description: 'Weighted average of the category scores; null without a category score of positive weight.',
      resolve: (p) => p.overall,
    }),
    rank: t.int({
      nullable: true,
      description:
        '1 + the number of ranked models with a strictly higher overall (ties share a rank); null when unranked.',
      resolve: (p) => p.rank,
    }),
    confidence: t.field({
      type: Confidence,
      description: 'How much evidence stands behind the profile.',
      resolve: (p) => p.confidence,
    }),
    benchmarkCount: t.int({
      description: 'Weighted benchmarks with an effective score.',
      resolve: (p) => p.counts.benchmarks,
    }),
    categoryCount: t.int({ description: 'Categories with a category score.', resolve: (p) => p.counts.categories }),
    categories: t.field({
      type: [CategoryStanding],
      description: 'Each category where the model has a score.',
      resolve: (p) => categoryStandings(p),
    }),
  }),
});

builder.objectField(Model, 'profile', (t) =>
  t.field({
    type: ModelProfile,
    description: "The model's own standing in a lane, with the lane's category weights or the caller's.",
    args: {
      lane: t.arg({ type: Lane, defaultValue: 'PROVISIONAL', description: 'Which scores count.' }),
      weights: t.arg({
        type: [CategoryWeightInput],
        description: "Category weights replacing the lane's for this query only.",
      }),
      asOf: t.arg({
        type: 'Date',
        description: 'The profile as it stood at the end of this day, from the recorded score history.',
      }),
    },
    resolve: (model, args, ctx) => modelProfile(ctx, model.id, args),
  }),
);
