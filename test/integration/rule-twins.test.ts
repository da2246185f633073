import { inArray, sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DbHandle } from '../../src/db/client.js';
import { benchmarks, categories, modelPrices, models, providers, scores } from '../../src/db/tables/index.js';
import { blendedPrice, blendedPriceSql } from '../../src/domain/comparison/prices.js';
import { priceInEffect, priceInEffectSql } from '../../src/domain/prices/in-effect.js';
import { competitionRanks, rankSql } from '../../src/domain/profile/ranking.js';
import { tenths, tenthsSql } from '../../src/domain/scoring/equality.js';
import type { ScoreFacts } from '../../src/domain/scoring/types.js';
import { loadModelScores } from '../../src/modules/models/queries/model-scores.js';
import { blendedPriceInEffectSql, priceAsOf } from '../../src/modules/models/queries/prices.js';
import { loadCurrentScores } from '../../src/modules/models/queries/scoring.js';
import { createTestDb } from '../helpers/db.js';

/**
 * Each rule that SQL applies too has a TypeScript twin beside it in src/domain; here both run on
 * the same rows of a real database and must agree exactly.
 */

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle?.close());

/** `x` moved by `ulps` representable doubles (negative: down). */
function nudge(x: number, ulps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, bits + BigInt(x >= 0 ? ulps : -ulps));
  return view.getFloat64(0);
}

/** Runs `expression` (over `v.value`, and `v.grp` for a partition) on every value in one statement; by index. */
async function overValues(values: readonly number[], expression: SQL, groups?: readonly number[]): Promise<number[]> {
  const rows = sql.join(
    values.map((value, i) => sql`(${i}::int, ${value}::float8, ${groups?.[i] ?? 0}::int)`),
    sql`, `,
  );
  const result = await handle.db.execute(
    sql`select v.id, (${expression})::float8 as out from (values ${rows}) as v(id, value, grp) order by v.id`,
  );
  return rowsOf<{ id: number; out: number | string }>(result).map((r) => Number(r.out));
}

const tenthsOf = tenthsSql(sql, sql`v.value`);

describe('tenths: tenths() and tenthsSql', () => {
  const halfWay = Array.from({ length: 21 }, (_, k) => (k - 10) / 10 + 0.05);
  const tricky = [
    ...[54.549999999, 54.55, 54.5499, 54.45, -54.55, -0.05, -0.04, 0.05, 0.15, 0.25, 1.25, 2.675, 99.95],
    ...[1e-7, -1e-7, 0, 100, 0.1 + 0.2, 0.3, 80.04, 79.96, (54.5 + 54.6) / 2, 1 / 3, -2 / 3],
    // Within float noise of a snap step's half (x.xxxx5): a cast to numeric (15 digits) rounds these up.
    ...[-2, -1, 1, 2, 5, 20].flatMap((u) => [nudge(0.049995, u), nudge(54.549995, u), nudge(-12.349995, u)]),
    ...halfWay.flatMap((h) => [h, nudge(h, -1), nudge(h, 1)]),
  ];

  it('agree on tricky values: float noise, half-way cases, signs, tiny values', async () => {
    const got = await overValues(tricky, tenthsOf);
    expect(got).toEqual(tricky.map(tenths));
  });

  it('agree on generated values, near the half-way points and anywhere', async () => {
    // Where a value turns from n to n + 1 tenths: |value| × 100000 = 10000 n + 4999.5, give or take a few ulps.
    const nearHalf = fc
      .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -4, max: 4 }), fc.constantFrom(1, -1))
      .map(([n, ulps, sign]) => nudge((sign * (n * 10_000 + 4999.5)) / 100_000, ulps));
    const anywhere = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(nearHalf, anywhere), { minLength: 1, maxLength: 200 }), async (values) => {
        expect(await overValues(values, tenthsOf)).toEqual(values.map(tenths));
      }),
      { numRuns: 40 },
    );
  });
});

describe('rank with ties: competitionRanks and rankSql', () => {
  const expectSameRanks = async (values: readonly number[]) => {
    const got = await overValues(values, rankSql(sql, tenthsOf));
    const want = competitionRanks(new Map(values.map((v, i) => [i, v])));
    expect(got).toEqual(values.map((_, i) => want.get(i)));
  };

  it('agree on sets with ties, including ties only one decimal place sees', async () => {
    await expectSameRanks([70, 80, 80, 60, 80.04, 79.96, 54.55, 54.549999999, 54.54, 0, -0.04, -0.05]);
    await expectSameRanks([5, 5, 5]);
    await expectSameRanks([42]);
  });

  it('agree within partitions', async () => {
    const values = [70, 80, 80, 60, 90, 90, 10, 89.96];
    const groups = [1, 1, 1, 1, 2, 2, 2, 2];
    const got = await overValues(values, rankSql(sql, tenthsOf, sql`v.grp`), groups);
    const want = new Map<number, number>();
    for (const group of [1, 2]) {
      const members = new Map(values.flatMap((v, i) => (groups[i] === group ? [[i, v] as const] : [])));
      for (const [i, rank] of competitionRanks(members)) want.set(i, rank);
    }
    expect(got).toEqual(values.map((_, i) => want.get(i)));
  });

  it('agree on generated sets, ties likely', async () => {
    const score = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((t) => t / 4),
      fc.double({ min: 0, max: 10, noNaN: true }),
    );
    await fc.assert(fc.asyncProperty(fc.array(score, { minLength: 1, maxLength: 60 }), expectSameRanks), {
      numRuns: 40,
    });
  });
});

/** A provider and models with the given ids (and their slugs), for rows that need them. */
async function insertModels(ids: readonly number[]): Promise<void> {
  const [provider] = await handle.db
    .insert(providers)
    .values({ slug: `p-${ids[0]}`, name: 'P' })
    .returning();
  await handle.db
    .insert(models)
    .values(ids.map((id) => ({ id, slug: `m-${id}`, name: `M ${id}`, providerId: provider!.id, contextWindow: 1 })));
}

/** Price histories (one model has none), recorded out of order. */
const history: Record<number, { effectiveFrom: string; inputPrice: number; outputPrice: number }[]> = {
  101: [
    { effectiveFrom: '2025-01-01', inputPrice: 2, outputPrice: 8 },
    { effectiveFrom: '2025-06-15', inputPrice: 0.1, outputPrice: 0.2 },
    { effectiveFrom: '2025-03-01', inputPrice: 1 / 3, outputPrice: 2.675 },
  ],
  102: [{ effectiveFrom: '2025-05-01', inputPrice: 0.4, outputPrice: 1.6 }],
  103: [
    { effectiveFrom: '2024-12-31', inputPrice: 0, outputPrice: 0 },
    { effectiveFrom: '2025-01-02', inputPrice: 123_456.789, outputPrice: 1e-6 },
  ],
  104: [],
};
const priced = Object.keys(history).map(Number);
// Before the first price, on an effective day, the day before one, between, and after the last.
const days = [
  ...['2024-06-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-02-28', '2025-03-01'],
  ...['2025-04-30', '2025-05-01', '2025-06-14', '2025-06-15', '2026-01-01'],
];

describe('prices: blendedPrice and blendedPriceSql, priceInEffect and priceInEffectSql (and priceAsOf)', () => {
  beforeAll(async () => {
    await insertModels(priced);
    await handle.db
      .insert(modelPrices)
      .values(priced.flatMap((modelId) => history[modelId]!.map((p) => ({ modelId, ...p }))));
  });

  it('agree on the blended price of every price row', async () => {
    const blended = blendedPriceSql(sql, sql`p.input_price`, sql`p.output_price`);
    const result = await handle.db.execute(
      sql`select p.input_price, p.output_price, ${blended} as blended from model_prices p`,
    );
    const rows = rowsOf<{ input_price: number; output_price: number; blended: number }>(result);
    expect(rows.length).toBe(6);
    for (const r of rows)
      expect(r.blended).toBe(blendedPrice({ inputPrice: r.input_price, outputPrice: r.output_price }));
  });

  it('agree on the price in effect (and its blended price) for every model on every day', async () => {
    const inEffect = priceInEffectSql(sql, sql`p.effective_from::text`, sql`m.id`, sql`d.day`);
    const blended = blendedPriceInEffectSql(sql`m.id`, sql`d.day`);
    const dayRows = sql.join(
      days.map((day) => sql`(${day}::text)`),
      sql`, `,
    );
    const result = await handle.db.execute(sql`
      select m.id, d.day, ${inEffect} as effective_from, ${blended} as blended
      from models m cross join (values ${dayRows}) as d(day)
      where m.id in (${sql.join(
        priced.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    const rows = rowsOf<{ id: number; day: string; effective_from: string | null; blended: number | null }>(result);
    expect(rows.length).toBe(priced.length * days.length);
    for (const r of rows) {
      const want = priceInEffect(history[r.id]!, r.day);
      expect([r.id, r.day, r.effective_from]).toEqual([r.id, r.day, want?.effectiveFrom ?? null]);
      expect(r.blended).toBe(want ? blendedPrice(want) : null);
    }
  });

  it('agree with the relational config priceAsOf on every day', async () => {
    for (const day of days) {
      const loaded = await handle.db.query.models.findMany({
        where: { id: { in: priced } },
        columns: { id: true },
        with: { prices: priceAsOf(day) },
      });
      expect(loaded).toHaveLength(priced.length);
      const got = loaded.map((m) => [m.id, m.prices[0]?.effectiveFrom ?? null]);
      expect(got).toEqual(loaded.map((m) => [m.id, priceInEffect(history[m.id]!, day)?.effectiveFrom ?? null]));
    }
  });
});

/** Scores with big ids, negative and tiny values, missing dates, superseded and retracted rows. */
const BIG = 2_147_483_647;
const modelIds = [BIG - 1, 7];
const recorded = new Date('2025-03-04T05:06:07.891Z');
const row = (id: number, modelId: number, benchmarkId: number, value: number) => ({
  id,
  modelId,
  benchmarkId,
  value,
  provenance: 'INDEPENDENT' as ScoreFacts['provenance'],
  source: `https://example.org/${id}`,
  measuredOn: null as string | null,
  recordedAt: recorded,
});
const rows: (typeof scores.$inferInsert)[] = [
  row(BIG, BIG - 1, BIG, -12.345),
  { ...row(1, 7, BIG, 0.1 + 0.2), measuredOn: '2024-02-29', provenance: 'SELF_REPORTED' },
  { ...row(1_000_000, 7, 5, 1e-7), measuredOn: '2025-12-31' },
  { ...row(2, BIG - 1, 5, 1_234_567.891), supersededAt: new Date('2025-06-01T00:00:00Z') },
  {
    ...row(3, 7, 5, -0.000001),
    retractedAt: new Date('2025-07-01T12:00:00.5Z'),
    retractionReason: 'wrong "split", see https://example.org',
  },
];

describe('the packed-scores formats: packed in SQL, unpacked in TypeScript', () => {
  beforeAll(async () => {
    await insertModels(modelIds);
    const [category] = await handle.db
      .insert(categories)
      .values({ slug: 'c', name: 'C', description: 'c' })
      .returning();
    await handle.db.insert(benchmarks).values(
      [BIG, 5].map((id) => ({
        id,
        slug: `b-${id}`,
        name: 'B',
        categoryId: category!.id,
        unit: 'percent' as const,
        scaleMin: -100,
        scaleMax: 100,
      })),
    );
    await handle.db.insert(scores).values(rows);
  });

  it('round-trip ScoreFacts: big ids, negative and tiny values, missing measuredOn, ms timestamps', async () => {
    const got = await loadCurrentScores(handle.db, modelIds);
    const current = rows.filter((r) => !r.supersededAt && !r.retractedAt);
    const want: ScoreFacts[] = current
      .map((r) => ({
        id: r.id!,
        modelId: r.modelId,
        benchmarkId: r.benchmarkId,
        value: r.value,
        provenance: r.provenance!,
        measuredOn: r.measuredOn ?? null,
        recordedAt: recorded.getTime(),
      }))
      .sort((a, b) => a.id - b.id);
    expect(got).toEqual(want);
  });

  it('round-trip whole score rows, superseded and retracted ones included, as Drizzle reads them', async () => {
    const { byModel } = await loadModelScores(handle.db, {
      lane: 'PROVISIONAL',
      asOf: '2025-05-01',
      modelIds,
      withCatalog: false,
    });
    const stored = await handle.db.select().from(scores).where(inArray(scores.modelId, modelIds)).orderBy(scores.id);
    expect(stored).toHaveLength(rows.length);
    for (const id of modelIds) expect(byModel.get(id)).toEqual(stored.filter((s) => s.modelId === id));
  });
});
