import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * Five models on eight benchmarks in two categories: alpha, bravo and charlie tie exactly,
 * delta trails, echo has three scores only (tracked but unranked), foxtrot none at all.
 */
function tiedDataset(): Dataset {
  const benchmarks = Array.from({ length: 8 }, (_, i) => ({
    slug: `bench-${i}`,
    name: `Bench ${i}`,
    category: i < 4 ? 'coding' : 'math',
    unit: 'percent' as const,
    higherIsBetter: true,
    scaleMin: 0,
    scaleMax: 100,
    weight: 1,
  }));
  const value = (model: string, i: number) => (model === 'delta' ? 40 : 60) + i;
  const model = (slug: string) => ({
    slug,
    name: slug.toUpperCase(),
    provider: 'lab',
    family: 'fam',
    contextWindow: 1000,
    inputPricePerMTok: 1,
    outputPricePerMTok: 2,
    openWeights: false,
  });
  const scored = ['charlie', 'alpha', 'delta', 'bravo'];
  return {
    providers: [{ slug: 'lab', name: 'Lab' }],
    families: [{ slug: 'fam', name: 'Fam', provider: 'lab' }],
    categories: [
      { slug: 'coding', name: 'Coding', description: 'code', weight: 20 },
      { slug: 'math', name: 'Math', description: 'math', weight: 5 },
    ],
    benchmarks,
    models: [...scored, 'echo', 'foxtrot'].map(model),
    scores: [
      ...scored.flatMap((m) =>
        benchmarks.map((b, i) => ({
          model: m,
          benchmark: b.slug,
          value: value(m, i),
          source: 'https://example.org',
          verified: true,
        })),
      ),
      ...benchmarks
        .slice(0, 3)
        .map((b) => ({ model: 'echo', benchmark: b.slug, value: 99, source: 'https://example.org', verified: true })),
    ],
  } as Dataset;
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await importDataset(app.handle.db, tiedDataset(), { today: '2026-11-25' });
});
afterAll(() => app?.close());

const PAGE = `query($first: Int, $after: String, $category: String) { leaderboard(first: $first, after: $after, category: $category) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { rank score model { slug } } } } }`;

describe('ties, unranked models and cursors', () => {
  it('ties share a rank, the next rank skips, unranked models are not listed', async () => {
    const r = await app.gql(PAGE, { first: 10 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.leaderboard.edges.map((e: any) => [e.node.model.slug, e.node.rank])).toEqual([
      ['alpha', 1],
      ['bravo', 1],
      ['charlie', 1],
      ['delta', 4],
    ]);
    expect(r.data!.leaderboard.totalCount).toBe(4);
  });

  it('pages one line at a time across the tie with no gap and no overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: any = await app.gql(PAGE, { first: 1, after });
      seen.push(...r.data.leaderboard.edges.map((e: any) => e.node.model.slug));
      expect(r.data.leaderboard.totalCount).toBe(4);
      after = r.data.leaderboard.pageInfo.endCursor;
      if (!r.data.leaderboard.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    // Past the last line: an empty page that still knows the total.
    const past = await app.gql(PAGE, { first: 5, after });
    expect(past.data!.leaderboard).toMatchObject({ totalCount: 4, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('a category leaderboard ties the same way; echo is eligible in coding (3 of 4 benchmarks) though unranked overall', async () => {
    const r = await app.gql(PAGE, { first: 10, category: 'coding' });
    expect(r.data!.leaderboard.edges.map((e: any) => [e.node.model.slug, e.node.rank])).toEqual([
      ['echo', 1],
      ['alpha', 2],
      ['bravo', 2],
      ['charlie', 2],
      ['delta', 5],
    ]);
  });

  it('profiles: tracked-but-unranked and never-scored models show without a rank', async () => {
    const q =
      '{ echo: model(slug: "echo") { profile { ranked overall rank confidence categories { category { slug } score rank eligible } } } foxtrot: model(slug: "foxtrot") { profile { ranked overall rank confidence categories { score } } } alpha: model(slug: "alpha") { profile { ranked rank } } }';
    const r = await app.gql(q);
    expect(r.errors).toBeUndefined();
    expect(r.data!.echo.profile).toMatchObject({
      ranked: false,
      rank: null,
      overall: 99,
      categories: [{ category: { slug: 'coding' }, score: 99, rank: 1, eligible: true }],
    });
    expect(r.data!.foxtrot.profile).toEqual({
      ranked: false,
      overall: null,
      rank: null,
      confidence: 'LOW',
      categories: [],
    });
    expect(r.data!.alpha.profile).toEqual({ ranked: true, rank: 1 });
  });
});
