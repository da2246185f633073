import { writeFileSync } from 'node:fs';
import { buildManifest } from '../http/trusted-documents.js';
import { CONTRACT_DIR, TRUSTED_DOCUMENTS_MANIFEST } from '../paths.js';

const manifest = buildManifest(CONTRACT_DIR);
writeFileSync(TRUSTED_DOCUMENTS_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${Object.keys(manifest).length} trusted documents to ${TRUSTED_DOCUMENTS_MANIFEST}`);
