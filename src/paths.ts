import { fileURLToPath } from 'node:url';

// src/ and dist/ sit at the same depth, so these resolve alike under tsx and in the built server.
const at = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The project root (a trailing slash included). */
export const ROOT = at('');
/** The dataset folder shipped with the service. */
export const BUNDLED_DATA_DIR = at('data');
/** The committed migrations. */
export const MIGRATIONS_DIR = at('drizzle');
/** The client operations GraphiQL ships and the trusted-documents manifest is built from. */
export const CONTRACT_DIR = at('contract/');
/** The committed trusted-documents manifest (`npm run documents:manifest`). */
export const TRUSTED_DOCUMENTS_MANIFEST = at('trusted-documents.json');
/** The committed schema (`npm run schema:print`). */
export const SCHEMA_FILE = at('schema.graphql');
