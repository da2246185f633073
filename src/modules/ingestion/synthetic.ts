import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.js';
import { analyzeData } from './write.js';
import { refreshProfiles } from '../leaderboard/service.js';
import { rowsOf } from '../../db/client.js';

/** How big a synthetic dataset to generate. */
export interface SyntheticOptions {
  models: number;
  benchmarks: number;
  categories?: number;
  providers?: number;
}

/** The options with every count settled. */
type Sizes = Required<SyntheticOptions> & { families: number };

/** Refuses a second synthetic dataset: its slugs would collide with the first one's. */
async function assertNoSynthetic(tx: Transaction): Promise<void> {
  const existing = rowsOf<{ n: string | number }>(
    await tx.execute(sql`select count(*) as n from models where slug like 'syn-%'`),
  )[0];
  if (Number(existing?.n ?? 0) > 0)
    throw new Error('the database already holds a synthetic dataset (models named syn-*)');
}

/** Providers, families, categories and benchmarks, each spread over the rows of the table before. */
async function insertCatalog(tx: Transaction, sizes: Sizes): Promise<void> {
  await tx.execute(
    sql`insert into providers (slug, name)
      select 'syn-provider-' || i, 'Synthetic Provider ' || i from generate_series(1, ${sizes.providers}) i`,
  );
  await tx.execute(sql`
      insert into families (slug, name, provider_id)
      select 'syn-family-' || i, 'Synthetic Family ' || i, p.id
      from generate_series(1, ${sizes.families}) i
      join providers p on p.slug = 'syn-provider-' || (1 + i % ${sizes.providers})`);
  await tx.execute(sql`
      insert into categories (slug, name, description, weight)
      select 'syn-category-' || i, 'Synthetic Category ' || i, 'A synthetic category for load tests', 5 + (i * 7) % 18
      from generate_series(1, ${sizes.categories}) i`);
  await tx.execute(sql`
      insert into benchmarks (slug, name, category_id, unit, higher_is_better, scale_min, scale_max, weight)
      select 'syn-bench-' || lpad(i::text, 4, '0'), 'Synthetic Benchmark ' || i, c.id, 'percent', true, 0, 100,
             case when i % 10 = 0 then 0 else 1 + i % 3 end
      from generate_series(1, ${sizes.benchmarks}) i
      join categories c on c.slug = 'syn-category-' || (1 + i % ${sizes.categories})`);
}

/** Models with their prices; about a quarter lack a speed and a fifth a time to first token. */
async function insertModels(tx: Transaction, sizes: Sizes): Promise<void> {
  await tx.execute(sql`
      insert into models (slug, name, provider_id, family_id, release_date, context_window, open_weights,
                          output_tokens_per_second, time_to_first_token_seconds)
      select 'syn-model-' || lpad(i::text, 5, '0'), 'Synthetic Model ' || i, f.provider_id, f.id,
             date '2023-01-01' + (i * 37) % 1000, 8192 * (1 + i % 128), i % 3 = 0,
             case when i % 4 = 0 then null else 20 + (i * 13) % 200 end,
             case when i % 5 = 0 then null else 0.2 + ((i * 7) % 30) / 10.0 end
      from generate_series(1, ${sizes.models}) i
      join families f on f.slug = 'syn-family-' || (1 + i % ${sizes.families})`);
  await tx.execute(sql`
      insert into model_prices (model_id, effective_from, input_price, output_price, cached_input_price)
      select m.id, date '2024-01-01', 0.05 * (1 + n % 200), 0.2 * (1 + (n * 7) % 300),
             case when n % 2 = 0 then 0.01 * (1 + n % 100) end
      from (select id, substr(slug, 11)::int as n from models where slug like 'syn-model-%') m`);
}

/** A score for about 91% of the (model, benchmark) pairs, so coverage and eligibility vary. */
async function insertScores(tx: Transaction): Promise<void> {
  await tx.execute(sql`
      insert into scores (model_id, benchmark_id, value, source, provenance, measured_on)
      select m.id, b.id,
             least(100, greatest(0, 15 + (m.n * 7919) % 70 + ((m.n * 31 + b.n * 17) % 21) - 10 + (b.n % 7))),
             'https://example.org/synthetic',
             (case when (m.n + b.n) % 3 = 0 then 'INDEPENDENT' else 'SELF_REPORTED' end)::provenance,
             date '2025-01-01' + (m.n + b.n) % 300
      from (select id, substr(slug, 11)::int as n from models where slug like 'syn-model-%') m
      cross join (select id, substr(slug, 11)::int as n from benchmarks where slug like 'syn-bench-%') b
      where (m.n * b.n) % 11 <> 0`);
}

/** Computes the synthetic models' profiles; returns how many models and scores were generated. */
async function profileSynthetic(tx: Transaction): Promise<{ models: number; scores: number }> {
  const ids = rowsOf<{ id: number }>(
    await tx.execute(sql`select id from models where slug like 'syn-model-%' order by id`),
  ).map((r) => r.id);
  await refreshProfiles(tx, ids);
  const counted = rowsOf<{ n: string | number }>(
    await tx.execute(
      sql`select count(*) as n from scores s join models m on m.id = s.model_id where m.slug like 'syn-%'`,
    ),
  )[0];
  return { models: ids.length, scores: Number(counted?.n ?? 0) };
}

/**
 * Writes a deterministic synthetic dataset (slugs prefixed `syn-`) straight into the database with
 * set-based SQL, then computes its profiles. The same options always give the same rows: values
 * come from integer hashes of the model and benchmark numbers, not from a random generator.
 * About 91% of (model, benchmark) pairs get a score, so coverage and eligibility vary.
 */
export async function generateSynthetic(
  db: Database,
  options: SyntheticOptions,
): Promise<{ models: number; scores: number }> {
  const sizes: Sizes = {
    ...options,
    categories: options.categories ?? 10,
    providers: options.providers ?? 20,
    families: Math.max(1, Math.ceil(options.models / 20)),
  };
  const generated = await db.transaction(async (tx) => {
    // A bulk load of millions of rows: the service's per-statement timeout does not apply.
    await tx.execute(sql`set local statement_timeout = 0`);
    await assertNoSynthetic(tx);
    await insertCatalog(tx, sizes);
    await insertModels(tx, sizes);
    await insertScores(tx);
    return profileSynthetic(tx);
  });
  await analyzeData(db);
  return generated;
}
