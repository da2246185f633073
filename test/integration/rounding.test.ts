import { readFileSync } from 'node:fs';
import {
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  graphql,
  type GraphQLField,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_DECIMALS, PRICE_DECIMALS } from '../../src/domain/rounding.js';
import { loadExampleTabs } from '../../src/http/graphiql.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { schema } from '../../src/schema/index.js';
import {
  FIGURE_FIELDS,
  PRICE_FIELDS,
  floatFieldCoordinates,
  roundFloatsAtTheBoundary,
} from '../../src/schema/rounding.js';
import { createTestApp, type GqlResult, type TestApp } from '../helpers/app.js';
import { referenceDataset } from '../helpers/reference-dataset.js';

const fieldName = (coordinate: string) => coordinate.split('.')[1]!;
const PRICE_NAMES = new Set([...PRICE_FIELDS].map(fieldName));
const FIGURE_NAMES = new Set([...FIGURE_FIELDS].map(fieldName));

/** How many decimals `String(n)` shows, exponent notation included (5e-7 has 7, 1e+21 none). */
function decimalsShown(n: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(n)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** Float noise: nine or more 9s or 0s in the decimals, then another digit (0.7000000000000001, 4.999999999999999). */
const NOISE = /\.\d*(?:9{9,}|0{9,})\d/;

/** Every number of a response, with the name of the field it is (list items take their field's name) and its path. */
function numbersOf(value: unknown, key = '', path = ''): [key: string, n: number, path: string][] {
  if (typeof value === 'number') return [[key, value, path]];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersOf(item, key, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbersOf(v, k, path ? `${path}.${k}` : k));
  }
  return [];
}

describe('the Float fields of the schema', () => {
  const coordinates = floatFieldCoordinates(schema);

  it('are each decided: a price (6 decimals) or a figure (4), never both, none left over', () => {
    expect(coordinates.length).toBeGreaterThan(0);
    expect(coordinates.filter((c) => !PRICE_FIELDS.has(c) && !FIGURE_FIELDS.has(c))).toEqual([]);
    expect([...PRICE_FIELDS].filter((c) => FIGURE_FIELDS.has(c))).toEqual([]);
    expect([...PRICE_FIELDS, ...FIGURE_FIELDS].filter((c) => !coordinates.includes(c))).toEqual([]);
  });

  it('tell prices from figures by field name alone, so a response can be checked by its keys', () => {
    expect([...PRICE_NAMES].filter((name) => FIGURE_NAMES.has(name))).toEqual([]);
  });

  it('all have a rounding resolver, and rounding the schema again wraps nothing twice', () => {
    const fields = coordinates.map((c) => {
      const [type, name] = c.split('.') as [string, string];
      return (schema.getType(type) as GraphQLObjectType).getFields()[name]! as GraphQLField<unknown, unknown>;
    });
    const resolvers = fields.map((f) => f.resolve);
    expect(resolvers.every((r) => typeof r === 'function')).toBe(true);
    roundFloatsAtTheBoundary(schema);
    expect(fields.map((f) => f.resolve)).toEqual(resolvers);
  });
});

describe('roundFloatsAtTheBoundary', () => {
  const extensions = { marker: 1 };
  const count = () => 3;
  const Pricing = new GraphQLObjectType({
    name: 'Pricing',
    fields: {
      input: { type: GraphQLFloat, resolve: async () => 0.1234565 },
      output: { type: new GraphQLNonNull(GraphQLFloat) },
      blended: {
        type: new GraphQLList(GraphQLFloat),
        resolve: () => [0.7000000000000001, null, Promise.resolve(1.0000005)],
      },
    },
  });
  const Broken = new GraphQLObjectType({
    name: 'Broken',
    fields: { infinite: { type: new GraphQLNonNull(GraphQLFloat), resolve: () => Infinity } },
  });
  const toy = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        pricing: { type: Pricing, resolve: () => ({ output: 4.999999999999999 }) },
        figure: { type: GraphQLFloat, extensions, resolve: () => 0.12345 },
        noisy: { type: new GraphQLNonNull(GraphQLFloat), resolve: () => 0.1 + 0.2 },
        text: { type: GraphQLFloat, resolve: () => '54.549999999999997' },
        missing: { type: GraphQLFloat, resolve: () => null },
        nan: { type: GraphQLFloat, resolve: () => NaN },
        broken: { type: Broken, resolve: () => ({}) },
        count: { type: GraphQLInt, resolve: count },
      },
    }),
  });
  const fields = toy.getQueryType()!.getFields();
  const figureResolver = fields.figure!.resolve;
  const figureExtensions = fields.figure!.extensions;
  roundFloatsAtTheBoundary(toy, {
    prices: new Set(['Pricing.input', 'Pricing.output', 'Pricing.blended']),
    figures: new Set(['Query.figure', 'Query.noisy', 'Query.text', 'Query.missing', 'Query.nan', 'Broken.infinite']),
  });

  it('refuses a schema with a Float whose precision is not decided', () => {
    const undecided = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ratio: { type: GraphQLFloat, resolve: () => 1 } } }),
    });
    expect(() => roundFloatsAtTheBoundary(undecided)).toThrow(/Query\.ratio is a Float with no precision decided/);
  });

  it('rounds numbers, promises, lists, numeric strings and default-resolved properties; prices to 6 decimals', async () => {
    const r = await graphql({
      schema: toy,
      source: '{ pricing { input output blended } figure noisy text missing count }',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      pricing: { input: 0.123457, output: 5, blended: [0.7, null, 1.000001] },
      figure: 0.1235,
      noisy: 0.3,
      text: 54.55,
      missing: null,
      count: 3,
    });
  });

  it('leaves NaN and Infinity to Float, which makes them a field error, and the rest of the answer stands', async () => {
    const r = await graphql({ schema: toy, source: '{ nan broken { infinite } figure }' });
    expect(r.data).toEqual({ nan: null, broken: null, figure: 0.1235 });
    expect(r.errors?.map((e) => [e.path, e.message])).toEqual([
      [['nan'], 'Float cannot represent non numeric value: NaN'],
      [['broken', 'infinite'], 'Float cannot represent non numeric value: Infinity'],
    ]);
  });

  it('keeps each field itself: its extensions, and any non-Float resolver', () => {
    expect(fields.figure!.extensions).toBe(figureExtensions);
    expect(figureExtensions).toEqual(extensions);
    expect(fields.figure!.resolve).not.toBe(figureResolver);
    expect(fields.count!.resolve).toBe(count);
  });
});

/** The contract operations, with the variables GraphiQL ships them with. */
const EXAMPLES = loadExampleTabs().map((tab) => ({
  name: /query (\w+)/.exec(tab.query ?? '')?.[1] ?? '',
  query: tab.query ?? '',
  variables: JSON.parse(tab.variables ?? '{}') as Record<string, unknown>,
}));

const contract = (name: string) => readFileSync(new URL(`../../contract/${name}.graphql`, import.meta.url), 'utf8');

/** Every Float field the extra operations below select, field by field (the contract ones select fewer). */
const COMPARISON = `query Comparison($models: [String!]!, $lane: Lane, $i: Float!, $o: Float!, $c: Float) {
  comparison(models: $models, lane: $lane) {
    overallDifference
    overall { score }
    categories {
      difference
      averages { value normalized }
      decisiveBenchmark { spread values { value normalized } }
      benchmarks { scaleMin scaleMax weight }
      category { weight }
    }
    biggestSwing { spread values { value normalized } }
    prices {
      inputRatio outputRatio cachedInputRatio blendedRatio
      models { input output cachedInput blended inputRatio outputRatio cachedInputRatio blendedRatio }
    }
    speed { ratio }
    latency { difference }
    models { outputTokensPerSecond timeToFirstTokenSeconds parametersBillions pricing { input output cachedInput blended } }
    workloadCost(inputTokens: $i, outputTokens: $o, cachedInputTokens: $c) { usd ratioToCheapest }
  }
}`;

const PROFILES = `query Profiles($lane: Lane, $after: String) {
  models(first: 20, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      slug outputTokensPerSecond timeToFirstTokenSeconds parametersBillions
      pricing { input output cachedInput blended }
      profile(lane: $lane) { overall categories { score } }
      scores(lane: $lane, all: true) { value normalized }
    } }
  }
}`;

const LEADERBOARDS = `query Leaderboards($lane: Lane, $category: String) {
  leaderboard(lane: $lane, category: $category, first: 100) { edges { node { score } } }
}`;

const VALUE_AND_LEADERS = `query ValueAndLeaders($lane: Lane) {
  valueLeaderboard(lane: $lane, first: 100) { blendedPrice overall scorePerDollar }
  categoryLeaders(lane: $lane) { leader { score } runnerUp { score } }
}`;

const FRONTIER = `query Frontier($lane: Lane, $cost: CostDimension, $quality: String) {
  frontier(lane: $lane, cost: $cost, quality: $quality) { cost quality }
}`;

const CATALOG = '{ categories { weight benchmarks { scaleMin scaleMax weight } } }';

const CAPABILITY = `query Capability($lane: Lane, $after: String) {
  models(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { capability(lane: $lane) { value low high se } predictedScores(lane: $lane) { value normalized } } }
  }
  benchmarks { difficulty(lane: $lane) slope(lane: $lane) }
  comparison(models: ["gpt-5", "gpt-4-1", "claude-sonnet-4-5"], lane: $lane) { capability { pairs { probabilityAhead } } }
}`;

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Model { pricing { input output cachedInput blended } outputTokensPerSecond timeToFirstTokenSeconds parametersBillions }
    ... on Benchmark { scaleMin scaleMax weight }
  }
}`;

const LANES = ['PROVISIONAL', 'VERIFIED'] as const;
const WORKLOADS = [
  { i: 3e6, o: 1e6, c: 123_457 },
  { i: 123_457, o: 3e6, c: 0 },
  { i: 1e6, o: 123_457, c: 3e6 },
];

describe('every number of every answer on the bundled data (METHODOLOGY.md §7)', () => {
  let app: TestApp;
  const answers: [operation: string, result: GqlResult][] = [];

  const send = async (operation: string, query: string, variables: Record<string, unknown> = {}) => {
    const r = await app.gql(query, variables);
    expect(r.errors, `${operation} ${JSON.stringify(variables)}`).toBeUndefined();
    answers.push([operation, r]);
    return r;
  };

  beforeAll(async () => {
    app = await createTestApp({ seed: true, capability: true });
    app.capability!.schedule();
    await app.capability!.whenIdle();
    for (const { name, query, variables } of EXAMPLES) await send(name, query, variables);
    for (const lane of ['PROVISIONAL', 'VERIFIED']) {
      let after: string | null = null;
      do {
        const r: any = await send('capability', CAPABILITY, { lane, after });
        after = r.data.models.pageInfo.hasNextPage ? r.data.models.pageInfo.endCursor : null;
      } while (after);
    }
    await send('workload-cost', contract('workload-cost'), {
      models: ['gpt-4-1', 'gpt-4-1-mini'],
      inputTokens: 3e6,
      outputTokens: 1e6,
      cachedInputTokens: 123_457,
    });
    const slugs: string[] = [];
    for (let after: string | null = null, page = 0; page < 20; page++) {
      const r: any = await send('profiles', PROFILES, { lane: 'PROVISIONAL', after });
      slugs.push(...r.data.models.edges.map((e: any) => e.node.slug));
      if (!r.data.models.pageInfo.hasNextPage) break;
      after = r.data.models.pageInfo.endCursor;
    }
    for (let after: string | null = null, page = 0; page < 20; page++) {
      const r: any = await send('profiles', PROFILES, { lane: 'VERIFIED', after });
      if (!r.data.models.pageInfo.hasNextPage) break;
      after = r.data.models.pageInfo.endCursor;
    }
    // Every model in some comparison of up to 10, in both lanes, each with a token mix.
    for (let start = 0, n = 0; start < slugs.length; start += 10, n++) {
      const models = slugs.slice(start, start + 10);
      if (models.length < 2) models.unshift(slugs[0]!);
      for (const lane of LANES) await send('comparison', COMPARISON, { models, lane, ...WORKLOADS[n % 3]! });
    }
    const categories: any = await send('catalog', CATALOG);
    const categorySlugs: string[] = (await app.gql('{ categories { slug } }')).data!.categories.map((c: any) => c.slug);
    expect(categories.data.categories.length).toBe(categorySlugs.length);
    for (const lane of LANES) {
      await send('value and leaders', VALUE_AND_LEADERS, { lane });
      for (const category of [null, ...categorySlugs]) {
        await send('leaderboard', LEADERBOARDS, { lane, category });
        for (const cost of category ? ['BLENDED'] : ['BLENDED', 'INPUT', 'OUTPUT']) {
          await send('frontier', FRONTIER, { lane, cost, quality: category });
        }
      }
    }
    const benchmarks: string[] = (await app.gql('{ benchmarks { slug } }')).data!.benchmarks.map((b: any) => b.slug);
    const representations = [
      ...slugs.slice(0, 50).map((slug) => ({ __typename: 'Model', slug })),
      ...benchmarks.slice(0, 50).map((slug) => ({ __typename: 'Benchmark', slug })),
    ];
    await send('entities', ENTITIES, { representations });
  }, 240_000);
  afterAll(() => app?.close());

  it('answers every contract operation with the variables GraphiQL ships', () => {
    expect(EXAMPLES.map((e) => e.name).sort()).toEqual([
      'CategoryLeaders',
      'ComparePage',
      'Entities',
      'Leaderboard',
      'ModelPage',
      'WorkloadCost',
    ]);
    expect(answers.map(([operation]) => operation)).toEqual(expect.arrayContaining(EXAMPLES.map((e) => e.name)));
  });

  it('has at most 6 decimals in a price or cost, 4 in any other figure, and no float noise', () => {
    const wrong: string[] = [];
    let floats = 0;
    for (const [operation, r] of answers) {
      for (const [key, n, path] of numbersOf(r.data)) {
        if (!Number.isFinite(n)) wrong.push(`${operation} ${path}: ${n}`);
        if (Number.isInteger(n)) continue;
        floats++;
        const allowed = PRICE_NAMES.has(key) ? PRICE_DECIMALS : FIGURE_DECIMALS;
        if (decimalsShown(n) > allowed || NOISE.test(String(n))) wrong.push(`${operation} ${path}: ${n}`);
      }
    }
    expect(wrong).toEqual([]);
    // The check looked at a real page's worth of figures, not a handful.
    expect(floats).toBeGreaterThan(5000);
  });

  it('saw every Float field of the schema answered with a number', () => {
    const seen = new Set(answers.flatMap(([, r]) => numbersOf(r.data).map(([key]) => key)));
    expect([...PRICE_NAMES, ...FIGURE_NAMES].filter((name) => !seen.has(name))).toEqual([]);
  });

  it('keeps the integers as they are: ranks, counts and context windows', () => {
    for (const [, r] of answers) {
      for (const [key, n] of numbersOf(r.data)) {
        if (['rank', 'totalCount', 'contextWindow', 'categoriesCompared'].includes(key)) {
          expect(Number.isInteger(n)).toBe(true);
        }
      }
    }
  });
});

describe('the reference page still reads its figures exactly (METHODOLOGY.md §5)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await importDataset(app.handle.db, referenceDataset(), { today: '2026-11-25' });
  });
  afterAll(() => app?.close());

  it('31, 2.1, 1.1, 5, 1.35, 0.26', async () => {
    const r = await app.gql(contract('compare-page'), { models: ['gpt-4-1', 'gpt-4-1-mini'] });
    expect(r.errors).toBeUndefined();
    const c = r.data!.comparison;
    const bySlug = Object.fromEntries(c.categories.map((x: any) => [x.category.slug, x]));
    expect(bySlug.coding.difference).toBe(31);
    expect(bySlug.coding.averages.map((a: any) => a.value)).toEqual([54.6, 23.6]);
    expect(bySlug.coding.decisiveBenchmark.spread).toBe(31);
    expect(bySlug.knowledge.difference).toBe(2.1);
    expect(bySlug.knowledge.averages.map((a: any) => a.value)).toEqual([66.3, 64.2]);
    expect(bySlug['instruction-following'].difference).toBe(1.1);
    expect(bySlug['instruction-following'].averages.map((a: any) => a.value)).toEqual([87.4, 88.5]);
    expect(c.biggestSwing.spread).toBe(31);
    expect(c.prices.outputRatio).toBe(5);
    expect(c.prices.inputRatio).toBe(5);
    expect(c.speed.ratio).toBe(1.35);
    expect(c.latency.difference).toBe(0.26);
    expect(c.models.map((m: any) => m.pricing)).toEqual([
      { input: 2, output: 8, cachedInput: 0.5, blended: 3.5 },
      { input: 0.4, output: 1.6, cachedInput: 0.1, blended: 0.7 },
    ]);
  });

  it('prices a workload to the micro-dollar', async () => {
    const r = await app.gql(contract('workload-cost'), {
      models: ['gpt-4-1', 'gpt-4-1-mini'],
      inputTokens: 123_457,
      outputTokens: 1e6,
      cachedInputTokens: 3e6,
    });
    expect(r.errors).toBeUndefined();
    // 0.123457 × $2 + 3 × $0.50 + 1 × $8 = $9.746914; 0.123457 × $0.40 + 3 × $0.10 + 1 × $1.60 = $1.9493828.
    expect(r.data!.comparison.workloadCost).toEqual([
      { model: { slug: 'gpt-4-1' }, usd: 9.746914, ratioToCheapest: 5 },
      { model: { slug: 'gpt-4-1-mini' }, usd: 1.949383, ratioToCheapest: 1 },
    ]);
  });
});
