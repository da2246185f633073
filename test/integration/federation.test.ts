import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { Kind, parse, print, type DocumentNode, type ExecutionResult, type ObjectTypeDefinitionNode } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { DbHandle } from '../../src/db/client.js';
import { createTestApp } from '../helpers/app.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { BUNDLED_DATA, TODAY } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';

const ENTITIES = readFileSync(new URL('../../contract/entities.graphql', import.meta.url), 'utf8');

/** A second subgraph, as another team would write it: reviews of our models, keyed by slug. */
const REVIEWS_SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Model @key(fields: "slug") {
    slug: String!
    reviews: [Review!]!
  }

  type Review {
    stars: Int!
    body: String!
  }
`);
const REVIEWS: Record<string, { stars: number; body: string }[]> = {
  'gpt-4-1': [
    { stars: 5, body: 'Long context that holds up.' },
    { stars: 4, body: 'Pricey for bulk work.' },
  ],
};
const reviewsSchema = buildSubgraphSchema({
  typeDefs: REVIEWS_SDL,
  resolvers: {
    Model: {
      __resolveReference: (ref: { slug: string }) => ref,
      reviews: (model: { slug: string }) => REVIEWS[model.slug] ?? [],
    },
  },
});

type GqlBody = { data?: any; errors?: { message: string }[] };

describe('Apollo Federation v2 subgraph', () => {
  let handle: DbHandle;
  let yoga: ReturnType<typeof createApp>;
  let slugs: string[];

  /** Runs one operation against our subgraph; `statements` is how many SQL statements it ran. */
  async function gql(query: string, variables?: Record<string, unknown>): Promise<GqlBody & { statements: number }> {
    const before = handle.statements.count;
    const response = await yoga.fetch('http://catalog/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlBody;
    return { ...body, statements: handle.statements.count - before };
  }

  beforeAll(async () => {
    handle = await createTestDb();
    await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
    yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent' }, now: () => TODAY });
    const page = await gql('{ models(first: 100, orderBy: { field: SLUG }) { edges { node { slug } } } }');
    slugs = page.data.models.edges.map((e: { node: { slug: string } }) => e.node.slug);
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('_service { sdl }', () => {
    let sdl: DocumentNode;
    beforeAll(async () => {
      const { data, errors } = await gql('{ _service { sdl } }');
      expect(errors).toBeUndefined();
      sdl = parse(data._service.sdl);
    });

    it('links the federation v2 spec', () => {
      const links = sdl.definitions
        .filter((d) => d.kind === Kind.SCHEMA_EXTENSION)
        .flatMap((d) => d.directives ?? [])
        .filter((d) => d.name.value === 'link')
        .map((d) => print(d));
      expect(links).toEqual(['@link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])']);
    });

    it('keys Model, Provider, Benchmark and Category by slug, not by the Relay global id', () => {
      const keys = Object.fromEntries(
        sdl.definitions
          .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION)
          .filter((d) => d.directives?.some((dir) => dir.name.value === 'key'))
          .map((d) => [d.name.value, d.directives!.filter((dir) => dir.name.value === 'key').map((dir) => print(dir))]),
      );
      expect(keys).toEqual({
        Benchmark: ['@key(fields: "slug")'],
        Category: ['@key(fields: "slug")'],
        Model: ['@key(fields: "slug")'],
        Provider: ['@key(fields: "slug")'],
      });
    });

    it('leaves the federation plumbing (_entities, _service, _Any) out, as the spec says', () => {
      const names = sdl.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : []));
      expect(names).not.toContain('_Any');
      expect(names).not.toContain('_Entity');
      expect(print(sdl)).not.toContain('_entities');
    });
  });

  describe('_entities', () => {
    it('answers the shared contract operation unmodified', async () => {
      const { data, errors } = await gql(ENTITIES, {
        representations: [
          { __typename: 'Model', slug: 'gpt-4-1' },
          { __typename: 'Benchmark', slug: 'swe-bench-verified' },
        ],
      });
      expect(errors).toBeUndefined();
      expect(data._entities).toEqual([
        { slug: 'gpt-4-1', name: 'GPT-4.1', pricing: { blended: expect.any(Number) } },
        { slug: 'swe-bench-verified', name: 'SWE-bench Verified', category: { slug: 'coding' } },
      ]);
    });

    it('resolves 100 Model representations in at most two SQL statements, in order', async () => {
      expect(slugs).toHaveLength(100);
      const representations = slugs.map((slug) => ({ __typename: 'Model', slug }));
      const { data, errors, statements } = await gql(ENTITIES, { representations });
      expect(errors).toBeUndefined();
      expect(data._entities.map((e: { slug: string }) => e.slug)).toEqual(slugs);
      expect(data._entities.every((e: { name: string }) => typeof e.name === 'string')).toBe(true);
      expect(statements).toBeLessThanOrEqual(2);
    });

    it('resolves a mix of Model and Benchmark representations in at most two SQL statements', async () => {
      const representations = slugs.flatMap((slug, i) => [
        { __typename: 'Model', slug },
        ...(i % 10 === 0 ? [{ __typename: 'Benchmark', slug: 'swe-bench-verified' }] : []),
      ]);
      const { data, errors, statements } = await gql(ENTITIES, { representations });
      expect(errors).toBeUndefined();
      expect(data._entities).toHaveLength(110);
      expect(data._entities[1]).toEqual({
        slug: 'swe-bench-verified',
        name: 'SWE-bench Verified',
        category: { slug: 'coding' },
      });
      expect(statements).toBeLessThanOrEqual(2);
    });

    it('resolves Provider and Category representations with their relations', async () => {
      const { data, errors, statements } = await gql(
        `query ($r: [_Any!]!) { _entities(representations: $r) {
          ... on Provider { slug name models { slug } }
          ... on Category { slug name benchmarks { slug } }
        } }`,
        {
          r: [
            { __typename: 'Provider', slug: 'openai' },
            { __typename: 'Category', slug: 'coding' },
            { __typename: 'Provider', slug: 'anthropic' },
          ],
        },
      );
      expect(errors).toBeUndefined();
      expect(data._entities.map((e: { slug: string }) => e.slug)).toEqual(['openai', 'coding', 'anthropic']);
      expect(data._entities[0].models.map((m: { slug: string }) => m.slug)).toContain('gpt-4-1');
      expect(data._entities[1].benchmarks.map((b: { slug: string }) => b.slug)).toContain('swe-bench-verified');
      expect(statements).toBeLessThanOrEqual(2);
    });

    it('resolves unknown keys to null without failing the others', async () => {
      const { data, errors } = await gql(ENTITIES, {
        representations: [
          { __typename: 'Model', slug: 'no-such-model' },
          { __typename: 'Model', slug: 'gpt-4-1' },
          { __typename: 'Benchmark', slug: 'no-such-benchmark' },
          { __typename: 'Benchmark', slug: 'swe-bench-verified' },
        ],
      });
      expect(errors).toBeUndefined();
      expect(data._entities.map((e: { slug: string } | null) => e?.slug ?? null)).toEqual([
        null,
        'gpt-4-1',
        null,
        'swe-bench-verified',
      ]);
    });
  });

  describe('composed with a reviews subgraph', () => {
    let catalogSdl: string;
    let gateway: ApolloGateway;
    let supergraph: ReturnType<typeof createYoga>;

    beforeAll(async () => {
      catalogSdl = (await gql('{ _service { sdl } }')).data._service.sdl;
      const reviews = createYoga({ schema: reviewsSchema, logging: false });
      // Each subgraph is reached through its own Yoga's fetch: real HTTP semantics, no ports.
      const subgraphs: Record<string, (request: Request) => Response | Promise<Response>> = {
        catalog: (request) => yoga.fetch(request),
        reviews: (request) => reviews.fetch(request),
      };
      const composed = composeServices([
        { name: 'catalog', typeDefs: parse(catalogSdl), url: 'http://catalog/graphql' },
        { name: 'reviews', typeDefs: REVIEWS_SDL, url: 'http://reviews/graphql' },
      ]);
      if (compositionHasErrors(composed)) throw new Error(composed.errors.map((e) => e.message).join('\n'));
      gateway = new ApolloGateway({
        supergraphSdl: composed.supergraphSdl,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource({
            url,
            fetcher: ((input: string, init: RequestInit) => {
              const request = new Request(input, init);
              return subgraphs[new URL(request.url).hostname]!(request);
            }) as unknown as RemoteGraphQLDataSource['fetcher'],
          }),
      });
      const { schema, executor } = await gateway.load();
      // Yoga parses and validates against the supergraph's API schema; the gateway plans and runs it.
      const useGateway: Plugin = {
        onExecute({ setExecuteFn }) {
          setExecuteFn((args) => {
            const source = print(args.document);
            return executor({
              request: {
                query: source,
                operationName: args.operationName ?? undefined,
                variables: args.variableValues ?? {},
              },
              document: args.document,
              source,
              queryHash: createHash('sha256').update(source).digest('hex'),
              operationName: args.operationName ?? null,
              context: {},
              logger: { debug() {}, info() {}, warn() {}, error() {} },
              metrics: {},
              schema: args.schema,
            } as unknown as Parameters<typeof executor>[0]) as Promise<ExecutionResult>;
          });
        },
      };
      supergraph = createYoga({ schema, plugins: [useGateway], logging: false });
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('composes without errors (@theguild/federation-composition)', () => {
      const composed = composeServices([
        { name: 'catalog', typeDefs: parse(catalogSdl) },
        { name: 'reviews', typeDefs: REVIEWS_SDL },
      ]);
      expect(composed.errors ?? []).toEqual([]);
      expect(composed.publicSdl).toMatch(/reviews: \[Review!\]!/);
    });

    it('answers a query that crosses both subgraphs through @apollo/gateway', async () => {
      const response = await supergraph.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ model(slug: "gpt-4-1") { name pricing { blended } reviews { stars } } benchmark(slug: "swe-bench-verified") { name } }',
        }),
      });
      const body = (await response.json()) as GqlBody;
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        model: { name: 'GPT-4.1', pricing: { blended: expect.any(Number) }, reviews: [{ stars: 5 }, { stars: 4 }] },
        benchmark: { name: 'SWE-bench Verified' },
      });
    });
  });
});

describe('bad representations', () => {
  it('are refused up front, naming the culprit, before any entity loads', async () => {
    const app = await createTestApp({ seed: true });
    try {
      const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Model { slug } } }';
      for (const r of [
        [
          { __typename: 'Nope', slug: 'b' },
          { __typename: 'Model', slug: 'gpt-4-1' },
        ],
        [{ __typename: 'Model', slug: 'gpt-4-1' }, { __typename: 'Model' }],
      ]) {
        const res = await app.gql(q, { r });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.message).toMatch(/^representations\[[01]\]/);
        expect(res.statements).toBe(0);
      }
    } finally {
      await app.close();
    }
  });
});
