import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  Kind,
  parse,
  validate,
  type GraphQLInputType,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { schema } from '../../src/schema/index.js';
import { BUNDLED_DATA } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';
import { hardenedApp, LEAK, ROOT, type HardenedApp } from '../helpers/http.js';

const CONTRACT = readdirSync(`${ROOT}contract`)
  .filter((f) => f.endsWith('.graphql'))
  .sort();
/** Runs per contract operation: enough to hit every branch of the input shapes, under 30 s on PostgreSQL. */
const RUNS = 100;

let slugs: { models: string[]; benchmarks: string[]; categories: string[] };

/** Strings a client might send: real slugs, edge cases, and random text (never text that looks like a leak). */
function stringArb(): fc.Arbitrary<string> {
  return fc
    .oneof(
      { arbitrary: fc.constantFrom(...slugs.models, ...slugs.benchmarks, ...slugs.categories), weight: 6 },
      {
        arbitrary: fc.constantFrom(
          '',
          ' ',
          'GPT-4.1',
          '%',
          '_',
          "o'brien",
          '\\',
          '\u0000',
          '🏃',
          'a'.repeat(300),
          'null',
          '[]',
        ),
        weight: 1,
      },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    )
    .filter((s) => !LEAK.test(s));
}

const intArb = fc.oneof(
  { arbitrary: fc.integer({ min: -5, max: 120 }), weight: 6 },
  { arbitrary: fc.constantFrom(0, 1, 100, 101, 2 ** 31 - 1, -(2 ** 31), 2 ** 40), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }), weight: 1 },
);
const floatArb = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, 1e6),
  fc.integer(),
);

/** Values of a schema input type (or of a type the schema does not have yet: any JSON). */
function namedArb(name: string, depth: number): fc.Arbitrary<unknown> {
  if (name === 'String' || name === 'ID') return stringArb();
  if (name === 'Int') return intArb;
  if (name === 'Float') return floatArb;
  if (name === 'Boolean') return fc.boolean();
  if (name === 'Date')
    return fc.oneof(
      fc.constantFrom('2025-01-01', '2026-11-25', '1900-02-29', '2025-13-40', 'yesterday'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
  if (name === '_Any') {
    return fc.record(
      { __typename: fc.constantFrom('Model', 'Benchmark', 'Provider', 'Nope'), slug: stringArb() },
      { requiredKeys: ['__typename'] },
    );
  }
  const type = schema.getType(name);
  if (type && isEnumType(type)) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)), weight: 6 },
      { arbitrary: stringArb(), weight: 1 },
    );
  }
  if (type && isInputObjectType(type) && depth < 3) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, typeArb(f.type, depth + 1)])), { requiredKeys: [] });
  }
  return fc.jsonValue({ maxDepth: 2 });
}

function typeArb(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const node = parse(`query Q($v: ${type.toString()}) { __typename }`).definitions[0] as OperationDefinitionNode;
  return nodeArb(node.variableDefinitions![0]!.type, depth);
}

/** Mostly values of the declared type, sometimes null or a value of the wrong type. */
function nodeArb(node: TypeNode, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.jsonValue({ maxDepth: 2 });
  if (node.kind === Kind.NON_NULL_TYPE)
    return fc.oneof({ arbitrary: nodeArb(node.type, depth), weight: 18 }, { arbitrary: wrong, weight: 1 });
  const inner =
    node.kind === Kind.LIST_TYPE
      ? fc.array(nodeArb(node.type, depth + 1), { maxLength: 12 })
      : namedArb(node.name.value, depth);
  return fc.oneof(
    { arbitrary: inner, weight: 18 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: wrong, weight: 1 },
  );
}

/** Variables for an operation: each declared one sometimes left out, plus the odd undeclared one. */
function variablesArb(operation: OperationDefinitionNode): fc.Arbitrary<Record<string, unknown>> {
  const declared = Object.fromEntries(
    (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, nodeArb(d.type)]),
  );
  return fc
    .tuple(
      fc.record(declared, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })),
    )
    .map(([values, extra]) => ({ ...(extra ?? {}), ...values }));
}

describe('fuzz: random variables for every contract operation never give a 5xx or an unmasked error', () => {
  let handle: DbHandle;
  let app: HardenedApp;
  beforeAll(async () => {
    handle = await createTestDb();
    const dataset = await readDataset(BUNDLED_DATA);
    await importDataset(handle.db, dataset, { today: '2026-11-25' });
    slugs = {
      models: dataset.models.map((m) => m.slug),
      benchmarks: dataset.benchmarks.map((b) => b.slug),
      categories: dataset.categories.map((c) => c.slug),
    };
    app = hardenedApp(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it.each(CONTRACT)('%s', async (file) => {
    const query = readFileSync(`${ROOT}contract/${file}`, 'utf8');
    const operation = parse(query).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        variablesArb(operation),
        fc.constantFrom('application/graphql-response+json', 'application/json'),
        async (variables, accept) => {
          const reply = await app.send(query, { variables, accept });
          expect(reply.status, reply.text).toBeLessThan(500);
          expect(reply.body, reply.text).toBeTypeOf('object');
          for (const error of reply.body.errors ?? []) {
            expect(error.message, reply.text).toBeTypeOf('string');
            if (error.message === 'Unexpected error.' || error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              // Masked: nothing but the code.
              expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
            }
            expect(Object.keys(error.extensions ?? {})).not.toContain('originalError');
            expect(JSON.stringify(error), reply.text).not.toMatch(LEAK);
          }
          if ('data' in reply.body) answered += 1;
        },
      ),
      { numRuns: RUNS, seed: 20261125 },
    );
    // Not all noise: some runs reach execution (once the schema has the operation's fields; an
    // operation of an issue not built yet is still fuzzed, and must still fail cleanly).
    if (validate(schema, parse(query)).length === 0) expect(answered).toBeGreaterThan(0);
  });
});
