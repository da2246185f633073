import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/modules/catalog/queries.js';
import { loadCurrentScores } from '../../src/modules/models/queries/scoring.js';
import { buildLaneView, type LaneView } from '../../src/domain/lane-view.js';
import { categoryLeaderboard, overallLeaderboard } from '../../src/domain/profile/leaderboard.js';
import { computeProfiles } from '../../src/domain/profile/profiles.js';
import { paretoFrontier } from '../../src/domain/profile/frontier.js';
import { tenths } from '../../src/domain/scoring/equality.js';
import type { CategoryFacts, Lane } from '../../src/domain/scoring/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { FIGURE_DECIMALS, roundHalfAwayFromZero } from '../../src/domain/rounding.js';

const contract = (name: string) => readFileSync(new URL(`../../contract/${name}.graphql`, import.meta.url), 'utf8');

let app: TestApp;
const views = new Map<Lane, LaneView>();
let slugOf: (id: number) => string;
let idOf: (slug: string) => number;
let categories: CategoryFacts[];

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  const [catalog, scores] = await Promise.all([loadCatalog(app.handle.db), loadCurrentScores(app.handle.db)]);
  categories = catalog.categories;
  for (const lane of ['PROVISIONAL', 'VERIFIED'] as const) views.set(lane, buildLaneView(catalog, scores, lane));
  const r = await app.gql('{ models(first: 100) { edges { node { slug } } } } ');
  expect(r.errors).toBeUndefined();
  const rows = await app.handle.db.query.models.findMany({ columns: { id: true, slug: true } });
  const bySlug = new Map(rows.map((m) => [m.slug, m.id]));
  const byId = new Map(rows.map((m) => [m.id, m.slug]));
  slugOf = (id) => byId.get(id)!;
  idOf = (slug) => bySlug.get(slug)!;
});
afterAll(() => app?.close());

const PAGE = `query($lane: Lane, $category: String, $filter: ModelFilter, $weights: [CategoryWeightInput!], $first: Int, $after: String) {
  leaderboard(lane: $lane, category: $category, filter: $filter, weights: $weights, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { rank score model { slug } } }
  }
}`;

/** Walks every page of a leaderboard and returns [slug, rank, score] lines. */
async function walk(
  variables: Record<string, unknown>,
  first = 17,
): Promise<{ lines: [string, number, number][]; totalCount: number }> {
  const lines: [string, number, number][] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let i = 0; i < 50; i++) {
    const r: any = await app.gql(PAGE, { ...variables, first, after });
    expect(r.errors).toBeUndefined();
    totalCount = r.data.leaderboard.totalCount;
    for (const e of r.data.leaderboard.edges) lines.push([e.node.model.slug, e.node.rank, e.node.score]);
    if (!r.data.leaderboard.pageInfo.hasNextPage) break;
    after = r.data.leaderboard.pageInfo.endCursor;
  }
  return { lines, totalCount };
}

const expectSameLines = (got: [string, number, number][], want: { modelId: number; rank: number; score: number }[]) => {
  expect(got.map(([slug, rank]) => [slug, rank])).toEqual(want.map((e) => [slugOf(e.modelId), e.rank]));
  got.forEach(([, , score], i) => expect(score).toBe(roundHalfAwayFromZero(want[i]!.score, FIGURE_DECIMALS)));
};

describe('leaderboards computed in the database agree with the pure §3 functions', () => {
  it.each(['PROVISIONAL', 'VERIFIED'] as const)('overall, %s lane, every page', async (lane) => {
    const view = views.get(lane)!;
    const want = overallLeaderboard(view.profiles, slugOf);
    expect(want.length).toBeGreaterThan(10);
    const { lines, totalCount } = await walk({ lane });
    expect(totalCount).toBe(want.length);
    expectSameLines(lines, want);
  });

  it('every category, both lanes', async () => {
    for (const lane of ['PROVISIONAL', 'VERIFIED'] as const) {
      for (const category of categories) {
        const want = categoryLeaderboard(views.get(lane)!.profiles, category.id, slugOf);
        const { lines, totalCount } = await walk({ lane, category: category.slug }, 40);
        expect(totalCount, `${lane} ${category.slug}`).toBe(want.length);
        expectSameLines(lines, want);
      }
    }
  });

  it('with caller weights, which change the order as the weights say', async () => {
    const view = views.get('PROVISIONAL')!;
    const coding = categories.find((c) => c.slug === 'coding')!;
    const math = categories.find((c) => c.slug === 'math')!;
    const weights = [
      { category: 'coding', weight: 3 },
      { category: 'math', weight: 1 },
    ];
    const override = new Map([
      [coding.id, 3],
      [math.id, 1],
    ]);
    const want = overallLeaderboard(computeProfiles(view.catalog, view.effective, view.methodology, override), slugOf);
    const { lines } = await walk({ weights });
    expectSameLines(lines, want);
    const defaultOrder = (await walk({})).lines.map(([slug]) => slug);
    expect(lines.map(([slug]) => slug)).not.toEqual(defaultOrder);
    // Coding alone: the order is the coding category score among models that can be ranked.
    const codingOnly = await walk({ weights: [{ category: 'coding', weight: 1 }] });
    const scores = codingOnly.lines.map(([, , s]) => tenths(s));
    expect(scores.length).toBeGreaterThan(10);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('model profiles match too, in both lanes and with weights (model-page.graphql answers)', async () => {
    for (const lane of ['PROVISIONAL', 'VERIFIED'] as const) {
      const r = await app.gql(contract('model-page'), { slug: 'gpt-4-1', lane });
      expect(r.errors).toBeUndefined();
      const p = r.data!.model.profile;
      const want = views.get(lane)!.profiles.get(idOf('gpt-4-1'))!;
      expect(p.ranked).toBe(want.ranked);
      expect(p.rank).toBe(want.rank);
      expect(p.overall).toBe(roundHalfAwayFromZero(want.overall!, FIGURE_DECIMALS));
      expect(p.confidence).toBe(want.confidence);
      expect(p.categories.map((c: any) => [c.category.slug, c.rank])).toEqual(
        [...want.categoryScores.keys()]
          .sort((a, b) => a - b)
          .map((id) => [categories.find((c) => c.id === id)!.slug, want.categoryRanks.get(id) ?? null]),
      );
    }
  });
});

describe('leaderboard behaviour', () => {
  it('answers leaderboard.graphql and category-leaders.graphql unmodified', async () => {
    const board = await app.gql(contract('leaderboard'), {});
    expect(board.errors).toBeUndefined();
    expect(board.data!.leaderboard.edges[0].node.model.provider.slug).toBeTruthy();
    const leaders = await app.gql(contract('category-leaders'), {});
    expect(leaders.errors).toBeUndefined();
    for (const entry of leaders.data!.categoryLeaders) {
      const first2 = await app.gql(PAGE, { category: entry.category.slug, first: 2 });
      const edges = first2.data!.leaderboard.edges;
      expect(entry.leader.model.slug).toBe(edges[0].node.model.slug);
      expect(entry.runnerUp?.model.slug ?? null).toBe(edges[1]?.node.model.slug ?? null);
    }
  });

  it('filters what it lists without changing ranks, with a matching totalCount', async () => {
    const all = (await walk({}, 100)).lines;
    const rankOf = new Map(all.map(([slug, rank]) => [slug, rank]));
    const cases: Record<string, unknown>[] = [
      { providers: ['openai'] },
      { openWeights: true },
      { maxBlendedPrice: 1 },
      { minContextWindow: 1000000 },
      { releasedAfter: '2025-01-01' },
      { search: 'CLAUDE' },
    ];
    for (const filter of cases) {
      const listed = await app.gql(
        `query($f: ModelFilter) { leaderboard(filter: $f, first: 100) { totalCount edges { node { rank model { slug } } } } models(first: 100, filter: $f) { edges { node { slug } } } }`,
        { f: filter },
      );
      expect(listed.errors).toBeUndefined();
      const matching = new Set(listed.data!.models.edges.map((e: any) => e.node.slug));
      const expected = all.filter(([slug]) => matching.has(slug)).map(([slug]) => slug);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(listed.data!.leaderboard.edges.map((e: any) => e.node.model.slug)).toEqual(expected);
      expect(listed.data!.leaderboard.totalCount).toBe(expected.length);
      for (const e of listed.data!.leaderboard.edges) expect(e.node.rank).toBe(rankOf.get(e.node.model.slug));
    }
  });

  it('runs two statements for a page (standings, models), whatever the page holds', async () => {
    const r = await app.gql(contract('leaderboard'), { first: 50 });
    expect(r.statements).toBe(2);
  });

  it.each([
    [{ first: 101 }, 'BAD_USER_INPUT', 'first'],
    [{ after: 'garbage' }, 'BAD_USER_INPUT', 'after'],
    [{ category: 'cooking' }, 'NOT_FOUND', 'category'],
    [{ weights: [{ category: 'coding', weight: -2 }] }, 'BAD_USER_INPUT', 'weights[0].weight'],
    [{ weights: [{ category: 'coding', weight: 0 }] }, 'BAD_USER_INPUT', 'weights'],
    [{ category: 'coding', weights: [{ category: 'coding', weight: 1 }] }, 'BAD_USER_INPUT', 'weights'],
  ])('refuses %j with %s naming %s', async (variables, code, culprit) => {
    const r = await app.gql(PAGE, variables);
    expect(r.data?.leaderboard ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    expect(r.errors?.[0]?.message.startsWith(culprit)).toBe(true);
  });

  it('value leaderboard: points per blended dollar, best first', async () => {
    const r = await app.gql(
      '{ valueLeaderboard(first: 100) { rank overall blendedPrice scorePerDollar model { slug pricing { blended } } } }',
    );
    expect(r.errors).toBeUndefined();
    const lines = r.data!.valueLeaderboard;
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      // §7: the exact quotient, rounded once (bundled blended prices have at most 6 decimals, so arrive exact).
      const exactOverall = views.get('PROVISIONAL')!.profiles.get(idOf(l.model.slug))!.overall!;
      expect(l.scorePerDollar).toBe(roundHalfAwayFromZero(exactOverall / l.blendedPrice, FIGURE_DECIMALS));
      expect(l.blendedPrice).toBeCloseTo(l.model.pricing.blended, 12);
    }
    const values = lines.map((l: any) => l.scorePerDollar);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
  });

  it('frontier: exactly the undominated ranked models, cheapest first', async () => {
    for (const cost of ['BLENDED', 'INPUT', 'OUTPUT']) {
      const r = await app.gql(
        `{ frontier(cost: ${cost}) { cost quality model { slug pricing { input output blended } } } board: leaderboard(first: 100) { edges { node { score model { slug pricing { input output blended } } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      const key = cost === 'INPUT' ? 'input' : cost === 'OUTPUT' ? 'output' : 'blended';
      const candidates = r.data!.board.edges.map((e: any, i: number) => ({
        modelId: i,
        slug: e.node.model.slug,
        cost: e.node.model.pricing[key],
        quality: e.node.score,
      }));
      expect(r.data!.frontier.map((p: any) => p.model.slug)).toEqual(paretoFrontier(candidates).map((p) => p.slug));
    }
  });
});
