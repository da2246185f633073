import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql: Pothos loads its CommonJS build, so the tests must too.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    // PGlite takes ~1 GB per instance: a database per test file, at most two files at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
