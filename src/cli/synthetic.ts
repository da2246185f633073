import { parseArgs } from 'node:util';
import { databaseTarget, loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { generateSynthetic } from '../modules/ingestion/service.js';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: '10000' },
    benchmarks: { type: 'string', default: '300' },
    categories: { type: 'string', default: '10' },
  },
});
const options = {
  models: Number(values.models),
  benchmarks: Number(values.benchmarks),
  categories: Number(values.categories),
};
if (!Object.values(options).every((n) => Number.isInteger(n) && n > 0)) {
  console.error('Usage: npm run data:synthetic -- --models N --benchmarks N [--categories N]');
  process.exit(2);
}
const handle = await createDb(databaseTarget(loadConfig()));
try {
  await migrate(handle);
  const started = Date.now();
  const result = await generateSynthetic(handle.db, options);
  console.log(
    `Generated ${result.models} models and ${result.scores} scores in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(`Synthetic data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
