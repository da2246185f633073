import type { BenchmarkEntry } from '../dataset.js';
import type { SourceName } from './types.js';

/** A benchmark entry we propose, always with its URL. */
export type NewBenchmark = BenchmarkEntry & { url: string };

const percent = (slug: string, name: string, category: string, url: string, weight = 1): NewBenchmark => ({
  slug,
  name,
  category,
  unit: 'percent',
  higherIsBetter: true,
  scaleMin: 0,
  scaleMax: 100,
  weight,
  url,
});
// Composite indices count nothing twice: display-only (weight 0), in `overall`, as data/README.md says.
const index = (slug: string, name: string, url: string, scaleMax = 100): NewBenchmark => ({
  ...percent(slug, name, 'overall', url, 0),
  unit: 'score',
  scaleMax,
});

/** Benchmarks the sources measure that data/benchmarks.json lacks, in its format, sorted by slug. */
export const NEW_BENCHMARKS: readonly NewBenchmark[] = [
  index('aa-agentic-index', 'Artificial Analysis Agentic Index', 'https://artificialanalysis.ai/methodology'),
  index('aa-coding-index', 'Artificial Analysis Coding Index', 'https://artificialanalysis.ai/methodology'),
  index('aa-intelligence-index', 'Artificial Analysis Intelligence Index', 'https://artificialanalysis.ai/methodology'),
  percent('aa-lcr', 'AA-LCR (long-context reasoning)', 'long-context', 'https://artificialanalysis.ai/methodology'),
  index('aa-math-index', 'Artificial Analysis Math Index', 'https://artificialanalysis.ai/methodology'),
  index('epoch-capabilities-index', 'Epoch Capabilities Index (ECI)', 'https://epoch.ai/benchmarks', 200),
  percent('ifbench', 'IFBench', 'instruction-following', 'https://github.com/allenai/IFBench'),
  // Saturated like MATH (frontier models score 95+ on it), so display-only as MATH is.
  percent('math-level-5', 'MATH Level 5', 'math', 'https://arxiv.org/abs/2103.03874', 0),
  percent('scicode', 'SciCode', 'coding', 'https://scicode-bench.github.io/'),
  percent('tau2-bench-telecom', 'τ²-Bench Telecom', 'agentic', 'https://github.com/sierra-research/tau2-bench'),
  percent('terminal-bench-2', 'Terminal-Bench 2.0', 'agentic', 'https://www.tbench.ai/leaderboard/terminal-bench/2.0'),
  percent(
    'terminal-bench-hard',
    'Terminal-Bench Hard (Artificial Analysis subset)',
    'agentic',
    'https://www.tbench.ai/',
  ),
];

/** Each source's benchmark keys → our benchmark slugs; a key not listed is dropped and counted. */
export const BENCHMARK_KEYS: Readonly<Record<SourceName, Readonly<Record<string, string>>>> = {
  'artificial-analysis': {
    artificial_analysis_agentic_index: 'aa-agentic-index',
    artificial_analysis_coding_index: 'aa-coding-index',
    artificial_analysis_intelligence_index: 'aa-intelligence-index',
    artificial_analysis_math_index: 'aa-math-index',
    aime: 'aime-2024',
    aime_25: 'aime-2025',
    gpqa: 'gpqa',
    hle: 'humanitys-last-exam',
    ifbench: 'ifbench',
    lcr: 'aa-lcr',
    livecodebench: 'livecodebench',
    math_500: 'math-500',
    mmlu_pro: 'mmlu-pro',
    scicode: 'scicode',
    tau2: 'tau2-bench-telecom',
    terminalbench_hard: 'terminal-bench-hard',
  },
  epoch: {
    aider_polyglot_external: 'aider-polyglot',
    epoch_capabilities_index: 'epoch-capabilities-index',
    gpqa_diamond: 'gpqa',
    math_level_5: 'math-level-5',
    swe_bench_verified: 'swe-bench-verified',
    // Terminal-Bench 2.0 is a new task set; our `terminal-bench` holds 1.0 figures, which it cannot extend.
    terminalbench_external: 'terminal-bench-2',
  },
  lmarena: { text: 'lmarena-text' },
  litellm: {},
  openrouter: {},
};
