import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { DEFAULT_CONFIG, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import type { Database } from './db/client.js';
import { graphiqlOptions } from './http/graphiql.js';
import { hardening } from './http/hardening.js';
import type { Logger } from 'pino';
import type { CapabilityRefresher } from './modules/capability/service.js';
import { createLive } from './modules/live/service.js';
import { pagesPlugin } from './modules/pages/service.js';
import { schema } from './schema/index.js';

/** What the app needs from outside; tests pass their own database. */
export interface AppDeps {
  db: Database;
  /** Settings over the defaults of an empty environment (limits, logging, trusted documents, ...). */
  config?: Partial<Config>;
  /** Fixes "today" for reproducible answers (tests); the real clock otherwise. */
  now?: () => Date;
  /** Where logs go; a pino logger at config.LOG_LEVEL on stdout otherwise. */
  logger?: Logger;
  /** `db` reporting each statement to a listener (DbHandle.counted), for SQL metrics and per-request counts. */
  countedDb?: (onStatement: () => void) => Database;
  /** True while the server drains for shutdown (/ready answers 503). */
  isDraining?: () => boolean;
  /** Aborted when the server starts shutting down: open subscription streams end, so draining need not wait. */
  stopping?: AbortSignal;
  /**
   * Keeps the stored capability fits current (src/modules/capability/): every write this app announces
   * schedules a background refit, and disposing the app stops it. Without one, reads serve whatever fit is stored.
   */
  capability?: CapabilityRefresher;
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

/** The Yoga app, not listening: schema, per-request context, src/http/ hardening, response cache, live updates. */
export function createApp(deps: AppDeps): YogaServerInstance<Record<string, unknown>, Context> {
  const graphqlEndpoint = '/graphql';
  // Unexpected errors reach clients as "Unexpected error." only (logged with the request id);
  // GraphQLErrors we throw pass. See src/http/hardening.ts.
  const config = { ...DEFAULT_CONFIG, ...deps.config };
  const hardened = hardening({ ...deps, config, graphqlEndpoint });
  // Response cache and live updates (src/modules/live/): every write invalidates the cache, then notifies
  // subscribers; disposing the app (`yoga.dispose()`) closes their Redis connections.
  const now = () => deps.now?.() ?? new Date();
  const live = createLive({
    config,
    logger: hardened.logger,
    today: () => now().toISOString().slice(0, 10),
    stopping: deps.stopping,
  });
  // Writes announce on `events`: with a capability refresher, each also schedules a refit, off the request path.
  const events = deps.capability ? deps.capability.watch(live.events) : live.events;
  const refresher: Plugin = { onDispose: () => deps.capability?.stop() };
  // The HTML pages (src/modules/pages/) send their one GraphQL request through this very app, as a client would.
  const pages = pagesPlugin({
    fetch: (url, init) => yoga.fetch(url, init),
    graphqlEndpoint,
    trustedDocuments: config.TRUSTED_DOCUMENTS,
    logger: hardened.logger,
  });
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint,
    context: ({ request }) =>
      createContext(hardened.databaseFor(request), now(), request.headers.get('authorization'), events),
    ...hardened.options,
    // The cache after hardening: it keys on the document trusted documents resolved, and serves only answers
    // stored under the same limits (they are part of its key).
    // The pages last: they answer on arrival, after the watching plugins have opened the request's state.
    plugins: [...hardened.options.plugins, ...live.plugins, refresher, pages],
    ...graphiqlOptions({ title: 'LLM comparison API', defaultQuery: DEFAULT_QUERY }),
  });
  return yoga;
}
