import { describe, expect, it } from 'vitest';
import { DatasetError, validateDataset } from '../../src/modules/ingestion/dataset.js';

describe('a category without a weight in a dataset', () => {
  it("takes METHODOLOGY §3's default weight for its slug (5 for a slug it does not name)", () => {
    const dataset = validateDataset({
      categories: [
        { slug: 'agentic', name: 'Agentic', description: 'Tools and tasks' },
        { slug: 'coding', name: 'Coding', description: 'Code', weight: 3 },
        { slug: 'safety', name: 'Safety', description: 'Refusals' },
      ],
    });
    expect(dataset.categories.map((c) => [c.slug, c.weight])).toEqual([
      ['agentic', 22],
      ['coding', 3],
      ['safety', 5],
    ]);
  });

  it('still refuses a negative weight', () => {
    expect(() =>
      validateDataset({ categories: [{ slug: 'coding', name: 'Coding', description: 'Code', weight: -1 }] }),
    ).toThrow(DatasetError);
  });
});
