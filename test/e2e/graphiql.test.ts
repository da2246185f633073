import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../src/app.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { BUNDLED_DATA } from '../helpers/app.js';
import { startListeningApp, type ListeningApp } from '../helpers/server.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOT = `${root}test-artifacts/graphiql.png`;
const haveChromium = existsSync(CHROMIUM);
// CI installs chromium (.ci/run), so there a missing browser is a failure; elsewhere the test may skip, loudly.
const required = process.env.CI === 'true';
if (!haveChromium && !required) {
  console.warn(
    `\n[e2e] SKIPPED: ${CHROMIUM} not found, so GraphiQL was not tested in a browser (apt-get install -y chromium).\n`,
  );
}

/** Operation names of the contract files: GraphiQL titles each example tab with one. */
function contractOperationNames(): string[] {
  const dir = `${root}contract`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(`${dir}/${f}`, 'utf8')).definitions)
    .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
}

/** The text a Monaco editor shows, with its non-breaking spaces as plain ones. */
async function editorText(page: Page, container: string): Promise<string> {
  return (await page.locator(`${container} .view-lines`).innerText()).replace(/\u00a0/g, ' ');
}

it.runIf(haveChromium || required)(`finds Chromium at ${CHROMIUM}`, () => {
  expect(haveChromium, `${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`).toBe(true);
});

describe.skipIf(!haveChromium)('GraphiQL in a browser (offline)', () => {
  let app: ListeningApp;
  let browser: Browser;
  let page: Page;
  /** Requests the page tried to send anywhere but the app: each one would fail on a machine with no internet. */
  const offOrigin: string[] = [];

  beforeAll(async () => {
    app = await startListeningApp({ seed: true });
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
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Refuse everything off the app's origin, so the page has to work as it would with no network at all.
    await context.route(
      (url) => url.origin !== app.origin,
      (route) => {
        offOrigin.push(route.request().url());
        return route.abort();
      },
    );
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens with the default document and one tab per contract operation', async () => {
    await page.goto(`${app.origin}/graphql`);
    await page.getByRole('button', { name: /Execute query/ }).waitFor({ timeout: 30_000 });
    const tabs = page.locator('li.graphiql-tab');
    await expect
      .poll(() => tabs.allInnerTexts())
      .toEqual(['TopModels', 'ComparePage', 'ModelPage', 'Leaderboard', 'CategoryLeaders', 'WorkloadCost', 'Entities']);
    expect(new Set(await tabs.allInnerTexts())).toEqual(new Set(['TopModels', ...contractOperationNames()]));
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query TopModels');
  });

  it('runs the default query and shows models from the dataset', async () => {
    const expected = await fetch(`${app.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DEFAULT_QUERY }),
    }).then(
      (r) => r.json() as Promise<{ data: { models: { totalCount: number; edges: { node: { name: string } }[] } } }>,
    );
    const first = expected.data.models.edges[0]!.node.name;
    const datasetNames = (await readDataset(BUNDLED_DATA)).models.map((m) => m.name);
    expect(datasetNames).toContain(first);

    await page.getByRole('button', { name: /Execute query/ }).click();
    await expect
      .poll(() => editorText(page, '.graphiql-response'), { timeout: 20_000 })
      .toContain(`"name": "${first}"`);
    expect(await editorText(page, '.graphiql-response')).toContain(`"totalCount": ${expected.data.models.totalCount}`);
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('runs an example tab with its preloaded variables', async () => {
    const tab = page.locator('li.graphiql-tab', { hasText: 'ComparePage' });
    // GraphiQL can drop the first click on a tab it has just laid out; a person clicks again, so does this.
    await expect
      .poll(async () => {
        await tab.locator('button.graphiql-tab-button').click();
        return tab.getAttribute('aria-selected');
      })
      .toBe('true');
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query ComparePage');
    // GraphiQL re-reads the operation name of a newly shown tab after a debounce; a run before that
    // answers "Cannot infer operation TopModels", and a person runs again, so this does too.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: /Execute query/ }).click();
          await page.waitForTimeout(500);
          return editorText(page, '.graphiql-response');
        },
        { timeout: 20_000 },
      )
      .toContain('"name": "GPT-4.1 mini"');
    expect(await editorText(page, '.graphiql-response')).not.toContain('"errors"');
  });

  it('loaded nothing from outside the app', () => {
    expect(offOrigin).toEqual([]);
  });
});
