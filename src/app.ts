import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import type { Database } from './db/client.js';
import { graphiqlOptions } from './graphiql.js';
import { schema } from './schema/index.js';

/** What the app needs from outside; tests pass their own database. */
export interface AppDeps {
  db: Database;
  config?: Pick<Config, 'LOG_LEVEL'>;
  /** Fixes "today" for reproducible answers (tests); the real clock otherwise. */
  now?: () => Date;
}

/** The query GraphiQL opens with: a small comparison page. */
export const DEFAULT_QUERY = `# Welcome! This is the LLM comparison API. Press ▶ to run.
query TopModels {
  models(first: 5, orderBy: { field: CONTEXT_WINDOW, direction: DESC }) {
    totalCount
    edges {
      node {
        slug
        name
        provider { name }
        pricing { input output blended }
        contextWindow
      }
    }
  }
}
`;

/** Builds the Yoga app (no listening): schema, context per request, masked errors. */
export function createApp(deps: AppDeps): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(deps.db, deps.now?.() ?? new Date(), request.headers.get('authorization')),
    // Unexpected errors reach clients as "Unexpected error." only; GraphQLErrors we throw pass.
    maskedErrors: true,
    logging: deps.config?.LOG_LEVEL === 'silent' ? false : (deps.config?.LOG_LEVEL ?? 'info'),
    ...graphiqlOptions({ title: 'LLM comparison API', defaultQuery: DEFAULT_QUERY }),
  });
}
