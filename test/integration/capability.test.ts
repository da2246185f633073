import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityIndex, startFrom } from '../../src/domain/capability/fit.js';
import { capabilityEstimates } from '../../src/domain/capability/estimates.js';
import { capabilityLeader, probabilityAhead } from '../../src/domain/capability/head-to-head.js';
import { predictedScore } from '../../src/domain/capability/predict.js';
import {
  type CapabilityRank,
  hundredths,
  rankCapabilities,
  statisticallyTied,
} from '../../src/domain/capability/ranking.js';
import type { CapabilityEstimate, CapabilityFit, CapabilityStart } from '../../src/domain/capability/types.js';
import { roundHalfAwayFromZero } from '../../src/domain/rounding.js';
import type { Catalog, Lane, ScoreFacts } from '../../src/domain/scoring/types.js';
import { fitCount } from '../../src/modules/capability/service.js';
import { loadCatalog } from '../../src/modules/catalog/service.js';
import { createKey } from '../../src/modules/ingestion/service.js';
import { loadCurrentScores } from '../../src/modules/models/service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const LANES: Lane[] = ['PROVISIONAL', 'VERIFIED'];
const round = (value: number) => roundHalfAwayFromZero(value, 4);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const bySlug = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The pure functions' answer on the data in the database: the fit, its ranking, and the rows behind ids. */
interface Expected {
  fit: CapabilityFit;
  ranks: Map<number, CapabilityRank>;
  ranking: CapabilityRank[];
  catalog: Catalog;
  scores: ScoreFacts[];
}

let app: TestApp;
let key = '';
let slugOf: (id: number) => string;
let idOf: (slug: string) => number;
let modelIds: number[];

/** The pure capability index of a lane on the database's current data, from `start` when given. */
async function expected(lane: Lane, start?: CapabilityStart): Promise<Expected> {
  const [catalog, scores] = await Promise.all([loadCatalog(app.handle.db), loadCurrentScores(app.handle.db)]);
  const fit = capabilityIndex(catalog, scores, lane, start ? { start } : {});
  const ranking = rankCapabilities(capabilityEstimates(fit));
  return { fit, ranks: new Map(ranking.map((r) => [r.modelId, r])), ranking, catalog, scores };
}

/** An estimate as the API shows it. */
function shown(estimate: CapabilityEstimate, rank: CapabilityRank | undefined) {
  return {
    value: round(estimate.theta),
    low: round(estimate.lower),
    high: round(estimate.upper),
    se: round(estimate.standardError),
    rank: rank?.rank ?? null,
    bestRank: rank?.bestRank ?? null,
    worstRank: rank?.worstRank ?? null,
    scoresUsed: estimate.scores,
    statisticallyTiedCount: rank ? rank.worstRank - rank.bestRank : null,
  };
}

const ESTIMATE = 'value low high se rank bestRank worstRank scoresUsed statisticallyTiedCount';
const ALL_MODELS = `query($lane: Lane, $after: String, $asOf: Date) {
  models(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
    edges { node { slug capability(lane: $lane, asOf: $asOf) { ${ESTIMATE} } } } } }`;

/** Every model's capability in a lane, by slug, with the statements each page took. */
async function capabilities(lane: Lane, asOf?: string) {
  const found = new Map<string, unknown>();
  const statements: number[] = [];
  let after: string | null = null;
  do {
    const r: any = await app.gql(ALL_MODELS, { lane, after, asOf });
    expect(r.errors).toBeUndefined();
    statements.push(r.statements);
    for (const edge of r.data.models.edges) found.set(edge.node.slug, edge.node.capability);
    after = r.data.models.pageInfo.hasNextPage ? r.data.models.pageInfo.endCursor : null;
  } while (after);
  return { found, statements };
}

/** What the API should answer for every model of a lane. */
function expectedCapabilities(e: Expected) {
  const all = new Map<string, unknown>();
  for (const id of modelIds) all.set(slugOf(id), null);
  for (const estimate of capabilityEstimates(e.fit)) {
    all.set(slugOf(estimate.modelId), shown(estimate, e.ranks.get(estimate.modelId)));
  }
  return all;
}

beforeAll(async () => {
  // No response cache: a refit is not a write, so a cached answer may hold the previous fit until its TTL
  // (README, "Caching and live updates"); these tests read each fit as soon as it is stored.
  app = await createTestApp({
    seed: true,
    now: () => new Date(),
    capability: true,
    config: { RESPONSE_CACHE_TTL_MS: 0 },
  });
  key = (await createKey(app.handle.db, { name: 'curator', scope: 'write' })).key;
  // The bundled scores were all recorded just now; moved 10 days back, the history has a past to refit.
  await app.handle.db.execute(sql`update scores set recorded_at = recorded_at - interval '10 days'`);
  const rows = await app.handle.db.query.models.findMany({ columns: { id: true, slug: true } });
  const bySlugMap = new Map(rows.map((m) => [m.slug, m.id]));
  const byId = new Map(rows.map((m) => [m.id, m.slug]));
  slugOf = (id) => byId.get(id)!;
  idOf = (slug) => bySlugMap.get(slug)!;
  modelIds = rows.map((m) => m.id);
});
afterAll(() => app?.close());

const INDEX = `query($lane: Lane, $asOf: Date) { capabilityIndex(lane: $lane, asOf: $asOf) {
  fittedAt asOf methodologyVersion models rankedModels benchmarks scoresUsed rounds converged } }`;
const COMPARE = `query($models: [String!]!, $lane: Lane) { comparison(models: $models, lane: $lane) {
  verdict { summary capability { outcome winner { slug } statisticallyTied { slug } } }
  capability { fittedAt methodologyVersion leader { slug } outcome
    models { model { slug } estimate { value low high } } pairs { a { slug } b { slug } probabilityAhead } } } }`;

describe('before the first fit', () => {
  it('reads null capability and a null fittedAt, and the verdict says nothing of it', async () => {
    const index = await app.gql(INDEX, {});
    expect(index.data!.capabilityIndex).toMatchObject({ fittedAt: null, models: 0, methodologyVersion: null });
    const model = await app.gql('{ model(slug: "gpt-5") { capability { value } predictedScores { value } } }');
    expect(model.data!.model).toEqual({ capability: null, predictedScores: [] });
    const compared = await app.gql(COMPARE, { models: ['gpt-5', 'gpt-4-1'] });
    expect(compared.data!.comparison.capability).toMatchObject({
      fittedAt: null,
      leader: null,
      outcome: 'NOT_ENOUGH_DATA',
    });
    expect(compared.data!.comparison.verdict.capability).toBeNull();
    expect(compared.data!.comparison.verdict.summary).not.toMatch(/capability/);
  });
});

describe('after start, the stored fit', () => {
  beforeAll(async () => {
    app.capability!.schedule();
    await app.capability!.whenIdle();
  });

  it.each(LANES)('exists in the %s lane and says what it is of', async (lane) => {
    const e = await expected(lane);
    const r = await app.gql(INDEX, { lane });
    expect(r.data!.capabilityIndex).toMatchObject({
      asOf: null,
      methodologyVersion: '2026-11-25',
      models: e.fit.data.modelIds.length,
      rankedModels: e.ranking.length,
      benchmarks: e.fit.data.benchmarks.length,
      scoresUsed: e.fit.data.byModelY.length,
      rounds: e.fit.rounds,
      converged: e.fit.converged,
    });
    expect(Date.parse(r.data!.capabilityIndex.fittedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it.each(LANES)(
    'gives every model of the %s lane what the pure functions give, in ≤ 2 statements a page and no fit',
    async (lane) => {
      const fits = fitCount();
      const { found, statements } = await capabilities(lane);
      expect(fitCount()).toBe(fits);
      expect(Math.max(...statements)).toBeLessThanOrEqual(2);
      expect(found).toEqual(expectedCapabilities(await expected(lane)));
    },
  );
});

const LEADERBOARD = `query($lane: Lane, $first: Int, $after: String, $filter: ModelFilter, $asOf: Date) {
  leaderboard(method: CAPABILITY, lane: $lane, first: $first, after: $after, filter: $filter, asOf: $asOf) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { rank score model { slug capability(lane: $lane, asOf: $asOf) { value } }
      capability { ${ESTIMATE} } statisticallyTiedWith { slug } } } } }`;

/** The capability leaderboard the pure ranking gives: by θ in hundredths, then slug; tied lists in that order. */
function expectedLines(e: Expected) {
  const order = (a: CapabilityRank, b: CapabilityRank) =>
    hundredths(b.theta) - hundredths(a.theta) || bySlug(slugOf(a.modelId), slugOf(b.modelId));
  const sorted = [...e.ranking].sort(order);
  const position = new Map(sorted.map((r, i) => [r.modelId, i]));
  return sorted.map((r) => ({
    rank: r.rank,
    score: round(r.theta),
    model: { slug: slugOf(r.modelId), capability: { value: round(r.theta) } },
    capability: shown(r, r),
    statisticallyTiedWith: statisticallyTied(e.ranking, r.modelId)
      .sort((a, b) => position.get(a)! - position.get(b)!)
      .slice(0, 10)
      .map((id) => ({ slug: slugOf(id) })),
  }));
}

/** Every page of the capability leaderboard, following the cursors. */
async function allLines(variables: Record<string, unknown>, first: number) {
  const lines: unknown[] = [];
  const statements: number[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const r: any = await app.gql(LEADERBOARD, { ...variables, first, after });
    expect(r.errors).toBeUndefined();
    statements.push(r.statements);
    lines.push(...r.data.leaderboard.edges.map((edge: any) => edge.node));
    totalCount = r.data.leaderboard.totalCount;
    after = r.data.leaderboard.pageInfo.hasNextPage ? r.data.leaderboard.pageInfo.endCursor : null;
  } while (after);
  return { lines, statements, totalCount };
}

describe('leaderboard(method: CAPABILITY)', () => {
  it.each(LANES)(
    '%s: the ranked models by θ, ranks, bounds and tied lists as the pure ranking, paged by cursor',
    async (lane) => {
      const fits = fitCount();
      const { lines, statements, totalCount } = await allLines({ lane }, 17);
      expect(fitCount()).toBe(fits);
      expect(Math.max(...statements)).toBeLessThanOrEqual(2);
      const want = expectedLines(await expected(lane));
      expect(totalCount).toBe(want.length);
      expect(lines).toEqual(want);
    },
  );

  it('hides filtered models without changing ranks', async () => {
    const all = expectedLines(await expected('PROVISIONAL'));
    const r = await allLines({ lane: 'PROVISIONAL', filter: { search: 'gpt' } }, 100);
    const want = all.filter((line) => line.model.slug.includes('gpt'));
    expect(want.length).toBeGreaterThan(3);
    expect(r.totalCount).toBe(want.length);
    expect(r.lines).toEqual(want);
  });

  it('refuses a category, caller weights and a cursor of the weighted leaderboard, naming the argument', async () => {
    const weighted = await app.gql('{ leaderboard(first: 1) { pageInfo { endCursor } } }');
    const cursor = weighted.data!.leaderboard.pageInfo.endCursor;
    for (const args of [
      'category: "coding"',
      'weights: [{ category: "coding", weight: 1 }]',
      `after: ${JSON.stringify(cursor)}`,
    ]) {
      const r = await app.gql(`{ leaderboard(method: CAPABILITY, ${args}) { totalCount } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/^(category|weights|after):/);
    }
  });

  it('leaves the weighted leaderboard as it was (its default method), with no capability on its lines', async () => {
    const r = await app.gql(
      '{ leaderboard(first: 3) { edges { node { rank capability { value } statisticallyTiedWith { slug } } } } }',
    );
    expect(r.data!.leaderboard.edges.map((e: any) => e.node)).toEqual([
      { rank: 1, capability: null, statisticallyTiedWith: null },
      expect.objectContaining({ capability: null }),
      expect.objectContaining({ capability: null }),
    ]);
  });
});

describe('comparison capability section and verdict', () => {
  it('gives each interval, P(A ahead of B) per pair and the leader as the pure functions do', async () => {
    const e = await expected('PROVISIONAL');
    const slugs = ['gpt-5', 'claude-sonnet-4-5', 'gpt-4-1', 'gpt-4o-mini'];
    const fits = fitCount();
    const r = await app.gql(COMPARE, { models: slugs });
    expect(fitCount()).toBe(fits);
    const c = r.data!.comparison.capability;
    const estimates = slugs.map((slug) => capabilityEstimates(e.fit).find((x) => x.modelId === idOf(slug)) ?? null);
    expect(c.models).toEqual(
      slugs.map((slug, i) => ({
        model: { slug },
        estimate: estimates[i] && {
          value: round(estimates[i].theta),
          low: round(estimates[i].lower),
          high: round(estimates[i].upper),
        },
      })),
    );
    const pairs = [];
    for (let i = 0; i < slugs.length; i++) {
      for (let j = i + 1; j < slugs.length; j++) {
        const [a, b] = [estimates[i], estimates[j]];
        pairs.push({
          a: { slug: slugs[i] },
          b: { slug: slugs[j] },
          probabilityAhead: a && b ? round(probabilityAhead(a, b)) : null,
        });
      }
    }
    expect(c.pairs).toEqual(pairs);
    const leader = capabilityLeader(estimates);
    expect(c.leader).toEqual(leader === null ? null : { slug: slugOf(leader) });
  });

  it('says "statistically tied" when the best two overlap, and names the leader when they do not', async () => {
    const tied = await app.gql(COMPARE, { models: ['gpt-5', 'claude-sonnet-4-5'] });
    expect(tied.data!.comparison.capability).toMatchObject({ leader: null, outcome: 'TIE' });
    expect(tied.data!.comparison.verdict.capability).toEqual({
      outcome: 'TIE',
      winner: null,
      statisticallyTied: [{ slug: 'gpt-5' }, { slug: 'claude-sonnet-4-5' }],
    });
    expect(tied.data!.comparison.verdict.summary).toContain(
      'GPT-5 and Claude Sonnet 4.5 are statistically tied on the capability index',
    );
    const clear = await app.gql(COMPARE, { models: ['gpt-4-1', 'gpt-5'] });
    expect(clear.data!.comparison.capability).toMatchObject({ leader: { slug: 'gpt-5' }, outcome: 'WIN' });
    expect(clear.data!.comparison.verdict.summary).toMatch(/GPT-5 [^;]*is ahead on the capability index/);
  });

  it('keeps the compare page at three statements, with the capability section selected too', async () => {
    const page = readFileSync(new URL('../../contract/compare-page.graphql', import.meta.url), 'utf8');
    const fits = fitCount();
    const plain = await app.gql(page, { models: ['gpt-4-1', 'gpt-4-1-mini'] });
    expect(plain.errors).toBeUndefined();
    expect(plain.statements).toBe(3);
    const both = await app.gql(COMPARE, { models: ['gpt-4-1', 'gpt-4-1-mini', 'o3'] });
    expect(both.statements).toBeLessThanOrEqual(3);
    expect(fitCount()).toBe(fits);
  });
});

const PREDICTED = `query($lane: Lane, $after: String) { models(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { slug scores(lane: $lane) { benchmark { slug } }
    predictedScores(lane: $lane) { benchmark { slug } value normalized predicted } } } } }`;

describe('predicted scores and benchmark parameters', () => {
  it.each(LANES)(
    '%s: predicted only where the model has no score, as the pure prediction, never in its scores',
    async (lane) => {
      const e = await expected(lane);
      const fits = fitCount();
      let after: string | null = null;
      let predictions = 0;
      do {
        const r: any = await app.gql(PREDICTED, { lane, after });
        expect(r.errors).toBeUndefined();
        // The models, their scores (a field of its own), and the fit with the catalog.
        expect(r.statements).toBeLessThanOrEqual(3);
        for (const { node } of r.data.models.edges) {
          const scored = new Set(node.scores.map((score: any) => score.benchmark.slug));
          const want = e.catalog.benchmarks
            .map((b) => ({ b, value: predictedScore(e.fit, idOf(node.slug), b.id) }))
            .filter((p): p is { b: (typeof e.catalog.benchmarks)[number]; value: number } => p.value !== null)
            .map((p) => ({ benchmark: { slug: p.b.slug }, value: round(p.value), predicted: true }));
          expect(node.predictedScores.map(({ normalized: _, ...p }: any) => p)).toEqual(want);
          for (const p of node.predictedScores) expect(scored.has(p.benchmark.slug)).toBe(false);
          predictions += node.predictedScores.length;
        }
        after = r.data.models.pageInfo.hasNextPage ? r.data.models.pageInfo.endCursor : null;
      } while (after);
      expect(predictions).toBeGreaterThan(10);
      expect(fitCount()).toBe(fits);
      const alone = await app.gql(
        'query($lane: Lane) { models(first: 100) { edges { node { predictedScores(lane: $lane) { value } } } } }',
        { lane },
      );
      expect(alone.statements).toBeLessThanOrEqual(2);
    },
  );

  it.each(LANES)("%s: Benchmark.difficulty and slope are the fit's d and e^α, null outside the fit", async (lane) => {
    const e = await expected(lane);
    const fits = fitCount();
    const r = await app.gql('query($lane: Lane) { benchmarks { slug difficulty(lane: $lane) slope(lane: $lane) } }', {
      lane,
    });
    expect(r.statements).toBeLessThanOrEqual(2);
    expect(fitCount()).toBe(fits);
    const want = e.catalog.benchmarks.map((b) => {
      const i = e.fit.benchmarkIndex.get(b.id);
      return i === undefined
        ? { slug: b.slug, difficulty: null, slope: null }
        : { slug: b.slug, difficulty: round(e.fit.difficulty[i]!), slope: round(Math.exp(e.fit.logSlope[i]!)) };
    });
    expect(r.data!.benchmarks).toEqual(want);
    expect(want.filter((b) => b.difficulty === null).length).toBeGreaterThan(0);
  });
});

describe('asOf: refitted from the history, cached per past day', () => {
  it('before any score was recorded: no model in the fit', async () => {
    const r = await app.gql(INDEX, { asOf: day(-30) });
    expect(r.data!.capabilityIndex).toMatchObject({ asOf: day(-30), models: 0 });
  });

  it('a past day with the data of now: the pure cold fit; the second ask runs no fit', async () => {
    const asOf = day(-3);
    const fits = fitCount();
    const first = await capabilities('PROVISIONAL', asOf);
    expect(first.found).toEqual(expectedCapabilities(await expected('PROVISIONAL')));
    expect(fitCount()).toBe(fits + 1);
    const again = await capabilities('PROVISIONAL', asOf);
    expect(again.found).toEqual(first.found);
    expect(fitCount()).toBe(fits + 1);
    const lines = await allLines({ lane: 'PROVISIONAL', asOf }, 100);
    expect(lines.lines).toEqual(expectedLines(await expected('PROVISIONAL')));
    expect(fitCount()).toBe(fits + 1);
    const index = await app.gql(INDEX, { asOf });
    expect(index.data!.capabilityIndex).toMatchObject({ asOf, models: expect.any(Number) });
  });
});

const RECORD = `mutation($input: RecordScoresInput!) { recordScores(input: $input) {
  __typename ... on RecordScoresPayload { changed } } }`;

describe('a write refits in the background', () => {
  it('schedules a refit, warm-started from the stored fit, that reads see once it is stored', async () => {
    const before = await expected('PROVISIONAL');
    const fittedAt = (await app.gql(INDEX, {})).data!.capabilityIndex.fittedAt;
    const input = {
      scores: [
        {
          model: 'gpt-4-1',
          benchmark: 'gpqa',
          value: 97,
          source: 'https://example.org/gpqa',
          provenance: 'INDEPENDENT',
        },
      ],
    };
    const written = await app.gql(RECORD, { input }, { authorization: `Bearer ${key}` });
    expect(written.data!.recordScores).toEqual({ __typename: 'RecordScoresPayload', changed: true });
    await app.capability!.whenIdle();
    const after = await app.gql(INDEX, {});
    expect(Date.parse(after.data!.capabilityIndex.fittedAt)).toBeGreaterThan(Date.parse(fittedAt));
    const warm = await expected('PROVISIONAL', startFrom(before.fit));
    const { found } = await capabilities('PROVISIONAL');
    expect(found).toEqual(expectedCapabilities(warm));
    expect(found.get('gpt-4-1')).not.toEqual(expectedCapabilities(before).get('gpt-4-1'));
  });

  it('a refresh with nothing new stores nothing', async () => {
    const fittedAt = (await app.gql(INDEX, {})).data!.capabilityIndex.fittedAt;
    const fits = fitCount();
    app.capability!.schedule();
    await app.capability!.whenIdle();
    expect((await app.gql(INDEX, {})).data!.capabilityIndex.fittedAt).toBe(fittedAt);
    expect(fitCount()).toBe(fits);
  });
});
