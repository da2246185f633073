import type { PageDocument } from './documents.js';
import type { ApiAnswer } from './types.js';

/** How a page reaches the API: the app's own `fetch`, so the request passes every plugin a client's does. */
export interface ApiClient {
  fetch: (url: string, init: RequestInit) => Response | Promise<Response>;
  graphqlEndpoint: string;
  /** Whether the app runs trusted documents only: then the page sends the hash alone, as a client must. */
  trustedDocuments: boolean;
}

/**
 * Runs one page document by its sha256 (`extensions.persistedQuery`), exactly as a frontend would:
 * the hash alone under TRUSTED_DOCUMENTS (the server takes the text from its manifest), the text
 * with it otherwise (a server without a manifest cannot look a hash up). One request, one answer.
 */
export async function runDocument<T>(
  client: ApiClient,
  page: Request,
  document: PageDocument,
  variables: Record<string, unknown>,
): Promise<ApiAnswer<T>> {
  const body = {
    ...(client.trustedDocuments ? {} : { query: document.text }),
    operationName: document.operationName,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: document.sha256Hash } },
  };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
  };
  // The caller's request id, when it sent one, tags the GraphQL request's log line too.
  const requestId = page.headers.get('x-request-id');
  if (requestId) headers['x-request-id'] = requestId;
  const response = await client.fetch(new URL(client.graphqlEndpoint, page.url).toString(), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as ApiAnswer<T>;
  } catch {
    throw new Error(`The API answered ${response.status} with a body that is not JSON`);
  }
}
