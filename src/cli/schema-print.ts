import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE } from '../paths.js';
import { printSchemaSdl } from '../schema/sdl.js';

writeFileSync(SCHEMA_FILE, printSchemaSdl());
console.log(`Wrote ${SCHEMA_FILE}`);
