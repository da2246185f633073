import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { DbHandle } from '../../src/db/client.js';
import { createCapabilityRefresher, type CapabilityRefresher } from '../../src/modules/capability/service.js';
import { readDataset } from '../../src/modules/ingestion/dataset.js';
import { importDataset } from '../../src/modules/ingestion/write.js';
import { BUNDLED_DATA, TODAY } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';

/** Two decimals, half away from zero, as the page shows θ (an independent twin of its formatter). */
const two = (x: number) => ((Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100).toFixed(2);
const text = (html: string) =>
  html
    .replace(/<style>[^<]*<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:;])/g, '$1');

describe('the compare page shows the capability index once a fit is stored', () => {
  let handle: DbHandle;
  let capability: CapabilityRefresher;
  let yoga: ReturnType<typeof createApp>;

  beforeAll(async () => {
    handle = await createTestDb();
    await importDataset(handle.db, await readDataset(BUNDLED_DATA), { today: '2026-11-25' });
    capability = createCapabilityRefresher({ db: handle.db });
    yoga = createApp({ db: handle.db, config: { LOG_LEVEL: 'silent' }, now: () => TODAY, capability });
    capability.schedule();
    await capability.whenIdle();
  });
  afterAll(async () => {
    await capability.stop();
    await handle.close();
  });

  it("draws each model's θ and interval, and says who leads, as the API answers", async () => {
    const models = ['gpt-5', 'gpt-4-1'];
    const query = `query($models: [String!]!) { comparison(models: $models) { capability {
      outcome leader { name } models { model { name } estimate { value low high } } } } }`;
    const api: any = await (
      await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { models } }),
      })
    ).json();
    const cap = api.data.comparison.capability;
    const page = text(await (await yoga.fetch('http://test/compare/gpt-5-vs-gpt-4-1')).text());
    expect(page).toContain('Capability index');
    for (const { model, estimate } of cap.models) {
      expect(estimate).not.toBeNull();
      expect(page).toContain(
        `${model.name}: ${two(estimate.value)}, 95 % interval ${two(estimate.low)} to ${two(estimate.high)}`,
      );
    }
    if (cap.outcome === 'WIN') expect(page).toContain(`${cap.leader.name} is ahead on the capability index`);
    else expect(page).toContain('statistically tied');
  });
});
