import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(`Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

builder.scalarType('Date', {
  description: 'A calendar day, written YYYY-MM-DD (ISO 8601), with no time zone.',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Which scores count in an aggregate (METHODOLOGY.md §2). */
export const Lane = builder.enumType('Lane', {
  description: 'Which scores count: every published score, or independently measured ones only.',
  values: {
    PROVISIONAL: { description: 'Every score counts, vendor-reported ones included (the default).' },
    VERIFIED: { description: 'Only scores measured by a third party count.' },
  },
});

/** Who published a score. */
export const Provenance = builder.enumType('Provenance', {
  description: 'Who published a score.',
  values: {
    INDEPENDENT: { description: 'Measured by a third party.' },
    SELF_REPORTED: { description: "Published by the model's own vendor." },
  },
});

/** How a benchmark reports its values. */
export const BenchmarkUnit = builder.enumType('BenchmarkUnit', {
  description: 'How a benchmark reports its values.',
  values: {
    percent: { description: 'A percentage, 0 to 100.' },
    elo: { description: 'An Elo-style rating from pairwise comparisons.' },
    score: { description: 'A score on the scale the benchmark defines.' },
  },
});
