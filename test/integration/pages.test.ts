import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client.js';
import { buildManifest } from '../../src/http/trusted-documents.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { loadPageDocuments, type PageDocument } from '../../src/modules/pages/documents.js';
import { CONTRACT_DIR } from '../../src/paths.js';
import { BUNDLED_DATA } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';
import { hardenedApp, memoryLogger, type HardenedApp } from '../helpers/http.js';

const PAIR = ['gpt-4-1', 'gpt-4-1-mini'];
const FOUR = ['gpt-4-1', 'gpt-4-1-mini', 'claude-sonnet-4', 'gemini-2-5-pro'];
const DOCUMENTS = loadPageDocuments();

/** One decimal, half away from zero, as the page rounds (an independent twin of its formatter). */
const one = (x: number | null | undefined) =>
  x == null ? 'n/a' : ((Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-7)) / 10).toFixed(1);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text of an HTML fragment, as a reader sees it: no tags, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:;])/g, '$1')
    .trim();
}

/** The text of the element whose opening tag holds `start` (e.g. `data-category="coding"`), up to `end`. */
function textOf(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  expect(from, `${start} is on the page`).toBeGreaterThanOrEqual(0);
  const content = html.indexOf('>', from) + 1;
  return text(html.slice(content, html.indexOf(end, content)));
}

/** A meta tag's content. */
function meta(html: string, property: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html);
  return match ? text(match[1]!) : undefined;
}

/** Every GraphQL request `app` has answered (graphql_operations_total, summed over its labels). */
async function graphqlRequests(app: HardenedApp): Promise<number> {
  const metrics = await app.request('/metrics');
  return metrics.text
    .split('\n')
    .filter((line) => line.startsWith('graphql_operations_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** GETs a page, with the GraphQL requests the app answered meanwhile. */
async function view(app: HardenedApp, path: string, headers: Record<string, string> = {}) {
  const before = await graphqlRequests(app);
  const reply = await app.request(path, { headers });
  return { ...reply, graphqlRequests: (await graphqlRequests(app)) - before };
}

/** What the API answers to a page document, sent by its hash as the page sends it. */
async function api(app: HardenedApp, document: PageDocument, variables: Record<string, unknown>): Promise<any> {
  const extensions = { persistedQuery: { version: 1, sha256Hash: document.sha256Hash } };
  const reply = await app.send(document.text, { variables, extensions });
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data;
}

describe('the HTML pages', () => {
  let handle: DbHandle;
  let open: HardenedApp;
  let trusted: HardenedApp;

  beforeAll(async () => {
    handle = await createTestDb();
    await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
    open = hardenedApp(handle);
    trusted = hardenedApp(handle, { TRUSTED_DOCUMENTS: true });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('serves /compare/<a>-vs-<b> as HTML with a title, an Open Graph description and safe headers', async () => {
    const page = await view(open, '/compare/gpt-4-1-vs-gpt-4-1-mini');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('public, max-age=60');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*|unsafe/);
    expect(page.text).toContain('<title>GPT-4.1 vs GPT-4.1 mini: benchmarks, prices and speed compared</title>');
    expect(meta(page.text, 'og:description')).toMatch(
      /^GPT-4\.1 vs GPT-4\.1 mini: 59\.8 vs 51\.7 overall\. GPT-4\.1 leads /,
    );
    expect(meta(page.text, 'og:url')).toBe('http://test/compare/gpt-4-1-vs-gpt-4-1-mini');
    // Nothing to fetch after the HTML: no script, no stylesheet, no image, no font.
    expect(page.text).not.toMatch(/<script|<link rel="stylesheet"|<img|\ssrc=|url\(/i);
  });

  it.each([
    ['2 models', PAIR, `/compare/${PAIR.join('-vs-')}`],
    ['4 models', FOUR, `/compare?models=${FOUR.join(',')}`],
  ])('shows the figures the API returns (%s)', async (_, models, path) => {
    const { comparison: c } = await api(open, DOCUMENTS.compare, { models });
    const html = (await view(open, path)).text;
    const nameOf = (slug: string) => c.models.find((m: any) => m.slug === slug).name;
    for (const o of c.overall) {
      const card = textOf(html, `data-model="${o.model.slug}"`, '</div>');
      expect(card).toContain(`${one(o.score)} rank #${o.rank}`);
    }
    for (const row of c.categories) {
      const cells = textOf(html, `<tr data-category="${row.category.slug}"`, '</tr>');
      const averages = c.models.map((m: any) => one(row.averages.find((a: any) => a.model.slug === m.slug).value));
      expect(cells).toContain(`${row.category.name} ${averages.join(' ')}`);
      expect(cells).toContain(row.leader ? `${nameOf(row.leader.slug)} by ${one(row.difference)}` : 'Tie');
      expect(cells).toContain(`${row.decisiveBenchmark.benchmark.name} (${one(row.decisiveBenchmark.spread)})`);
    }
    expect(textOf(html, 'id="output-ratio"', '</b>')).toBe(`${c.prices.outputRatio.toFixed(1)}x on output`);
    const speed = textOf(html, 'id="speed"', '</section>');
    for (const m of c.models) {
      const tokens = m.outputTokensPerSecond == null ? 'n/a' : `${Math.round(m.outputTokensPerSecond)} tok/s`;
      const latency = m.timeToFirstTokenSeconds == null ? 'n/a' : `${m.timeToFirstTokenSeconds.toFixed(2)} s`;
      expect(speed).toContain(`${m.name} ${tokens} ${latency}`);
    }
    expect(textOf(html, 'id="summary"', '</p>')).toBe(c.verdict.summary);
    const verdict = textOf(html, 'id="verdict"', '</section>');
    for (const entry of c.verdict.entries) {
      const label = entry.category?.name;
      if (label) expect(verdict).toContain(`${label} ${entry.winner ? nameOf(entry.winner.slug) : 'Tie'}`);
    }
  });

  it('shows the reference pair as the seed page rounds it', async () => {
    const html = text((await view(open, '/compare/gpt-4-1-vs-gpt-4-1-mini')).text);
    for (const figure of [
      'Siblings in one family: GPT-4.1 by OpenAI',
      'GPT-4.1 OpenAI 59.8 rank #25',
      'GPT-4.1 mini OpenAI 51.7 rank #37',
      'GPT-4.1 leads GPT-4.1 mini by 8.1 points overall: a clear margin.',
      'Coding 60.1 42.7 GPT-4.1 by 17.4 SWE-bench Verified (31.0)',
      'SWE-bench Verified (Coding): GPT-4.1 54.6 and GPT-4.1 mini 23.6, a spread of 31.0 points',
      'GPT-4.1 $2 $8 $0.50 $3.50',
      'GPT-4.1 mini $0.40 $1.60 $0.10 $0.70',
      'GPT-4.1 mini is the cheaper. The other costs 5.0x on output, 5.0x on input and 5.0x blended.',
      'GPT-4.1 108 tok/s 1.02 s 1M',
      'GPT-4.1 mini 80 tok/s 0.76 s 1M',
      'GPT-4.1 is the fastest: 1.35x the output speed of the slowest.',
      'GPT-4.1 mini starts answering first: 0.26 s sooner',
      'Context windows: a tie at 1M.',
      'Cost (blended price) GPT-4.1 mini Speed GPT-4.1 Latency GPT-4.1 mini Context window Tie',
      'Nothing left out',
    ]) {
      expect(html).toContain(figure);
    }
  });

  it('links each model to its page, which shows its profile, scores by category and prices', async () => {
    const compare = (await view(open, '/compare/gpt-4-1-vs-gpt-4-1-mini')).text;
    expect(compare).toContain('<a href="/models/gpt-4-1-mini">GPT-4.1 mini</a>');
    const page = await view(trusted, '/models/gpt-4-1');
    expect(page.status).toBe(200);
    expect(page.graphqlRequests).toBe(1);
    const { model } = await api(open, DOCUMENTS.model, { slug: 'gpt-4-1' });
    const html = text(page.text);
    expect(meta(page.text, 'og:description')).toBe(
      `GPT-4.1 by OpenAI: ${one(model.profile.overall)} overall (rank #25), $2 / $8 per million tokens, 1M context.`,
    );
    for (const c of model.profile.categories) expect(html).toContain(`${c.category.name} ${one(c.score)} #${c.rank}`);
    expect(html).toContain('Input $2 Output $8 Cached input $0.50 Blended $3.50');
    expect(page.text).toContain('<a href="/compare/gpt-4-1-vs-gpt-4-1-mini">GPT-4.1 vs GPT-4.1 mini</a>');
  });

  it.each([
    ['an unknown slug', '/compare/gpt-4-1-vs-gpt-9', 404, 'models: no model has the slug "gpt-9"'],
    ['one model', '/compare/gpt-4-1', 400, 'models: a comparison takes 2 to 10 models, got 1'],
    ['no model', '/compare', 400, 'models: a comparison takes 2 to 10 models, got 0'],
    [
      'eleven models',
      `/compare?models=${Array.from({ length: 11 }, (_, i) => `m${i}`).join(',')}`,
      400,
      'models: a comparison takes 2 to 10 models, got 11',
    ],
    ['a repeated model', '/compare/gpt-4-1-vs-gpt-4-1', 400, 'models: listed more than once: gpt-4-1'],
    ['an unknown model page', '/models/gpt-9', 404, 'No model has the slug "gpt-9"'],
  ])('answers %s with its status and a page quoting the API', async (_, path, status, message) => {
    for (const app of [open, trusted]) {
      const page = await view(app, path);
      expect(page.status).toBe(status);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.graphqlRequests).toBe(1);
      expect(textOf(page.text, 'id="message"', '</p>')).toBe(message);
      expect(meta(page.text, 'description')).toBe(message);
    }
  });

  it('escapes what the address says', async () => {
    const page = await view(open, `/compare/${encodeURIComponent('<script>alert(1)</script>')}-vs-gpt-4-1`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['open', {}],
    ['trusted documents only', { TRUSTED_DOCUMENTS: true }],
  ])(
    'sends exactly one GraphQL request per view (%s), the second one answered by the response cache',
    async (_, config) => {
      const app = hardenedApp(handle, config);
      const first = await view(app, '/compare/gpt-4-1-vs-gpt-4-1-mini');
      const again = await view(app, '/compare/gpt-4-1-vs-gpt-4-1-mini');
      expect([first.status, again.status]).toEqual([200, 200]);
      expect([first.graphqlRequests, again.graphqlRequests]).toEqual([1, 1]);
      expect(first.statements).toBeLessThanOrEqual(3);
      expect(again.statements).toBe(0);
      expect(again.text).toBe(first.text);
    },
  );

  it("logs the page's GraphQL request as any other, under the caller's request id", async () => {
    const { logger, lines } = memoryLogger('info');
    const app = hardenedApp(handle, {}, { logger });
    const page = await app.request('/compare/gpt-4-1-vs-gpt-4-1-mini', { headers: { 'x-request-id': 'page-view-1' } });
    expect(page.status).toBe(200);
    const graphql = lines().filter((l) => l.path === '/graphql');
    expect(graphql).toHaveLength(1);
    expect(graphql[0]).toMatchObject({ requestId: 'page-view-1', operationName: 'CompareView', status: 200 });
  });

  it('sends the hash alone under TRUSTED_DOCUMENTS=true: a manifest without the page document refuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmc-pages-'));
    const manifest = join(dir, 'contract-only.json');
    writeFileSync(manifest, JSON.stringify(buildManifest(CONTRACT_DIR)));
    const app = hardenedApp(handle, { TRUSTED_DOCUMENTS: true, TRUSTED_DOCUMENTS_MANIFEST: manifest });
    const page = await view(app, '/compare/gpt-4-1-vs-gpt-4-1-mini');
    expect(page.status).toBe(500);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(textOf(page.text, 'id="message"', '</p>')).toBe(
      `No trusted document has the sha256 ${DOCUMENTS.compare.sha256Hash}`,
    );
    expect(page.statements).toBe(0);
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses with %s when accepted, well under 100 KB', async (coding, decode) => {
    for (const path of [`/compare/${PAIR.join('-vs-')}`, `/compare?models=${FOUR.join(',')}`, '/models/gpt-4-1']) {
      const plain = await open.request(path);
      const response = await open.yoga.fetch(`http://test${path}`, {
        headers: { 'accept-encoding': `${coding}, deflate` },
      });
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-encoding')).toBe(coding);
      expect(response.headers.get('vary')).toBe('accept-encoding');
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(decode(body).toString('utf8')).toBe(plain.text);
      // The whole page (HTML, CSS and no JavaScript): the budget is 100 KB compressed.
      expect(body.length).toBeLessThan(100_000);
      expect(Buffer.byteLength(plain.text)).toBeLessThan(100_000);
    }
  });

  it('answers 304 to a matching If-None-Match, still with one GraphQL request', async () => {
    const first = await view(open, '/compare/gpt-4-1-vs-gpt-4-1-mini');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await view(open, '/compare/gpt-4-1-vs-gpt-4-1-mini', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.graphqlRequests).toBe(1);
  });

  it('leaves other paths and methods to the API', async () => {
    expect((await open.request('/compare/gpt-4-1-vs-gpt-4-1-mini', { method: 'POST' })).status).toBe(404);
    expect((await open.request('/models')).status).toBe(404);
    const head = await open.request('/models/gpt-4-1', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });
});
