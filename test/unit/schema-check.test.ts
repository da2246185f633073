import { describe, expect, it } from 'vitest';
import { breakingAllowed, breakingChanges, dangerousChanges } from '../../scripts/schema-breaking.js';

const BASE = `
type Model {
  slug: String!
  name: String!
}

enum Lane { VERIFIED PROVISIONAL }

type Query {
  model(slug: String): Model
  models(first: Int = 20, lane: Lane): [Model!]!
}
`;

describe('breakingChanges', () => {
  it('finds nothing between a schema and itself', () => {
    expect(breakingChanges(BASE, BASE)).toEqual([]);
  });

  it('reports a removed field', () => {
    const after = BASE.replace('  name: String!\n', '');
    expect(breakingChanges(BASE, after)).toEqual([{ type: 'FIELD_REMOVED', description: 'Model.name was removed.' }]);
  });

  it('lets a field be added', () => {
    const after = BASE.replace('  name: String!\n', '  name: String!\n  contextWindow: Int\n');
    expect(breakingChanges(BASE, after)).toEqual([]);
    expect(dangerousChanges(BASE, after)).toEqual([]);
  });

  it('reports an argument that becomes required (nullable to non-null)', () => {
    const after = BASE.replace('model(slug: String)', 'model(slug: String!)');
    expect(breakingChanges(BASE, after)).toEqual([
      { type: 'ARG_CHANGED_KIND', description: 'Query.model arg slug has changed type from String to String!.' },
    ]);
  });

  it('reports a field that becomes nullable and a removed enum value', () => {
    const after = BASE.replace('  slug: String!\n', '  slug: String\n').replace('VERIFIED PROVISIONAL', 'PROVISIONAL');
    expect(
      breakingChanges(BASE, after)
        .map((c) => c.type)
        .sort(),
    ).toEqual(['FIELD_CHANGED_KIND', 'VALUE_REMOVED_FROM_ENUM']);
  });

  it('calls an added enum value and a changed default dangerous, not breaking', () => {
    const after = BASE.replace('VERIFIED PROVISIONAL', 'VERIFIED PROVISIONAL ALL').replace(
      'first: Int = 20',
      'first: Int = 50',
    );
    expect(breakingChanges(BASE, after)).toEqual([]);
    expect(
      dangerousChanges(BASE, after)
        .map((c) => c.type)
        .sort(),
    ).toEqual(['ARG_DEFAULT_VALUE_CHANGE', 'VALUE_ADDED_TO_ENUM']);
  });
});

describe('breakingAllowed', () => {
  it('needs the [breaking-schema] marker in one of the commit messages', () => {
    expect(breakingAllowed(['Rename Model.name to title', 'Tests'])).toBe(false);
    expect(breakingAllowed(['Tests', 'Rename Model.name to title [breaking-schema]\n\nClients moved in #12.'])).toBe(
      true,
    );
    expect(breakingAllowed([])).toBe(false);
  });
});
