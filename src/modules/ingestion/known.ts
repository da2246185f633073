import { sql } from 'drizzle-orm';
import { jsonOf, rowsOf, type Database } from '../../db/client.js';
import type { KnownRows, RawDataset } from './dataset.js';

const slugsOf = (entries: unknown[] | undefined, field: string): string[] =>
  (entries ?? []).flatMap((e) =>
    e && typeof e === 'object' && typeof (e as Record<string, unknown>)[field] === 'string'
      ? [(e as Record<string, string>)[field]!]
      : [],
  );

const list = (values: string[]) =>
  values.length
    ? sql.join(
        [...new Set(values)].map((v) => sql`${v}`),
        sql`, `,
      )
    : sql`null`;

/**
 * The rows a partial dataset refers to, read from the database in ONE statement, so validation
 * can tell an unknown slug from one the database already holds.
 */
export async function loadKnownRows(db: Database, raw: RawDataset): Promise<KnownRows> {
  const providers = [...slugsOf(raw.families, 'provider'), ...slugsOf(raw.models, 'provider')];
  const families = slugsOf(raw.models, 'family');
  const models = slugsOf(raw.scores, 'model');
  const categories = slugsOf(raw.benchmarks, 'category');
  const benchmarks = slugsOf(raw.scores, 'benchmark');
  const result = await db.execute(sql`
    select
      (select coalesce(json_agg(slug), '[]') from providers where slug in (${list(providers)})) as providers,
      (select coalesce(json_agg(json_build_array(f.slug, p.slug)), '[]')
        from families f join providers p on p.id = f.provider_id where f.slug in (${list(families)})) as families,
      (select coalesce(json_agg(slug), '[]') from models where slug in (${list(models)})) as models,
      (select coalesce(json_agg(slug), '[]') from categories where slug in (${list(categories)})) as categories,
      (select coalesce(json_agg(json_build_array(slug, scale_min, scale_max)), '[]')
        from benchmarks where slug in (${list(benchmarks)})) as benchmarks
  `);
  const row = rowsOf<Record<string, unknown>>(result)[0] ?? {};
  const parse = <T>(v: unknown): T => jsonOf<T>(v) ?? ([] as T);
  return {
    providers: new Set(parse<string[]>(row.providers)),
    families: new Map(parse<[string, string][]>(row.families)),
    models: new Set(parse<string[]>(row.models)),
    categories: new Set(parse<string[]>(row.categories)),
    benchmarks: new Map(
      parse<[string, number, number][]>(row.benchmarks).map(([slug, scaleMin, scaleMax]) => [
        slug,
        { slug, scaleMin, scaleMax },
      ]),
    ),
  };
}
