import { writeFileSync } from 'node:fs';
import { buildManifest, CONTRACT_OPERATIONS, DEFAULT_MANIFEST } from './trusted-documents.js';

const manifest = buildManifest(CONTRACT_OPERATIONS);
writeFileSync(DEFAULT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${Object.keys(manifest).length} trusted documents to ${DEFAULT_MANIFEST}`);
