import type { Plugin } from 'graphql-yoga';
import { runDocument, type ApiClient } from './api.js';
import { loadPageDocuments, type PageDocument, type PageDocuments } from './documents.js';
import { compareBody, compareHead } from './render/compare.js';
import { errorBody, errorHead, type PageProblem } from './render/error.js';
import type { SafeHtml } from './render/html.js';
import { layout, type PageHead } from './render/layout.js';
import { modelBody, modelHead } from './render/model.js';
import { htmlResponse } from './respond.js';
import { canonicalPath, routeOf, type PageRoute } from './routes.js';
import type { ApiAnswer, Comparison, ModelDetail } from './types.js';

export { PAGE_DOCUMENTS_DIR } from './documents.js';

/** What the pages need from the app. */
export interface PagesDeps extends ApiClient {
  /** Where a page that fails unexpectedly is reported (the app's logger). */
  logger: { error(details: object, message: string): void };
  /** The pages' documents; read from src/modules/pages/ otherwise. */
  documents?: PageDocuments;
}

/** A rendered page: its status and HTML. */
interface Rendered {
  status: number;
  html: string;
}

const STATUS_BY_CODE: Record<string, number> = { NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function problemPage(problem: PageProblem): Rendered {
  return { status: problem.status, html: layout(errorHead(problem), errorBody(problem)) };
}

/** The page for an API answer: its figures, or the API's first error as a 404, 400 or 500 page. */
function answerPage<T>(
  answer: ApiAnswer<Record<string, T | null>>,
  field: string,
  render: (data: T) => { head: PageHead; body: SafeHtml },
  missing: string,
): Rendered {
  const error = answer.errors?.[0];
  const data = answer.data?.[field];
  if (error || !data) {
    const code = error?.extensions?.code ?? (error ? undefined : 'NOT_FOUND');
    return problemPage({ status: STATUS_BY_CODE[code ?? ''] ?? 500, message: error?.message ?? missing, code });
  }
  const { head, body } = render(data);
  return { status: 200, html: layout(head, body) };
}

async function renderPage(
  deps: PagesDeps & { documents: PageDocuments },
  route: PageRoute,
  request: Request,
): Promise<Rendered> {
  const own = new URL(canonicalPath(route), request.url).toString();
  const run = <T>(document: PageDocument, variables: Record<string, unknown>) =>
    runDocument<Record<string, T | null>>(deps, request, document, variables);
  if (route.page === 'compare') {
    const document = deps.documents.compare;
    return answerPage(
      await run<Comparison>(document, { models: route.models }),
      'comparison',
      (c) => ({
        head: compareHead(c, own),
        body: compareBody(c, document.operationName),
      }),
      'The comparison is not available.',
    );
  }
  const document = deps.documents.model;
  return answerPage(
    await run<ModelDetail>(document, { slug: route.slug }),
    'model',
    (m) => ({
      head: modelHead(m, own),
      body: modelBody(m, document.operationName),
    }),
    `No model has the slug "${route.slug}"`,
  );
}

/**
 * Server-rendered HTML pages over the API: `GET /compare/<a>-vs-<b>` (2 to 10 models, also
 * `/compare?models=a,b,c`) and `GET /models/<slug>`. Each page view sends exactly one GraphQL
 * request, its page document by hash, through the app itself (trusted documents, limits, response
 * cache, logs and metrics all apply), and renders the answer with no client-side script.
 */
export function pagesPlugin(options: PagesDeps): Plugin {
  const deps = { ...options, documents: options.documents ?? loadPageDocuments() };
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const route = routeOf(url);
      if (!route) return;
      const rendered = renderPage(deps, route, request).catch((error: unknown) => {
        deps.logger.error({ err: error, path: url.pathname }, 'page failed');
        return problemPage({ status: 500, message: 'The page could not be rendered. Please try again later.' });
      });
      return rendered.then((page) => htmlResponse(fetchAPI.Response, request, page)).then(endResponse);
    },
  };
}
