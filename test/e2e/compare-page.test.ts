import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { DbHandle } from '../../src/db/client.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { loadPageDocuments } from '../../src/modules/pages/documents.js';
import { BUNDLED_DATA, TODAY } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = `${root}test-artifacts`;
const haveChromium = existsSync(CHROMIUM);
// CI installs chromium (.ci/run), so there a missing browser is a failure; elsewhere the test may skip, loudly.
const required = process.env.CI === 'true';
if (!haveChromium && !required) {
  console.warn(`\n[e2e] SKIPPED: ${CHROMIUM} not found, so the compare page was not tested in a browser.\n`);
}

const PAIR = ['gpt-4-1', 'gpt-4-1-mini'];
const FOUR = ['gpt-4-1', 'gpt-4-1-mini', 'claude-sonnet-4', 'gemini-2-5-pro'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const COMPARE = loadPageDocuments().compare;

/** One decimal, half away from zero, as the page rounds (an independent twin of its formatter). */
const one = (x: number | null | undefined) =>
  x == null ? 'n/a' : ((Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-7)) / 10).toFixed(1);

/** The app with the bundled dataset and TRUSTED_DOCUMENTS=true, listening on a loopback port. */
interface PagesServer {
  origin: string;
  /** Every GraphQL request the server has answered so far (its /metrics counter, summed). */
  graphqlRequests(): Promise<number>;
  close(): Promise<void>;
}

async function startServer(): Promise<PagesServer> {
  const handle: DbHandle = await createTestDb();
  await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
  const yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent', TRUSTED_DOCUMENTS: true }, now: () => TODAY });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    async graphqlRequests() {
      const text = await (await fetch(`${origin}/metrics`)).text();
      return text
        .split('\n')
        .filter((line) => line.startsWith('graphql_operations_total{'))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await handle.close();
    },
  };
}

it.runIf(haveChromium || required)(`finds Chromium at ${CHROMIUM}`, () => {
  expect(haveChromium, `${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`).toBe(true);
});

describe.skipIf(!haveChromium)('the compare page in a browser (offline, trusted documents only)', () => {
  let server: PagesServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  /** Requests the pages sent anywhere but the app: each would fail with no network. */
  const offOrigin: string[] = [];
  /** Every request the browser sent to the app. */
  const sent: string[] = [];
  /** What the browser refused under the pages' Content-Security-Policy (the inline stylesheet must pass). */
  const refused: string[] = [];

  async function context(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
    const ctx = await browser.newContext(options);
    await ctx.route(
      (url) => url.origin !== server.origin,
      (route) => {
        offOrigin.push(route.request().url());
        return route.abort();
      },
    );
    ctx.on('request', (request) => sent.push(request.url()));
    ctx.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    return ctx;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    desktop = await context({ viewport: DESKTOP });
    phone = await context({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The comparison the API returns for `models`, asked with the page's own trusted document. */
  async function apiComparison(models: string[]): Promise<any> {
    const response = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { models },
        extensions: { persistedQuery: { version: 1, sha256Hash: COMPARE.sha256Hash } },
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    return body.data.comparison;
  }

  /** Opens `path` in `ctx`, counting the GraphQL requests the server answered meanwhile; a screenshot under `shot`. */
  async function view(ctx: BrowserContext, path: string, shot: string) {
    const page = await ctx.newPage();
    const before = await server.graphqlRequests();
    const sentBefore = sent.length;
    const response = await page.goto(`${server.origin}${path}`);
    const graphqlRequests = (await server.graphqlRequests()) - before;
    const browserRequests = sent.slice(sentBefore);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/${shot}.png` });
    await page.screenshot({ path: `${ARTIFACTS}/${shot}-full.png`, fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    // The stylesheet applied (the CSP allows it by its hash): the site bar is dark.
    expect(await page.locator('header.site').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(22, 33, 58)',
    );
    return { page, status: response?.status(), graphqlRequests, browserRequests, scrollWidth };
  }

  /** What the page must show for `c`, the API's comparison: each figure, formatted for display. */
  async function expectFigures(page: Page, c: any) {
    const nameOf = (slug: string) => c.models.find((m: any) => m.slug === slug).name;
    for (const o of c.overall) {
      const card = await page.locator(`#overall [data-model="${o.model.slug}"]`).innerText();
      expect(card).toContain(one(o.score));
      expect(card).toContain(o.rank == null ? 'unranked' : `#${o.rank}`);
    }
    expect(c.categories.length).toBeGreaterThan(0);
    for (const row of c.categories) {
      const text = await page.locator(`tr[data-category="${row.category.slug}"]`).innerText();
      for (const average of row.averages) expect(text).toContain(one(average.value));
      expect(text).toContain(row.leader ? `${nameOf(row.leader.slug)} by ${one(row.difference)}` : 'Tie');
      expect(text).toContain(row.decisiveBenchmark.benchmark.name);
    }
    expect(await page.locator('#output-ratio').innerText()).toBe(`${c.prices.outputRatio.toFixed(1)}x on output`);
    for (const m of c.models) {
      const speed = await page.locator(`#speed tr[data-model="${m.slug}"]`).innerText();
      expect(speed).toContain(m.outputTokensPerSecond == null ? 'n/a' : `${Math.round(m.outputTokensPerSecond)} tok/s`);
      expect(speed).toContain(m.timeToFirstTokenSeconds == null ? 'n/a' : `${m.timeToFirstTokenSeconds.toFixed(2)} s`);
    }
    expect(await page.locator('#summary').innerText()).toBe(c.verdict.summary);
    const verdict = await page.locator('#verdict').innerText();
    for (const entry of c.verdict.entries) if (entry.winner) expect(verdict).toContain(nameOf(entry.winner.slug));
  }

  it('shows the API figures for GPT-4.1 vs GPT-4.1 mini, with one GraphQL request per view', async () => {
    const c = await apiComparison(PAIR);
    const seen = await view(desktop, '/compare/gpt-4-1-vs-gpt-4-1-mini', 'compare-2-desktop');
    expect(seen.status).toBe(200);
    expect(seen.graphqlRequests).toBe(1);
    // Zero client-side script: the browser asks for the HTML and nothing else.
    expect(seen.browserRequests).toEqual([`${server.origin}/compare/gpt-4-1-vs-gpt-4-1-mini`]);
    expect(await seen.page.title()).toBe('GPT-4.1 vs GPT-4.1 mini: benchmarks, prices and speed compared');
    const description = await seen.page.locator('meta[property="og:description"]').getAttribute('content');
    expect(description).toMatch(/^GPT-4\.1 vs GPT-4\.1 mini: 59\.8 vs 51\.7 overall\. /);
    await expectFigures(seen.page, c);
    // The reference figures (METHODOLOGY.md §5), as a reader sees them.
    const text = await seen.page.locator('main').innerText();
    for (const figure of [
      '5.0x on output',
      '108 tok/s',
      '80 tok/s',
      '1.02 s',
      '0.76 s',
      '1.35x',
      '0.26 s',
      '$2',
      '$8',
    ]) {
      expect(text).toContain(figure);
    }
    expect(text).toContain('$0.40');
    expect(text).toContain('Siblings in one family');
    await seen.page.close();
  });

  it('fits a phone without sideways scrolling (2 models)', async () => {
    const seen = await view(phone, '/compare/gpt-4-1-vs-gpt-4-1-mini', 'compare-2-phone');
    expect(seen.status).toBe(200);
    expect(seen.graphqlRequests).toBe(1);
    expect(seen.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await seen.page.close();
  });

  it('compares 4 models from /compare?models=', async () => {
    const c = await apiComparison(FOUR);
    for (const [ctx, shot] of [
      [desktop, 'compare-4-desktop'],
      [phone, 'compare-4-phone'],
    ] as const) {
      const seen = await view(ctx, `/compare?models=${FOUR.join(',')}`, shot);
      expect(seen.status).toBe(200);
      expect(seen.graphqlRequests).toBe(1);
      expect(seen.scrollWidth).toBeLessThanOrEqual(ctx === phone ? PHONE.width : DESKTOP.width);
      await expectFigures(seen.page, c);
      await seen.page.close();
    }
  });

  it('answers an unknown slug with a 404 page quoting the API', async () => {
    for (const [ctx, shot] of [
      [desktop, 'compare-404-desktop'],
      [phone, 'compare-404-phone'],
    ] as const) {
      const seen = await view(ctx, '/compare/gpt-4-1-vs-gpt-9-ultra', shot);
      expect(seen.status).toBe(404);
      expect(seen.graphqlRequests).toBe(1);
      expect(await seen.page.locator('#message').innerText()).toBe('models: no model has the slug "gpt-9-ultra"');
      expect(seen.scrollWidth).toBeLessThanOrEqual(ctx === phone ? PHONE.width : DESKTOP.width);
      await seen.page.close();
    }
  });

  it('loaded nothing from outside the app, and the browser refused nothing under the CSP', () => {
    expect(offOrigin).toEqual([]);
    expect(refused).toEqual([]);
  });
});
