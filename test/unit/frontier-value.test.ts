import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRankCursor, encodeRankCursor } from '../../src/domain/profile/cursor.js';
import { paretoFrontier, type FrontierCandidate } from '../../src/domain/profile/frontier.js';
import { valueRanking } from '../../src/domain/profile/value.js';
import { resolveWeightInputs, WeightInputError } from '../../src/domain/profile/weights.js';
import { tenths } from '../../src/domain/scoring/equality.js';

const c = (modelId: number, cost: number, quality: number): FrontierCandidate => ({
  modelId,
  slug: `m-${String(modelId).padStart(3, '0')}`,
  cost,
  quality,
});

/** A dominates B: at least as cheap and as good (one decimal), strictly better on one. */
const dominates = (a: FrontierCandidate, b: FrontierCandidate) =>
  a.cost <= b.cost &&
  tenths(a.quality) >= tenths(b.quality) &&
  (a.cost < b.cost || tenths(a.quality) > tenths(b.quality));

describe('paretoFrontier', () => {
  it('keeps the undominated models of a hand-made set, cheapest first', () => {
    const frontier = paretoFrontier([
      c(1, 1, 50),
      c(2, 2, 60),
      c(3, 2, 55),
      c(4, 3, 58),
      c(5, 10, 80),
      c(6, 0.5, 40),
      c(7, 10, 80.04),
    ]);
    expect(frontier.map((p) => p.modelId)).toEqual([6, 1, 2, 5, 7]);
  });

  it('never keeps a dominated model, never drops an undominated one; the cheapest and the best are always on it', () => {
    const candidate = fc.record({
      cost: fc.integer({ min: 0, max: 20 }).map((x) => x / 4),
      quality: fc.integer({ min: 0, max: 200 }).map((x) => x / 2),
    });
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 30 }), (raw) => {
        const all = raw.map((r, i) => c(i, r.cost, r.quality));
        const frontier = paretoFrontier(all);
        const on = new Set(frontier.map((p) => p.modelId));
        for (const x of all) expect(on.has(x.modelId)).toBe(!all.some((y) => dominates(y, x)));
        const cheapest = Math.min(...all.map((x) => x.cost));
        const best = Math.max(...all.map((x) => tenths(x.quality)));
        expect(frontier.some((p) => p.cost === cheapest)).toBe(true);
        expect(frontier.some((p) => tenths(p.quality) === best)).toBe(true);
        expect(frontier.map((p) => p.cost)).toEqual([...frontier.map((p) => p.cost)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('valueRanking', () => {
  it('ranks points per blended dollar, best first, equal values sharing a rank, free models left out', () => {
    const ranked = valueRanking([
      { modelId: 1, slug: 'a', score: 60, blended: 3 },
      { modelId: 2, slug: 'b', score: 40, blended: 1 },
      { modelId: 3, slug: 'c', score: 20, blended: 1 },
      { modelId: 4, slug: 'd', score: 80, blended: 4 },
      { modelId: 5, slug: 'e', score: 90, blended: 0 },
    ]);
    expect(ranked.map((r) => [r.slug, r.value, r.rank])).toEqual([
      ['b', 40, 1],
      ['a', 20, 2],
      ['c', 20, 2],
      ['d', 20, 2],
    ]);
  });
});

describe('resolveWeightInputs', () => {
  const ids = new Map([
    ['coding', 1],
    ['knowledge', 2],
  ]);
  it('maps slugs to ids', () => {
    expect(
      resolveWeightInputs(
        [
          { category: 'coding', weight: 3 },
          { category: 'knowledge', weight: 0 },
        ],
        ids,
      ),
    ).toEqual(
      new Map([
        [1, 3],
        [2, 0],
      ]),
    );
  });
  it.each([
    [[{ category: 'cooking', weight: 1 }], 'weights[0].category'],
    [[{ category: 'coding', weight: -1 }], 'weights[0].weight'],
    [[{ category: 'coding', weight: Number.NaN }], 'weights[0].weight'],
    [
      [
        { category: 'coding', weight: 1 },
        { category: 'coding', weight: 2 },
      ],
      'weights[1].category',
    ],
    [[{ category: 'coding', weight: 0 }], 'weights'],
    [[], 'weights'],
  ])('refuses %j at %s', (inputs, path) => {
    expect(() => resolveWeightInputs(inputs, ids)).toThrow(WeightInputError);
    try {
      resolveWeightInputs(inputs, ids);
    } catch (e) {
      expect((e as WeightInputError).path).toBe(path);
      expect((e as Error).message.startsWith(path)).toBe(true);
    }
  });
});

describe('rank cursors', () => {
  it('round-trip and refuse anything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.string(), (t, slug) => {
        expect(decodeRankCursor(encodeRankCursor({ tenths: t, slug }))).toEqual({ tenths: t, slug });
      }),
    );
    expect(decodeRankCursor('not-a-cursor')).toBeNull();
    expect(decodeRankCursor(Buffer.from('[1.5,"a"]').toString('base64url'))).toBeNull();
  });
});
