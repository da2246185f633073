import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The arrows rule's messages for a scratch file at `path` (never written to disk). */
async function arrows(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/arrows').map((m) => m.message);
}

describe('lint enforces the arrows between the folders of src/', () => {
  it('refuses domain importing a package or another folder', async () => {
    expect(await arrows('src/domain/scratch.ts', "import { sql } from 'drizzle-orm';\nvoid sql;\n")).toEqual([
      'src/domain imports no package (drizzle-orm): drizzle-orm',
    ]);
    expect(await arrows('src/domain/profile/scratch.ts', "import { x } from '../../db/client.js';\nvoid x;\n")).toEqual(
      ['src/domain imports nothing outside src/domain: ../../db/client.js'],
    );
    expect(
      await arrows('src/domain/profile/scratch.ts', "import { x } from '../scoring/equality.js';\nvoid x;\n"),
    ).toEqual([]);
  });

  it('refuses db importing a module, or domain logic', async () => {
    expect(await arrows('src/db/scratch.ts', "import { x } from '../modules/models/service.js';\nvoid x;\n")).toEqual([
      'src/db imports no module: ../modules/models/service.js',
    ]);
    expect(
      await arrows('src/db/scratch.ts', "import { tenths } from '../domain/scoring/equality.js';\nvoid tenths;\n"),
    ).toEqual(['src/db imports only types from src/domain: ../domain/scoring/equality.js']);
    expect(
      await arrows('src/db/scratch.ts', "import type { Lane } from '../domain/scoring/types.js';\nlet l: Lane;\n"),
    ).toEqual([]);
  });

  it('lets a module reach another only through its service or types', async () => {
    const from = 'src/modules/comparison/scratch.ts';
    expect(await arrows(from, "import { x } from '../models/queries/model-scores.js';\nvoid x;\n")).toEqual([
      'modules/comparison reaches modules/models only through its service.ts or types/: ../models/queries/model-scores.js',
    ]);
    expect(await arrows(from, "import { x } from '../models/service.js';\nvoid x;\n")).toEqual([]);
    expect(await arrows(from, "import { Model } from '../models/types/model.js';\nvoid Model;\n")).toEqual([]);
  });

  it('lets only the app import http, and nothing import cli', async () => {
    expect(await arrows('src/modules/live/scratch.ts', "import { x } from '../../http/logger.js';\nvoid x;\n")).toEqual(
      ['only the app (src/app.ts, src/server.ts) imports src/http: ../../http/logger.js'],
    );
    expect(await arrows('src/app-scratch.ts', "import { x } from './cli/import.js';\nvoid x;\n")).toEqual([
      'nothing imports src/cli: ./cli/import.js',
    ]);
  });
});

describe('the rest of src/ reaches modules through their services too', () => {
  it('refuses the server reaching into a module, and lets the context build loaders', async () => {
    expect(await arrows('src/server.ts', "import { x } from './modules/ingestion/write.js';\nvoid x;\n")).toEqual([
      'src/server.ts reaches modules/ingestion only through its service.ts or types/: ./modules/ingestion/write.js',
    ]);
    expect(await arrows('src/context.ts', "import { x } from './modules/models/loaders.js';\nvoid x;\n")).toEqual([]);
  });
});
