import { benchmarks, categories, families, modelPrices, models, providers, scores } from '../../src/db/tables/index.js';
import type { Database } from '../../src/db/client.js';
import { refreshProfiles } from '../../src/modules/leaderboard/refresh.js';

/** Shape of a synthetic dataset: `models` models, each scored on every one of `benchmarks` benchmarks. */
export interface SyntheticShape {
  models: number;
  benchmarks: number;
  categories?: number;
}

/**
 * Writes a deterministic synthetic dataset straight into the tables (bulk inserts), for tests
 * that need many rows. Values follow a fixed formula so runs are reproducible.
 */
export async function insertSynthetic(db: Database, shape: SyntheticShape): Promise<void> {
  const categoryCount = shape.categories ?? 3;
  const [provider] = await db.insert(providers).values({ slug: 'synth', name: 'Synthetic Labs' }).returning();
  const [family] = await db
    .insert(families)
    .values({ slug: 'synth-family', name: 'Synth', providerId: provider!.id })
    .returning();
  const cats = await db
    .insert(categories)
    .values(
      Array.from({ length: categoryCount }, (_, i) => ({
        slug: `cat-${i}`,
        name: `Category ${i}`,
        description: `Synthetic category ${i}`,
        weight: 5 + i,
      })),
    )
    .returning();
  const benches = await db
    .insert(benchmarks)
    .values(
      Array.from({ length: shape.benchmarks }, (_, i) => ({
        slug: `bench-${String(i).padStart(4, '0')}`,
        name: `Bench ${i}`,
        categoryId: cats[i % cats.length]!.id,
        unit: 'percent' as const,
        scaleMin: 0,
        scaleMax: 100,
      })),
    )
    .returning();
  const ms = await db
    .insert(models)
    .values(
      Array.from({ length: shape.models }, (_, i) => ({
        slug: `model-${String(i).padStart(5, '0')}`,
        name: `Model ${i}`,
        providerId: provider!.id,
        familyId: family!.id,
        contextWindow: 8192 * (1 + (i % 16)),
        releaseDate: '2025-01-01',
      })),
    )
    .returning();
  await db.insert(modelPrices).values(
    ms.map((m, i) => ({
      modelId: m.id,
      effectiveFrom: '2025-01-01',
      inputPrice: 1 + (i % 7),
      outputPrice: 4 + (i % 11),
    })),
  );
  const rows = ms.flatMap((m, i) =>
    benches.map((b, j) => ({
      modelId: m.id,
      benchmarkId: b.id,
      value: ((i * 37 + j * 11) % 1000) / 10,
      source: 'https://example.org/synthetic',
      provenance: (i + j) % 3 === 0 ? ('INDEPENDENT' as const) : ('SELF_REPORTED' as const),
    })),
  );
  for (let start = 0; start < rows.length; start += 5000) {
    await db.insert(scores).values(rows.slice(start, start + 5000));
  }
  await refreshProfiles(db);
}
