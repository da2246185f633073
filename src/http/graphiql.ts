import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { GraphiQLOptions } from 'graphql-yoga';
import { CONTRACT_DIR } from '../paths.js';

/** One GraphiQL tab: a document with its variables. */
export type GraphiQLTab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/** Tab order and variables that make each contract operation run as opened on the bundled dataset. */
const EXAMPLES: ReadonlyArray<readonly [file: string, variables: Record<string, unknown>]> = [
  ['compare-page.graphql', { models: ['gpt-4-1', 'gpt-4-1-mini'] }],
  ['model-page.graphql', { slug: 'gpt-4-1' }],
  ['leaderboard.graphql', { first: 10 }],
  ['category-leaders.graphql', {}],
  ['workload-cost.graphql', { models: ['gpt-4-1', 'gpt-4-1-mini'], inputTokens: 50_000_000, outputTokens: 10_000_000 }],
  [
    'entities.graphql',
    {
      representations: [
        { __typename: 'Model', slug: 'gpt-4-1' },
        { __typename: 'Benchmark', slug: 'mmlu-pro' },
      ],
    },
  ],
];

/** The contract operations as GraphiQL tabs: the known ones in EXAMPLES order, then any newer file by name. */
export function loadExampleTabs(dir: string = CONTRACT_DIR): GraphiQLTab[] {
  // A deployment that ships without the contract folder still serves GraphiQL, just without examples.
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  const known = new Map(EXAMPLES);
  const ordered = [
    ...EXAMPLES.map(([f]) => f).filter((f) => files.includes(f)),
    ...files.filter((f) => !known.has(f)).sort(),
  ];
  return ordered.map((file) => ({
    query: readFileSync(`${dir}/${file}`, 'utf8'),
    variables: JSON.stringify(known.get(file) ?? {}, null, 2),
  }));
}

let rendered: { key: string; html: Promise<string> } | undefined;

/**
 * GraphiQL's page with its scripts, styles and editor workers inlined (about 9 MB), so it works with
 * no network; Yoga's own page loads them from a CDN. Imported on first use and kept per options.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  if (rendered?.key !== key) {
    rendered = { key, html: import('@graphql-yoga/render-graphiql').then((m) => m.renderGraphiQL(options)) };
  }
  return rendered.html;
}

/** Yoga's GraphiQL options: the default document first, the contract operations as further tabs, served offline. */
export function graphiqlOptions(base: { title: string; defaultQuery: string }): {
  graphiql: GraphiQLOptions;
  renderGraphiQL: (options: GraphiQLOptions) => Promise<string>;
} {
  return {
    graphiql: { ...base, defaultTabs: [{ query: base.defaultQuery }, ...loadExampleTabs()] },
    renderGraphiQL: renderOfflineGraphiQL,
  };
}
