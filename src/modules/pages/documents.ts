import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ROOT } from '../../paths.js';

/**
 * Where the pages' GraphQL documents live: beside this module in src/, read from there by the built
 * server too (dist/ holds no .graphql files; the image ships src/).
 */
export const PAGE_DOCUMENTS_DIR = `${ROOT}src/modules/pages/`;

/** One page's GraphQL document, as a client would send it: its text, operation name and sha256. */
export interface PageDocument {
  operationName: string;
  text: string;
  sha256Hash: string;
}

/** Reads a page document; its operation name is the first `query <Name>` of the file. */
export function readPageDocument(file: string, dir: string = PAGE_DOCUMENTS_DIR): PageDocument {
  const text = readFileSync(`${dir}${file}`, 'utf8');
  const operationName = /^query\s+(\w+)/m.exec(text)?.[1];
  if (!operationName) throw new Error(`${dir}${file} holds no named query`);
  return { operationName, text, sha256Hash: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The documents the pages send: read once, when the app is built. */
export interface PageDocuments {
  compare: PageDocument;
  model: PageDocument;
}

/** Loads both page documents. */
export function loadPageDocuments(dir: string = PAGE_DOCUMENTS_DIR): PageDocuments {
  return { compare: readPageDocument('compare-page.graphql', dir), model: readPageDocument('model-page.graphql', dir) };
}
