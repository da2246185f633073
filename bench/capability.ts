/**
 * Times the capability index (METHODOLOGY §6) on the bundled data/ folder and on a synthetic
 * 10,000 models × 300 benchmarks generated in memory, and records the run in bench/RESULTS.md.
 *
 *   node --import tsx bench/capability.ts
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { capabilityEstimates } from '../src/domain/capability/estimates.js';
import { fitCapability } from '../src/domain/capability/fit.js';
import { type HeldOutCheck, heldOutCheck } from '../src/domain/capability/held-out.js';
import { observationPool } from '../src/domain/capability/observations.js';
import { participate } from '../src/domain/capability/participation.js';
import { denormalize } from '../src/domain/capability/predict.js';
import { mulberry32 } from '../src/domain/capability/prng.js';
import { rankCapabilities } from '../src/domain/capability/ranking.js';
import type { CapabilityCatalog } from '../src/domain/capability/types.js';
import type { ScoreFacts } from '../src/domain/scoring/types.js';
import { readJsonDataset } from '../test/unit/fixtures/dataset-json.js';
import { machine, writeSection } from './results.js';

const MODELS = 10_000;
const BENCHMARKS = 300;
/** Share of (model, benchmark) cells with a score: vendors report most, never all. */
const FILL = 0.83;
const SEED = 2026;
const NOISE = 0.03;
const CATEGORIES = ['agentic', 'coding', 'reasoning', 'multimodal', 'knowledge', 'multilingual', 'math'];
/** Composite indices scored on top of the 300 benchmarks, in an `overall` category: the fit must leave them out. */
const COMPOSITES = 2;

interface Run {
  name: string;
  models: number;
  benchmarks: number;
  scores: number;
  prepare: Timing;
  fit: Timing;
  rounds: number;
  objective: number;
  heldOut: Timing;
  check: HeldOutCheck;
  top: string;
}

/** Wall-clock and CPU milliseconds of one phase: CPU time is what the phase costs when it has a core to itself. */
interface Timing {
  wall: number;
  cpu: number;
}

/** Times a call, with its result. */
function timed<T>(run: () => T): [T, Timing] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return [result, { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }];
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * 10,000 models × 300 benchmarks drawn from the model itself: θ ~ N(0, 1), d ~ N(0, 1.2²),
 * ln a ~ N(0, 0.3²), y = σ(a(θ − d)) + N(0, 0.03²) clipped to [0, 1]. Every tenth benchmark is
 * lower-is-better, every seventh an Elo-like 1000..1500 scale, every eleventh display-only, and the
 * 'overall' category's composites are scored too (the fit must leave them out).
 */
function synthetic(): { catalog: CapabilityCatalog; scores: ScoreFacts[] } {
  const random = mulberry32(SEED);
  const categories = CATEGORIES.map((slug, i) => ({ id: i + 1, slug, name: slug, weight: 5 }));
  categories.push({ id: CATEGORIES.length + 1, slug: 'overall', name: 'overall', weight: 0 });
  const benchmarks = Array.from({ length: BENCHMARKS + COMPOSITES }, (_, b) => ({
    id: b + 1,
    slug: `benchmark-${b + 1}`,
    name: `Benchmark ${b + 1}`,
    categoryId: b < BENCHMARKS ? 1 + (b % CATEGORIES.length) : CATEGORIES.length + 1,
    higherIsBetter: b % 10 !== 0,
    scaleMin: b % 7 === 0 ? 1000 : 0,
    scaleMax: b % 7 === 0 ? 1500 : 100,
    weight: b % 11 === 0 ? 0 : 1,
  }));
  const theta = Array.from({ length: MODELS }, () => normal(random));
  const difficulty = benchmarks.map(() => 1.2 * normal(random));
  const slope = benchmarks.map(() => Math.exp(0.3 * normal(random)));
  const scores: ScoreFacts[] = [];
  for (let m = 0; m < MODELS; m++) {
    for (let b = 0; b < BENCHMARKS + COMPOSITES; b++) {
      if (random() >= FILL) continue;
      const p = 1 / (1 + Math.exp(-slope[b]! * (theta[m]! - difficulty[b]!)));
      const y = Math.min(1, Math.max(0, p + NOISE * normal(random)));
      const id = scores.length + 1;
      scores.push({
        id,
        modelId: m + 1,
        benchmarkId: b + 1,
        value: denormalize(y, benchmarks[b]!),
        provenance: id % 2 === 0 ? 'INDEPENDENT' : 'SELF_REPORTED',
        measuredOn: null,
        recordedAt: id,
      });
    }
  }
  return { catalog: { categories, benchmarks }, scores };
}

/** Prepares, fits and checks one dataset in the PROVISIONAL lane. */
function measure(
  name: string,
  catalog: CapabilityCatalog,
  scores: readonly ScoreFacts[],
  slugOf: (id: number) => string,
): Run {
  const [[pool, data], prepare] = timed(() => {
    const observations = observationPool(catalog, scores, 'PROVISIONAL');
    return [observations, participate(observations)] as const;
  });
  const [fit, fitTiming] = timed(() => fitCapability(data));
  const [check, heldOut] = timed(() => heldOutCheck(pool));
  const top = rankCapabilities(capabilityEstimates(fit))
    .slice(0, 3)
    .map((r) => `${slugOf(r.modelId)} (${r.theta.toFixed(3)})`)
    .join(', ');
  const run: Run = {
    name,
    models: data.modelIds.length,
    benchmarks: data.benchmarks.length,
    scores: data.byModelY.length,
    prepare,
    fit: fitTiming,
    rounds: fit.rounds,
    objective: fit.objective,
    heldOut,
    check,
    top,
  };
  console.log(run);
  return run;
}

const COLUMNS = [
  'dataset',
  'models',
  'benchmarks',
  'scores in fit',
  'prepare s (CPU s)',
  'fit s (CPU s)',
  'rounds',
  'objective',
  'held-out s (CPU s)',
  'fit RMSE',
  'baseline RMSE',
  'fit below baseline',
  'evaluated / out of fit / without baseline',
];
const TABLE_HEAD = `| ${COLUMNS.join(' | ')} |\n|${' --- |'.repeat(COLUMNS.length)}`;

/** One line of the results table. */
function row(run: Run): string {
  const { check } = run;
  const rmse = (value: number | null): string => (value === null ? '–' : value.toFixed(4));
  const drop = check.fitRmse !== null && check.baselineRmse ? 1 - check.fitRmse / check.baselineRmse : Number.NaN;
  const seconds = (timing: Timing): string => `${(timing.wall / 1000).toFixed(2)} (${(timing.cpu / 1000).toFixed(2)})`;
  return (
    `| ${run.name} | ${run.models} | ${run.benchmarks} | ${run.scores} | ${seconds(run.prepare)} | ` +
    `${seconds(run.fit)} | ${run.rounds} | ${run.objective.toFixed(4)} | ${seconds(run.heldOut)} | ` +
    `${rmse(check.fitRmse)} | ${rmse(check.baselineRmse)} | ${(100 * drop).toFixed(0)} % | ` +
    `${check.evaluated} / ${check.outOfFit} / ${check.withoutBaseline} |`
  );
}

const bundled = readJsonDataset(fileURLToPath(new URL('../data', import.meta.url)));
const slugs = new Map(bundled.models.map((m) => [m.id, m.slug]));
const runs = [measure('bundled data/', bundled.catalog, bundled.scores, (id) => slugs.get(id) ?? String(id))];
const generated = synthetic();
console.log(`synthetic: ${generated.scores.length} scores generated`);
runs.push(measure(`synthetic ${MODELS} × ${BENCHMARKS}`, generated.catalog, generated.scores, (id) => `model-${id}`));

const date = new Date().toISOString().slice(0, 10);
const load = loadavg()
  .map((value) => value.toFixed(1))
  .join(' / ');
writeSection(
  `Capability index (${date})`,
  `
Command: \`node --import tsx bench/capability.ts\`. Machine: ${machine()}. Date: ${date}.
Load average when it finished: ${load} (1 / 5 / 15 min). Other work may share the cores, so each time is given as
wall-clock seconds with the process's CPU seconds in brackets; the fit runs on one thread.

PROVISIONAL lane, one run each, cold start (θ = 0, d = logit(1 − ȳ), a = 1), stopping rule of METHODOLOGY §6
(relative change of the objective below 1e-10, at most 500 rounds). *Prepare* is effective scores → observations →
participation; *held-out* is the whole 5-fold check (5 more fits, cold, participation re-applied per fold). RMSEs are on
the 0..1 y scale, over the same held-out scores for both: *evaluated / out of fit / without baseline*.

${TABLE_HEAD}
${runs.map(row).join('\n')}

Synthetic data: seed ${SEED}, ${(100 * FILL).toFixed(0)} % of the cells filled at random (${generated.scores.length} scores,
composites included), values drawn from the model itself with noise N(0, ${NOISE}²), so the fit's RMSE should sit near
${NOISE}. Top 3 on the bundled data: ${runs[0]!.top}.
`,
);
