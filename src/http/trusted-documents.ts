import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PAGE_DOCUMENTS_DIR } from '../modules/pages/service.js';
import { CONTRACT_DIR, TRUSTED_DOCUMENTS_MANIFEST } from '../paths.js';

/** sha256 (hex) of a document exactly as the client sends it. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/**
 * The manifest for folders of `.graphql` files: `{ sha256: document }`, sorted by hash. By default
 * the contract's operations and the documents the HTML pages send (src/modules/pages/).
 */
export function buildManifest(
  dirs: string | readonly string[] = [CONTRACT_DIR, PAGE_DOCUMENTS_DIR],
): Record<string, string> {
  const documents = [dirs].flat().flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => readFileSync(`${dir}/${f}`, 'utf8')),
  );
  return Object.fromEntries(documents.map((d) => [documentHash(d), d] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Reads a manifest, refusing one whose keys are not the hashes of their documents. */
export function loadManifest(path: string = TRUSTED_DOCUMENTS_MANIFEST): Map<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const manifest = new Map<string, string>();
  for (const [hash, document] of Object.entries(raw)) {
    if (typeof document !== 'string' || documentHash(document) !== hash) {
      throw new Error(`Trusted documents manifest ${path}: entry ${hash} is not the sha256 of its document`);
    }
    manifest.set(hash, document);
  }
  return manifest;
}

function rejection(message: string, code: string): { errors: GraphQLError[] } {
  return { errors: [new GraphQLError(message, { extensions: { code, http: { spec: true, status: 400 } } })] };
}

/**
 * Trusted documents: only operations whose sha256 is in the manifest run. A client sends either
 * the document itself (its hash is checked) or only its hash, Apollo-style, as
 * `extensions.persistedQuery.sha256Hash` (the document is taken from the manifest).
 */
export function trustedDocuments(manifest: ReadonlyMap<string, string>): Plugin {
  return {
    onParams({ params, setParams, setResult }) {
      const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
        ?.persistedQuery;
      const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
      if (typeof params.query === 'string') {
        if (!manifest.has(documentHash(params.query))) {
          setResult(
            rejection(
              'Only trusted documents are accepted, and this document is not in the manifest',
              'TRUSTED_DOCUMENT_REQUIRED',
            ),
          );
        }
      } else if (params.query == null && hash !== undefined) {
        const document = manifest.get(hash);
        if (document) {
          setParams({ ...params, query: document });
        } else {
          setResult(rejection(`No trusted document has the sha256 ${hash.slice(0, 64)}`, 'PERSISTED_QUERY_NOT_FOUND'));
          // Yoga's later parameter check would otherwise answer "Must provide query string." instead;
          // the result above is what is sent, this document never runs.
          setParams({ ...params, query: '{ __typename }' });
        }
      }
      // Anything else (no query, a query that is not a string) is left to Yoga's parameter checks.
    },
  };
}
