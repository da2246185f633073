import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, revokeKey } from '../../src/modules/ingestion/keys.js';
import { rowsOf } from '../../src/db/client.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let app: TestApp;
const keys: Record<'write' | 'admin' | 'revoked', string> = { write: '', admin: '', revoked: '' };
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const today = () => new Date().toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Row counts of every table a write can touch. */
async function counts(): Promise<Record<string, number>> {
  const r = await app.handle.db.execute(sql`select
    (select count(*) from providers) as providers, (select count(*) from families) as families,
    (select count(*) from categories) as categories, (select count(*) from benchmarks) as benchmarks,
    (select count(*) from models) as models, (select count(*) from model_prices) as prices,
    (select count(*) from scores) as scores, (select count(*) from scores where retracted_at is not null) as retracted,
    (select count(*) from methodology_versions) as methodology, (select count(*) from audit_log) as audit`);
  return Object.fromEntries(
    Object.entries(rowsOf<Record<string, string | number>>(r)[0]!).map(([k, v]) => [k, Number(v)]),
  );
}

beforeAll(async () => {
  // The real clock: scores are recorded at the database's now(), so "as of" days must agree with it.
  app = await createTestApp({ seed: true, now: () => new Date() });
  keys.write = (await createKey(app.handle.db, { name: 'curator', scope: 'write' })).key;
  keys.admin = (await createKey(app.handle.db, { name: 'root', scope: 'admin' })).key;
  const revoked = await createKey(app.handle.db, { name: 'former', scope: 'write' });
  keys.revoked = revoked.key;
  await revokeKey(app.handle.db, revoked.id);
});
afterAll(() => app?.close());

const UPSERT_MODEL = `mutation($input: UpsertModelInput!) { upsertModel(input: $input) {
  __typename
  ... on UpsertModelPayload { changed model { slug name pricing { input output } } }
  ... on MutationError { message }
  ... on ValidationError { issues { inputPath message } }
  ... on NotFoundError { issues { inputPath message } }
  ... on AuthorizationError { requiredScope }
} }`;
const RECORD = `mutation($input: RecordScoresInput!) { recordScores(input: $input) {
  __typename
  ... on RecordScoresPayload { created updated unchanged changed }
  ... on MutationError { message }
  ... on ValidationError { issues { inputPath message } }
  ... on AuthorizationError { requiredScope }
} }`;
const PRICE = `mutation($input: SetModelPricingInput!) { setModelPricing(input: $input) {
  __typename
  ... on SetModelPricingPayload { changed model { slug } }
  ... on MutationError { message }
  ... on ValidationError { issues { inputPath message } }
} }`;

const newModel = {
  slug: 'acme-1',
  name: "Acme'); DROP TABLE models;--  ",
  provider: 'openai',
  family: 'gpt-4-1',
  contextWindow: 200000,
  inputPricePerMTok: 3,
  outputPricePerMTok: 12,
  openWeights: false,
};
const score = (benchmark: string, value: number, extra: Record<string, unknown> = {}) => ({
  model: 'acme-1',
  benchmark,
  value,
  source: 'https://example.org/acme',
  provenance: 'INDEPENDENT',
  ...extra,
});

describe('without a valid key every mutation is refused and nothing changes', () => {
  const attempts: [string, string, Record<string, unknown>][] = [
    ['upsertModel', UPSERT_MODEL, { input: newModel }],
    ['recordScores', RECORD, { input: { scores: [score('gpqa', 50)] } }],
    ['setModelPricing', PRICE, { input: { model: 'gpt-4-1', input: 1, output: 2, effectiveFrom: today() } }],
    [
      'upsertProvider',
      'mutation { upsertProvider(input: { slug: "x", name: "X" }) { __typename ... on AuthorizationError { requiredScope } } }',
      {},
    ],
    [
      'retractScore',
      'mutation { retractScore(input: { id: "1", reason: "r" }) { __typename ... on AuthorizationError { requiredScope } } }',
      {},
    ],
    [
      'updateMethodology',
      'mutation { updateMethodology(input: { minBenchmarks: 3 }) { __typename ... on AuthorizationError { requiredScope } } }',
      {},
    ],
  ];
  it.each(attempts)(
    '%s: missing, wrong, revoked and under-scoped keys get AuthorizationError',
    async (name, query, variables) => {
      const before = await counts();
      const headerSets = [
        {},
        as('llmc_notakey'),
        { authorization: 'Basic abc' },
        as(keys.revoked),
        ...(name === 'updateMethodology' ? [as(keys.write)] : []),
      ];
      for (const headers of headerSets) {
        const r = await app.gql(query, variables, headers);
        expect(r.errors, JSON.stringify(headers)).toBeUndefined();
        expect(r.data![name].__typename).toBe('AuthorizationError');
      }
      expect(await counts()).toEqual(before);
    },
  );
});

describe('with a write key', () => {
  it('adds a model with scores, changes its price, and comparisons and asOf reflect it', async () => {
    const created = await app.gql(UPSERT_MODEL, { input: newModel }, as(keys.write));
    expect(created.data!.upsertModel).toMatchObject({
      __typename: 'UpsertModelPayload',
      changed: true,
      model: { slug: 'acme-1', name: newModel.name, pricing: { input: 3, output: 12 } },
    });
    const recorded = await app.gql(
      RECORD,
      {
        input: {
          scores: [
            'gpqa',
            'mmlu-pro',
            'swe-bench-verified',
            'ifeval',
            'aime-2025',
            'simpleqa',
            'livebench-coding',
            'tau-bench-retail',
          ].map((b, i) => score(b, 40 + i)),
        },
      },
      as(keys.write),
    );
    expect(recorded.data!.recordScores).toMatchObject({
      __typename: 'RecordScoresPayload',
      created: 8,
      updated: 0,
      changed: true,
    });
    const priced = await app.gql(
      PRICE,
      { input: { model: 'acme-1', input: 1.5, output: 6, effectiveFrom: today() } },
      as(keys.write),
    );
    expect(priced.data!.setModelPricing).toMatchObject({ __typename: 'SetModelPricingPayload', changed: true });

    const compare = await app.gql(
      'query($m: [String!]!, $asOf: Date) { comparison(models: $m, asOf: $asOf) { models { pricing { input output } } categoriesCompared prices { cheapest { slug } } overall { model { slug } score ranked } } }',
      { m: ['acme-1', 'gpt-4-1'] },
    );
    expect(compare.errors).toBeUndefined();
    expect(compare.data!.comparison.models[0].pricing).toEqual({ input: 1.5, output: 6 });
    expect(compare.data!.comparison.categoriesCompared).toBeGreaterThan(0);
    expect(compare.data!.comparison.overall[0]).toMatchObject({ model: { slug: 'acme-1' }, ranked: true });

    const yesterday = dayBefore(today());
    const before = await app.gql(
      'query($asOf: Date) { model(slug: "acme-1") { pricing(asOf: $asOf) { input output } now: pricing { input } scores(asOf: $asOf) { value } } }',
      { asOf: yesterday },
    );
    expect(before.data!.model).toEqual({ pricing: null, now: { input: 1.5 }, scores: [] });
    // The model was created with today's price, so "the day before" is before it existed: see the
    // dated price change below for an old price that asOf shows.
    const dated = await app.gql(
      PRICE,
      { input: { model: 'gpt-4-1', input: 1, output: 4, cachedInput: 0.25, effectiveFrom: today() } },
      as(keys.write),
    );
    expect(dated.data!.setModelPricing.__typename).toBe('SetModelPricingPayload');
    const gpt = await app.gql(
      'query($asOf: Date) { model(slug: "gpt-4-1") { old: pricing(asOf: $asOf) { input output } current: pricing { input output } } past: comparison(models: ["gpt-4-1", "gpt-4-1-mini"], asOf: $asOf) { prices { models { input } } } now: comparison(models: ["gpt-4-1", "gpt-4-1-mini"]) { prices { models { input } } } }',
      { asOf: yesterday },
    );
    expect(gpt.errors).toBeUndefined();
    expect(gpt.data!.model).toEqual({ old: { input: 2, output: 8 }, current: { input: 1, output: 4 } });
    expect(gpt.data!.past.prices.models.map((m: any) => m.input)).toEqual([2, 0.4]);
    expect(gpt.data!.now.prices.models.map((m: any) => m.input)).toEqual([1, 0.4]);
    // A model with no price on the day asked about cannot be compared then: a clear input error.
    const tooEarly = await app.gql(
      'query($asOf: Date) { comparison(models: ["acme-1", "gpt-4-1"], asOf: $asOf) { lane } }',
      { asOf: yesterday },
    );
    expect(tooEarly.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooEarly.errors?.[0]?.message).toContain('acme-1');
  });

  it('the same upsert twice changes nothing and adds no history', async () => {
    const before = await counts();
    // The model as it now stands (its price was changed to 1.5/6 above).
    const again = await app.gql(
      UPSERT_MODEL,
      { input: { ...newModel, inputPricePerMTok: 1.5, outputPricePerMTok: 6 } },
      as(keys.write),
    );
    expect(again.data!.upsertModel).toMatchObject({ changed: false });
    const scores = await app.gql(RECORD, { input: { scores: [score('gpqa', 40)] } }, as(keys.write));
    expect(scores.data!.recordScores).toMatchObject({ created: 0, updated: 0, unchanged: 1, changed: false });
    expect(await counts()).toEqual(before);
  });

  it('stores strings byte for byte', async () => {
    const r = await app.gql('{ model(slug: "acme-1") { name } }');
    expect(r.data!.model.name).toBe(newModel.name);
  });

  it('a changed score value supersedes the old one, which stays as history; asOf reads history', async () => {
    const before = await counts();
    const r = await app.gql(RECORD, { input: { scores: [score('gpqa', 45)] } }, as(keys.write));
    expect(r.data!.recordScores).toMatchObject({ updated: 1, changed: true });
    expect((await counts()).scores).toBe(before.scores! + 1);
    const all = await app.gql('{ model(slug: "acme-1") { scores(all: true) { value benchmark { slug } } } }');
    expect(all.data!.model.scores.filter((s: any) => s.benchmark.slug === 'gpqa').map((s: any) => s.value)).toEqual([
      45,
    ]);
  });

  it('refuses a batch with bad entries, naming every one by index and field, and writes nothing', async () => {
    const before = await counts();
    const batch = [
      score('gpqa', 50),
      score('no-such-bench', 50),
      score('gpqa', 150),
      score('mmlu-pro', 50, { source: 'not a url' }),
      score('mmlu-pro', 50, { measuredOn: '2025-02-30' }),
      { ...score('ifeval', 50), model: 'no-such-model' },
    ];
    const r = await app.gql(RECORD, { input: { scores: batch } }, as(keys.write));
    expect(r.data!.recordScores.__typename).toBe('ValidationError');
    const paths = r.data!.recordScores.issues.map((i: any) => i.inputPath.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'input.scores.1.benchmark',
        'input.scores.2.value',
        'input.scores.3.source',
        'input.scores.4.measuredOn',
        'input.scores.5.model',
      ]),
    );
    expect(paths).not.toContain('input.scores.0.value');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a negative price', { ...newModel, slug: 'acme-2', inputPricePerMTok: -1 }, 'input.inputPricePerMTok'],
    ['an unknown provider', { ...newModel, slug: 'acme-2', provider: 'nobody' }, 'input.provider'],
    ['an empty name', { ...newModel, slug: 'acme-2', name: '   ' }, 'input.name'],
    ['a malformed date', { ...newModel, slug: 'acme-2', releaseDate: '2025-1-1' }, 'input.releaseDate'],
    ['a bad slug', { ...newModel, slug: 'Acme 2' }, 'input.slug'],
    ['a family of another provider', { ...newModel, slug: 'acme-2', provider: 'anthropic' }, 'input.family'],
  ])('upsertModel refuses %s with a typed error and writes nothing', async (_name, input, path) => {
    const before = await counts();
    const r = await app.gql(UPSERT_MODEL, { input }, as(keys.write));
    expect(r.errors).toBeUndefined();
    expect(r.data!.upsertModel.__typename).toBe('ValidationError');
    expect(r.data!.upsertModel.issues.map((i: any) => i.inputPath.join('.'))).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it('refuses an infinite value (a 1e999 literal) as a typed error and writes nothing', async () => {
    const before = await counts();
    const r = await app.gql(
      'mutation { recordScores(input: { scores: [{ model: "acme-1", benchmark: "gpqa", value: 1e999, source: "https://example.org", provenance: INDEPENDENT }] }) { __typename ... on ValidationError { issues { inputPath message } } } }',
      {},
      as(keys.write),
    );
    // graphql-js's Float lets the literal through as Infinity; the shared dataset rules refuse it.
    expect(r.data!.recordScores.__typename).toBe('ValidationError');
    expect(r.data!.recordScores.issues[0].inputPath).toEqual(['input', 'scores', '0', 'value']);
    expect(await counts()).toEqual(before);
  });

  it('setModelPricing refuses an unknown model, a negative price and a malformed date', async () => {
    const before = await counts();
    const unknown = await app.gql(
      PRICE,
      { input: { model: 'nope', input: 1, output: 1, effectiveFrom: today() } },
      as(keys.write),
    );
    expect(unknown.data!.setModelPricing.__typename).toBe('NotFoundError');
    const negative = await app.gql(
      PRICE,
      { input: { model: 'acme-1', input: -1, output: 1, effectiveFrom: today() } },
      as(keys.write),
    );
    expect(negative.data!.setModelPricing.issues[0].inputPath).toEqual(['input', 'input']);
    const date = await app.gql(
      PRICE,
      { input: { model: 'acme-1', input: 1, output: 1, effectiveFrom: 'tomorrow' } },
      as(keys.write),
    );
    expect(date.data!.setModelPricing.issues[0].inputPath).toEqual(['input', 'effectiveFrom']);
    expect(await counts()).toEqual(before);
  });

  it('retracts a score with a reason: kept, no longer counted; twice changes nothing', async () => {
    const s = await app.gql('{ model(slug: "acme-1") { scores { id benchmark { slug } } } }');
    const target = s.data!.model.scores.find((x: any) => x.benchmark.slug === 'ifeval');
    const q =
      'mutation($id: ID!) { retractScore(input: { id: $id, reason: "wrong harness" }) { __typename ... on RetractScorePayload { changed } ... on NotFoundError { issues { inputPath } } } }';
    const r1 = await app.gql(q, { id: target.id }, as(keys.write));
    expect(r1.data!.retractScore).toEqual({ __typename: 'RetractScorePayload', changed: true });
    const r2 = await app.gql(q, { id: target.id }, as(keys.write));
    expect(r2.data!.retractScore).toEqual({ __typename: 'RetractScorePayload', changed: false });
    const after = await app.gql('{ model(slug: "acme-1") { scores { benchmark { slug } } } }');
    expect(after.data!.model.scores.map((x: any) => x.benchmark.slug)).not.toContain('ifeval');
    const missing = await app.gql(q, { id: '999999' }, as(keys.write));
    expect(missing.data!.retractScore.__typename).toBe('NotFoundError');
  });
});

describe('concurrency', () => {
  it('parallel writers of the same scores leave one consistent current row per score', async () => {
    const batch = { input: { scores: [score('gpqa', 61), score('mmlu-pro', 62)] } };
    const results = await Promise.all(Array.from({ length: 6 }, () => app.gql(RECORD, batch, as(keys.write))));
    for (const r of results) expect(r.data!.recordScores.__typename).toBe('RecordScoresPayload');
    expect(results.filter((r) => r.data!.recordScores.changed)).toHaveLength(1);
    const current = rowsOf<{ n: string | number }>(
      await app.handle.db
        .execute(sql`select count(*) as n from scores s join models m on m.id = s.model_id join benchmarks b on b.id = s.benchmark_id
        where m.slug = 'acme-1' and b.slug in ('gpqa', 'mmlu-pro') and s.superseded_at is null`),
    );
    expect(Number(current[0]!.n)).toBe(2);
  });
});

describe('methodology and audit (admin)', () => {
  it('updateMethodology bumps methodologyVersion and changes ranks; the same update again changes nothing', async () => {
    const version = async () =>
      (await app.gql('{ comparison(models: ["gpt-4-1", "acme-1"]) { methodologyVersion } }')).data!.comparison
        .methodologyVersion;
    const v0 = await version();
    const q =
      'mutation($input: UpdateMethodologyInput!) { updateMethodology(input: $input) { __typename ... on UpdateMethodologyPayload { methodologyVersion changed } ... on ValidationError { issues { inputPath } } ... on NotFoundError { issues { inputPath } } } }';
    const before = await app.gql('{ leaderboard(first: 100) { totalCount } }');
    const r = await app.gql(
      q,
      { input: { minBenchmarks: 3, minCategories: 1, note: 'rank more models' } },
      as(keys.admin),
    );
    expect(r.data!.updateMethodology).toMatchObject({ __typename: 'UpdateMethodologyPayload', changed: true });
    expect(await version()).not.toBe(v0);
    expect(await version()).toBe(r.data!.updateMethodology.methodologyVersion);
    const after = await app.gql('{ leaderboard(first: 100) { totalCount } }');
    expect(after.data!.leaderboard.totalCount).toBeGreaterThan(before.data!.leaderboard.totalCount);
    const again = await app.gql(q, { input: { minBenchmarks: 3, minCategories: 1 } }, as(keys.admin));
    expect(again.data!.updateMethodology.changed).toBe(false);
    const bad = await app.gql(q, { input: { categoryWeights: [{ category: 'cooking', weight: 1 }] } }, as(keys.admin));
    expect(bad.data!.updateMethodology.__typename).toBe('NotFoundError');
    const zero = await app.gql(q, { input: { minBenchmarks: 0 } }, as(keys.admin));
    expect(zero.data!.updateMethodology.issues[0].inputPath).toEqual(['input', 'minBenchmarks']);
  });

  it('records every write in the audit log, which only admin keys can read', async () => {
    const q = '{ auditLog(first: 100) { entries { actor keyId operation at changes } hasNextPage } }';
    const denied = await app.gql(q, {}, as(keys.write));
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.gql(q, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const r = await app.gql(q, {}, as(keys.admin));
    expect(r.errors).toBeUndefined();
    const ops = r.data!.auditLog.entries.map((e: any) => `${e.actor}:${e.operation}`);
    for (const op of [
      'curator:upsertModel',
      'curator:recordScores',
      'curator:setModelPricing',
      'curator:retractScore',
      'root:updateMethodology',
      'import:import',
    ]) {
      expect(ops).toContain(op);
    }
    const retract = r.data!.auditLog.entries.find((e: any) => e.operation === 'retractScore');
    expect(JSON.parse(retract.changes)).toMatchObject({ reason: 'wrong harness' });
  });
});

describe('as of a day', () => {
  it('leaderboards and profiles as of today, computed from history, equal the stored ones', async () => {
    const q =
      'query($asOf: Date, $category: String) { leaderboard(first: 100, asOf: $asOf, category: $category) { totalCount edges { cursor node { rank score model { slug profile(asOf: $asOf) { rank overall } } } } } }';
    for (const category of [null, 'coding']) {
      const stored = await app.gql(q, { category });
      const replayed = await app.gql(q, { asOf: today(), category });
      expect(replayed.errors).toBeUndefined();
      expect(replayed.data!.leaderboard.totalCount).toBe(stored.data!.leaderboard.totalCount);
      expect(
        replayed.data!.leaderboard.edges.map((e: any) => [
          e.cursor,
          e.node.rank,
          e.node.model.slug,
          e.node.model.profile.rank,
        ]),
      ).toEqual(
        stored.data!.leaderboard.edges.map((e: any) => [
          e.cursor,
          e.node.rank,
          e.node.model.slug,
          e.node.model.profile.rank,
        ]),
      );
    }
  });

  it('as of yesterday the new model had no scores, so no profile and no place on the leaderboard', async () => {
    const r = await app.gql(
      'query($asOf: Date) { model(slug: "acme-1") { profile(asOf: $asOf) { ranked overall } } leaderboard(first: 100, asOf: $asOf, filter: { search: "acme" }) { totalCount } }',
      { asOf: dayBefore(today()) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ model: { profile: { ranked: false, overall: null } }, leaderboard: { totalCount: 0 } });
    const now = await app.gql('{ leaderboard(first: 100, filter: { search: "acme" }) { totalCount } }');
    expect(now.data!.leaderboard.totalCount).toBe(1);
  });
});
