import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareForEffective, effectiveScores } from '../../src/domain/scoring/effective.js';
import type { ScoreFacts } from '../../src/domain/scoring/types.js';
import { T0, score } from './fixtures/rows.js';

/** The id of the score that counts for model 1 on benchmark 1. */
function winner(rows: readonly ScoreFacts[], lane: 'PROVISIONAL' | 'VERIFIED' = 'PROVISIONAL'): number | undefined {
  return effectiveScores(rows, lane).get(1)?.get(1)?.id;
}

describe('effective score', () => {
  it('takes an independent score over a self-reported one, even an older one', () => {
    const rows = [
      score(1, 1, 1, 60, { provenance: 'SELF_REPORTED', measuredOn: '2025-06-01' }),
      score(2, 1, 1, 50, { provenance: 'INDEPENDENT', measuredOn: '2024-01-01' }),
    ];
    expect(winner(rows)).toBe(2);
  });

  it('then the latest measuredOn, with unknown dates last', () => {
    const rows = [
      score(1, 1, 1, 60, { measuredOn: null }),
      score(2, 1, 1, 61, { measuredOn: '2025-03-01' }),
      score(3, 1, 1, 62, { measuredOn: '2025-02-28' }),
    ];
    expect(winner(rows)).toBe(2);
    expect(winner([rows[0] as ScoreFacts, rows[2] as ScoreFacts])).toBe(3);
  });

  it('then the one recorded first, then the lowest id', () => {
    const sameDate = { measuredOn: '2025-03-01' };
    expect(
      winner([
        score(1, 1, 1, 60, { ...sameDate, recordedAt: T0 + 10 }),
        score(2, 1, 1, 61, { ...sameDate, recordedAt: T0 + 5 }),
      ]),
    ).toBe(2);
    expect(winner([score(9, 1, 1, 60, { recordedAt: T0 }), score(4, 1, 1, 61, { recordedAt: T0 })])).toBe(4);
  });

  it('VERIFIED keeps only independent scores; a model with only self-reported ones has none', () => {
    const rows = [
      score(1, 1, 1, 60, { provenance: 'SELF_REPORTED', measuredOn: '2025-06-01' }),
      score(2, 1, 1, 50, { provenance: 'INDEPENDENT', measuredOn: '2024-01-01' }),
      score(3, 2, 1, 70, { provenance: 'SELF_REPORTED' }),
    ];
    const verified = effectiveScores(rows, 'VERIFIED');
    expect(verified.get(1)?.get(1)?.id).toBe(2);
    expect(verified.has(2)).toBe(false);
    expect(effectiveScores(rows, 'PROVISIONAL').get(2)?.get(1)?.id).toBe(3);
  });

  it('keeps one score per (model, benchmark)', () => {
    const rows = [score(1, 1, 1, 60), score(2, 1, 2, 61), score(3, 2, 1, 62), score(4, 1, 1, 63)];
    const effective = effectiveScores(rows, 'PROVISIONAL');
    expect([...(effective.get(1)?.keys() ?? [])].sort()).toEqual([1, 2]);
    expect(effective.get(1)?.get(1)?.id).toBe(1);
    expect(effective.get(2)?.get(1)?.id).toBe(3);
  });

  it('does not depend on the order the scores arrive in', () => {
    const row = fc.record({
      provenance: fc.constantFrom('INDEPENDENT' as const, 'SELF_REPORTED' as const),
      measuredOn: fc.option(fc.constantFrom('2024-12-31', '2025-01-01', '2025-06-30'), { nil: null }),
      recordedAt: fc.integer({ min: 0, max: 3 }),
      benchmarkId: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }).chain((specs) => {
          const rows = specs.map((spec, index) =>
            score(index + 1, 1, spec.benchmarkId, index, { ...spec, recordedAt: T0 + spec.recordedAt }),
          );
          return fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          );
        }),
        fc.constantFrom('PROVISIONAL' as const, 'VERIFIED' as const),
        ([rows, shuffled], lane) => {
          expect(effectiveScores(shuffled, lane)).toEqual(effectiveScores(rows, lane));
          for (const byBenchmark of effectiveScores(rows, lane).values()) {
            for (const chosen of byBenchmark.values()) {
              // The chosen score beats (or is) every other score of its pair that counts in the lane.
              for (const other of rows) {
                if (other.benchmarkId !== chosen.benchmarkId) continue;
                if (lane === 'VERIFIED' && other.provenance !== 'INDEPENDENT') continue;
                expect(compareForEffective(chosen, other)).toBeLessThanOrEqual(0);
              }
            }
          }
        },
      ),
    );
  });
});
