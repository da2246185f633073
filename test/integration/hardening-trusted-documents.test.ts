import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client.js';
import { buildManifest, documentHash, loadManifest } from '../../src/http/trusted-documents.js';
import { TRUSTED_DOCUMENTS_MANIFEST as DEFAULT_MANIFEST } from '../../src/paths.js';
import { createTestDb } from '../helpers/db.js';
import { insertSynthetic } from '../helpers/factories.js';
import { hardenedApp, ROOT, type HardenedApp } from '../helpers/http.js';

const COMPARE_PAGE = readFileSync(`${ROOT}contract/compare-page.graphql`, 'utf8');
const PAIR = { models: ['model-00000', 'model-00001'] };

describe('trusted documents manifest', () => {
  it('is up to date with contract (run `npm run documents:manifest`)', () => {
    expect(JSON.parse(readFileSync(DEFAULT_MANIFEST, 'utf8'))).toEqual(buildManifest());
  });

  it('holds every contract operation under its sha256', () => {
    const manifest = loadManifest();
    expect(manifest.get(documentHash(COMPARE_PAGE))).toBe(COMPARE_PAGE);
    expect(manifest.size).toBeGreaterThanOrEqual(6);
  });
});

describe('trusted documents mode', () => {
  let handle: DbHandle;
  let trusted: HardenedApp;
  let open: HardenedApp;
  beforeAll(async () => {
    handle = await createTestDb();
    await insertSynthetic(handle.db, { models: 3, benchmarks: 4 });
    trusted = hardenedApp(handle, { TRUSTED_DOCUMENTS: true });
    open = hardenedApp(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('accepts a contract operation sent in full', async () => {
    const reply = await trusted.send(COMPARE_PAGE, { variables: PAIR });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.comparison.models.map((m: any) => m.slug)).toEqual(PAIR.models);
  });

  it('accepts a contract operation sent as its hash only', async () => {
    const reply = await trusted.send(undefined, {
      variables: PAIR,
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(COMPARE_PAGE) } },
    });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.comparison.models).toHaveLength(2);
  });

  it.each([
    ['application/graphql-response+json', 400],
    ['application/json', 200],
  ] as const)('rejects any other document before any SQL (Accept: %s → %i)', async (accept, status) => {
    const reply = await trusted.send('{ categories { slug } }', { accept });
    expect(reply.status).toBe(status);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(reply.statements).toBe(0);
  });

  it('rejects a contract operation changed by one character', async () => {
    const reply = await trusted.send(COMPARE_PAGE.replace('lane\n', 'lane \n'), { variables: PAIR });
    expect(reply.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(reply.statements).toBe(0);
  });

  it('rejects an unknown hash', async () => {
    const reply = await trusted.send(undefined, {
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash('{ categories { slug } }') } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(reply.statements).toBe(0);
  });

  it('is off by default: any valid operation runs', async () => {
    const reply = await open.send('{ categories { slug } }');
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.categories).toHaveLength(3);
  });
});
