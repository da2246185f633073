import type { CapabilityPair, CapabilityVerdict } from '../../../domain/comparison/capability.js';
import { builder } from '../../../schema/builder.js';
import { CapabilityEstimate } from '../../capability/types/capability.js';
import { Model } from '../../models/types/model.js';
import type { ComparisonCapabilityShape } from '../capability.js';
import { modelOrNull, type WithLookup as With } from '../service.js';
import { VerdictOutcome, VerdictRef } from './comparison-figures.js';

const CapabilityStanding = builder
  .objectRef<ComparisonCapabilityShape['models'][number]>('CapabilityStanding')
  .implement({
    description: "One compared model's place on the capability index.",
    fields: (t) => ({
      model: t.field({ type: Model, description: 'The model.', resolve: (c) => c.lookup.model(c.modelId) as never }),
      estimate: t.field({
        type: CapabilityEstimate,
        nullable: true,
        description: 'Its estimate and interval; null when it is not in the fit (or the lane has no fit yet).',
        resolve: (c) => c.estimate,
      }),
    }),
  });

const CapabilityPairRef = builder.objectRef<With<CapabilityPair>>('CapabilityPair').implement({
  description: 'Two compared models head to head on the capability index.',
  fields: (t) => ({
    a: t.field({ type: Model, description: 'The model listed first.', resolve: (p) => p.lookup.model(p.a) as never }),
    b: t.field({ type: Model, description: 'The model listed second.', resolve: (p) => p.lookup.model(p.b) as never }),
    probabilityAhead: t.float({
      nullable: true,
      description:
        'P(a ahead of b) = Φ((θa − θb) / √(se_a² + se_b²)): how likely `a` is truly the more capable, given the ' +
        'uncertainty of both (P(b ahead of a) is 1 minus it); null when either has no estimate.',
      resolve: (p) => p.probability,
    }),
  }),
});

/** The compared models on the capability index. */
export const ComparisonCapabilityRef = builder.objectRef<ComparisonCapabilityShape>('ComparisonCapability').implement({
  description:
    'The compared models on the capability index (METHODOLOGY.md §6), beside the common-benchmark comparison: ' +
    'each interval, every pair head to head, and the leader.',
  fields: (t) => ({
    fittedAt: t.string({
      nullable: true,
      description: 'When the fit ran (ISO 8601); null when the lane has no fit yet.',
      resolve: (c) => c.source?.fittedAt.toISOString() ?? null,
    }),
    asOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day of the history the fit is of; null for the current fit.',
      resolve: (c) => c.source?.asOf ?? null,
    }),
    methodologyVersion: t.string({
      nullable: true,
      description: 'The version of the rules the fit follows; null when the lane has no fit yet.',
      resolve: (c) => c.source?.methodologyVersion ?? null,
    }),
    models: t.field({
      type: [CapabilityStanding],
      description: 'Each compared model with its estimate, in request order.',
      resolve: (c) => c.models,
    }),
    pairs: t.field({
      type: [CapabilityPairRef],
      description: 'Every pair of compared models once, in request order: (1, 2), (1, 3), …, (2, 3), ….',
      resolve: (c) => c.pairs,
    }),
    leader: t.field({
      type: Model,
      nullable: true,
      description:
        'The model with the highest θ; null when the best two are statistically tied (their intervals overlap) ' +
        'or fewer than two compared models have an estimate.',
      resolve: (c) => modelOrNull(c.lookup, c.leader) as never,
    }),
    outcome: t.field({
      type: VerdictOutcome,
      description:
        'WIN with a leader, TIE when the best two are statistically tied, NOT_ENOUGH_DATA under two estimates.',
      resolve: (c) => c.outcome,
    }),
  }),
});

/** The capability part of the verdict. */
const CapabilityVerdictRef = builder.objectRef<With<CapabilityVerdict>>('CapabilityVerdict').implement({
  description: 'Who leads on the capability index, or why no one does.',
  fields: (t) => ({
    outcome: t.field({
      type: VerdictOutcome,
      description: 'WIN, TIE (the best two are statistically tied), or NOT_ENOUGH_DATA (fewer than two estimates).',
      resolve: (v) => v.outcome,
    }),
    winner: t.field({
      type: Model,
      nullable: true,
      description: 'The capability leader; null on a statistical tie or without enough data.',
      resolve: (v) => modelOrNull(v.lookup, v.winner) as never,
    }),
    statisticallyTied: t.field({
      type: [Model],
      description: 'On a TIE, the best two by θ (best first); empty otherwise.',
      resolve: (v) => v.tied.map((id) => v.lookup.model(id)) as never,
    }),
  }),
});

builder.objectField(VerdictRef, 'capability', (t) =>
  t.field({
    type: CapabilityVerdictRef,
    nullable: true,
    description:
      'The capability index part of the verdict (the summary says "statistically tied" on a TIE); ' +
      'null when the lane has no capability fit yet.',
    resolve: (v) => (v.capability ? { ...v.capability, lookup: v.lookup } : null),
  }),
);
