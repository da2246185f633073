/**
 * Ceiling for bench/run.ts: a bare node:http server answering each operation with one hand-written
 * SQL statement that builds the whole JSON response in PostgreSQL (postgres.js, prepared, same pool
 * size as the service), plus one primary-key SELECT and a no-SQL control. It returns raw rows only:
 * no normalisation, ranks or verdicts, so it bounds from above what any GraphQL layer can reach.
 * Answers `{ type: 'stats' }` IPC messages with its statement count and process.cpuUsage().
 */
import { createServer } from 'node:http';
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const sql = postgres(url, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), prepare: true, onnotice: () => {} });
let statements = 0;

const price = `(select json_build_object('input', p.input_price, 'output', p.output_price, 'cachedInput', p.cached_input_price)
  from model_prices p where p.model_id = m.id and p.effective_from <= current_date order by p.effective_from desc limit 1)`;
const currentScores = (lane: string) =>
  `s.superseded_at is null and s.retracted_at is null and ($${lane}::text = 'PROVISIONAL' or s.provenance = 'INDEPENDENT')`;

type Vars = Record<string, unknown>;
const routes: Record<string, { text: string; params: (v: Vars) => unknown[] } | null> = {
  '/control': null,
  '/pk': {
    text: "select json_build_object('id', id, 'slug', slug, 'name', name) as body from models where id = $1",
    params: (v) => [v.id],
  },
  '/model': {
    text: `select json_build_object('model', json_build_object(
      'id', m.id, 'slug', m.slug, 'name', m.name, 'releaseDate', m.release_date, 'openWeights', m.open_weights,
      'contextWindow', m.context_window, 'outputTokensPerSecond', m.output_tokens_per_second, 'timeToFirstTokenSeconds', m.time_to_first_token_seconds,
      'provider', (select json_build_object('slug', pr.slug, 'name', pr.name) from providers pr where pr.id = m.provider_id),
      'family', (select json_build_object('slug', f.slug, 'name', f.name, 'models',
          (select json_agg(json_build_object('slug', fm.slug, 'name', fm.name) order by fm.name) from models fm where fm.family_id = f.id))
        from families f where f.id = m.family_id),
      'pricing', ${price},
      'profile', (select json_build_object('ranked', pf.ranked, 'overall', pf.overall, 'categories',
          (select json_agg(json_build_object('category', c.slug, 'score', pc.score)) from profile_categories pc join categories c on c.id = pc.category_id
            where pc.model_id = m.id and pc.lane = pf.lane))
        from profiles pf where pf.model_id = m.id and pf.lane = $2::text::lane),
      'scores', (select json_agg(json_build_object('benchmark', json_build_object('slug', b.slug, 'name', b.name, 'unit', b.unit, 'category', json_build_object('slug', c.slug)),
          'value', s.value, 'provenance', s.provenance, 'source', s.source, 'measuredOn', s.measured_on) order by b.slug)
        from scores s join benchmarks b on b.id = s.benchmark_id join categories c on c.id = b.category_id
        where s.model_id = m.id and ${currentScores('2')})
    )) as body from models m where m.slug = $1`,
    params: (v) => [v.slug, v.lane ?? 'PROVISIONAL'],
  },
  '/compare': {
    text: `select json_build_object('models', json_agg(json_build_object('slug', m.slug, 'name', m.name, 'contextWindow', m.context_window,
      'outputTokensPerSecond', m.output_tokens_per_second, 'timeToFirstTokenSeconds', m.time_to_first_token_seconds, 'pricing', ${price},
      'scores', (select json_agg(json_build_object('benchmark', b.slug, 'category', b.category_id, 'value', s.value))
        from scores s join benchmarks b on b.id = s.benchmark_id where s.model_id = m.id and ${currentScores('2')})
    ) order by array_position($1::text[], m.slug))) as body from models m where m.slug = any($1::text[])`,
    params: (v) => [v.models, v.lane ?? 'PROVISIONAL'],
  },
  '/leaderboard': {
    text: `select json_build_object('totalCount', (select count(*) from profiles where lane = $2::text::lane and ranked), 'edges', coalesce(json_agg(r order by r.rank, r.slug), '[]')) as body from (
      select rank() over (order by pf.overall_tenths desc) as rank, pf.overall as score, m.slug, m.name, pr.slug as provider, m.context_window, ${price} as pricing
      from profiles pf join models m on m.id = pf.model_id join providers pr on pr.id = m.provider_id
      where pf.lane = $2::text::lane and pf.ranked order by pf.overall_tenths desc, m.slug limit $1) r`,
    params: (v) => [v.first ?? 50, v.lane ?? 'PROVISIONAL'],
  },
  '/analyst': {
    text: `select json_build_object('models', json_agg(json_build_object('slug', m.slug, 'scores',
      (select json_agg(json_build_object('value', s.value, 'benchmark', b.slug)) from scores s join benchmarks b on b.id = s.benchmark_id
        where s.model_id = m.id and s.superseded_at is null and s.retracted_at is null)) order by m.id)) as body
      from (select id, slug from models order by id limit $1) m`,
    params: (v) => [v.first ?? 100],
  },
  '/entities': {
    // unnest keeps the representations' order and repeats, as _entities answers them.
    text: `select json_build_object('entities', json_agg(json_build_object('slug', m.slug, 'name', m.name, 'pricing', ${price}) order by k.i)) as body
      from unnest($1::text[]) with ordinality as k(slug, i) join models m on m.slug = k.slug`,
    params: (v) => [v.slugs],
  },
};

const server = createServer((req, res) => {
  const route = routes[req.url ?? ''];
  if (route === undefined) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const send = (body: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (route === null) return send('{"data":{"__typename":"Query"}}');
    const vars =
      (chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { variables?: Vars }).variables : undefined) ??
      {};
    statements += 1;
    sql
      .unsafe<{ body: unknown }[]>(route.text, route.params(vars) as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      })
      .then(
        (rows) => send(`{"data":${JSON.stringify(rows[0]?.body ?? null)}}`),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message),
      );
  });
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ type: 'ready' }));

process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stats') process.send?.({ type: 'stats', statements, cpu: process.cpuUsage() });
});
process.on('SIGTERM', () => {
  server.close();
  void sql.end({ timeout: 2 }).then(() => process.exit(0));
});
