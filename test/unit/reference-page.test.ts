import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/domain/comparison/compare.js';
import { computeProfiles } from '../../src/domain/profile/profiles.js';
import { effectiveScores } from '../../src/domain/scoring/effective.js';
import { defaultMethodology } from './fixtures/methodology.js';
import {
  AIDER_POLYGLOT,
  AIME_2024,
  CODING,
  GPT_4_1,
  GPT_4_1_MINI,
  IFEVAL,
  INSTRUCTION_FOLLOWING,
  KNOWLEDGE,
  MMLU,
  SWE_BENCH_VERIFIED,
  gpt41,
  gpt41Mini,
  referenceCatalog,
  referenceScores,
} from './fixtures/reference.js';

const effective = effectiveScores(referenceScores, 'PROVISIONAL');
const profiles = computeProfiles(referenceCatalog, effective, defaultMethodology(referenceCatalog.categories));
const comparison = compareModels({ catalog: referenceCatalog, models: [gpt41, gpt41Mini], effective, profiles });

/** The compared category with this id; fails the test when it was not compared. */
function compared(categoryId: number) {
  const found = comparison.categories.find((c) => c.categoryId === categoryId);
  if (found === undefined) throw new Error(`category ${categoryId} was not compared`);
  return found;
}

describe('the reference page: GPT-4.1 vs GPT-4.1 mini (METHODOLOGY §5)', () => {
  it('compares 3 categories, on the common benchmarks only', () => {
    expect(comparison.categoriesCompared).toBe(3);
    expect(comparison.categories.map((c) => c.categoryId)).toEqual([CODING, KNOWLEDGE, INSTRUCTION_FOLLOWING]);
    expect(compared(CODING).benchmarkIds).toEqual([SWE_BENCH_VERIFIED]);
  });

  it('coding: GPT-4.1 leads by 31.0 on SWE-bench Verified (54.6 vs 23.6, the independent score)', () => {
    const coding = compared(CODING);
    expect(coding.averages.map((a) => a.modelId)).toEqual([GPT_4_1, GPT_4_1_MINI]);
    expect(coding.averages[0]?.average).toBeCloseTo(54.6, 10);
    expect(coding.averages[1]?.average).toBeCloseTo(23.6, 10);
    expect(coding.leader).toBe(GPT_4_1);
    expect(coding.difference).toBeCloseTo(31.0, 10);
    expect(coding.decisive.benchmarkId).toBe(SWE_BENCH_VERIFIED);
  });

  it('knowledge: 66.3 vs 64.2, GPT-4.1 leads by 2.1, MMLU decisive', () => {
    const knowledge = compared(KNOWLEDGE);
    expect(knowledge.averages[0]?.average).toBeCloseTo(66.3, 10);
    expect(knowledge.averages[1]?.average).toBeCloseTo(64.2, 10);
    expect(knowledge.leader).toBe(GPT_4_1);
    expect(knowledge.difference).toBeCloseTo(2.1, 10);
    expect(knowledge.decisive.benchmarkId).toBe(MMLU);
    expect(knowledge.decisive.spread).toBeCloseTo(2.7, 10);
  });

  it('instruction following: 87.4 vs 88.5, GPT-4.1 mini leads by 1.1, IFEval decisive', () => {
    const instructionFollowing = compared(INSTRUCTION_FOLLOWING);
    expect(instructionFollowing.averages[0]?.average).toBeCloseTo(87.4, 10);
    expect(instructionFollowing.averages[1]?.average).toBeCloseTo(88.5, 10);
    expect(instructionFollowing.leader).toBe(GPT_4_1_MINI);
    expect(instructionFollowing.difference).toBeCloseTo(1.1, 10);
    expect(instructionFollowing.decisive.benchmarkId).toBe(IFEVAL);
  });

  it('biggest swing: SWE-bench Verified, 31.0, with each model’s raw and normalised value', () => {
    expect(comparison.biggestSwing?.benchmarkId).toBe(SWE_BENCH_VERIFIED);
    expect(comparison.biggestSwing?.spread).toBeCloseTo(31.0, 10);
    expect(comparison.biggestSwing?.readings).toEqual([
      { modelId: GPT_4_1, value: 54.6, normalized: 54.6 },
      { modelId: GPT_4_1_MINI, value: 23.6, normalized: 23.6 },
    ]);
  });

  it('prices: output and input ratio 5.0, GPT-4.1 mini cheaper', () => {
    expect(comparison.prices.ratio.output).toBeCloseTo(5.0, 10);
    expect(comparison.prices.ratio.input).toBeCloseTo(5.0, 10);
    expect(comparison.prices.ratio.blended).toBeCloseTo(5.0, 10);
    expect(comparison.prices.cheapest).toBe(GPT_4_1_MINI);
    expect(comparison.prices.models[0]?.blended).toBeCloseTo(3.5, 10);
    expect(comparison.prices.models[1]?.blended).toBeCloseTo(0.7, 10);
    expect(comparison.prices.models[0]?.relative.output).toBeCloseTo(5.0, 10);
    expect(comparison.prices.models[1]?.relative.output).toBe(1);
  });

  it('speed ratio 1.35 (GPT-4.1 faster), latency difference 0.26 s (mini quicker), context a tie', () => {
    expect(comparison.speed.fastest).toBe(GPT_4_1);
    expect(comparison.speed.ratio).toBeCloseTo(1.35, 10);
    expect(comparison.latency.fastest).toBe(GPT_4_1_MINI);
    expect(comparison.latency.difference).toBeCloseTo(0.26, 10);
    expect(comparison.context.largest).toBeNull();
    expect(comparison.context.tie).toBe(true);
  });

  it('relationship SIBLINGS', () => {
    expect(comparison.relationship).toBe('SIBLINGS');
  });

  it('verdict: coding and knowledge → GPT-4.1; instruction following, cost and latency → mini; speed → GPT-4.1', () => {
    expect(comparison.verdict.entries).toEqual([
      { priority: 'CATEGORY', categoryId: CODING, winner: GPT_4_1, outcome: 'WIN' },
      { priority: 'CATEGORY', categoryId: KNOWLEDGE, winner: GPT_4_1, outcome: 'WIN' },
      { priority: 'CATEGORY', categoryId: INSTRUCTION_FOLLOWING, winner: GPT_4_1_MINI, outcome: 'WIN' },
      { priority: 'COST', categoryId: null, winner: GPT_4_1_MINI, outcome: 'WIN' },
      { priority: 'SPEED', categoryId: null, winner: GPT_4_1, outcome: 'WIN' },
      { priority: 'LATENCY', categoryId: null, winner: GPT_4_1_MINI, outcome: 'WIN' },
      { priority: 'CONTEXT', categoryId: null, winner: null, outcome: 'TIE' },
    ]);
    expect(comparison.verdict.summary).toBe(
      'GPT-4.1 leads coding and knowledge, and is faster; ' +
        'GPT-4.1 mini leads instruction following, is cheaper, and has lower latency; context is a tie.',
    );
  });

  it('coverage lists what each model lacks that the other has (display-only benchmarks aside)', () => {
    expect(comparison.coverage).toEqual([
      { modelId: GPT_4_1, missing: [AIME_2024] },
      { modelId: GPT_4_1_MINI, missing: [AIDER_POLYGLOT] },
    ]);
  });

  it('overall comes from the models’ own profiles; both are unranked here, so there is no margin', () => {
    expect(comparison.overall.standings).toEqual([
      { modelId: GPT_4_1, overall: profiles.get(GPT_4_1)?.overall, ranked: false, rank: null },
      { modelId: GPT_4_1_MINI, overall: profiles.get(GPT_4_1_MINI)?.overall, ranked: false, rank: null },
    ]);
    expect(comparison.overall.margin).toBeNull();
  });

  it('reversing the models only reorders the answer', () => {
    const reversed = compareModels({ catalog: referenceCatalog, models: [gpt41Mini, gpt41], effective, profiles });
    expect(reversed.categories.map((c) => [c.categoryId, c.leader])).toEqual(
      comparison.categories.map((c) => [c.categoryId, c.leader]),
    );
    expect(reversed.prices.models.map((m) => m.modelId)).toEqual([GPT_4_1_MINI, GPT_4_1]);
    expect(reversed.verdict).toEqual(comparison.verdict);
  });
});
