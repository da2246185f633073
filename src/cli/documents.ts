import { writeFileSync } from 'node:fs';
import { buildManifest } from '../http/trusted-documents.js';
import { TRUSTED_DOCUMENTS_MANIFEST } from '../paths.js';

// The contract's operations and the HTML pages' documents (buildManifest's default folders).
const manifest = buildManifest();
writeFileSync(TRUSTED_DOCUMENTS_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${Object.keys(manifest).length} trusted documents to ${TRUSTED_DOCUMENTS_MANIFEST}`);
