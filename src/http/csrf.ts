import type { Plugin } from 'graphql-yoga';

/** Headers a browser cannot add to a cross-site request without a CORS preflight. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'] as const;

/** Content types an HTML form or a "simple" cross-site fetch can send without a preflight. */
const SIMPLE_CONTENT_TYPES = new Set(['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

const REFUSAL = JSON.stringify({
  errors: [
    {
      message:
        'CSRF protection: send a POST with content-type application/json, ' +
        `or add the ${CSRF_HEADERS[0]} header (any value)`,
      extensions: { code: 'CSRF_PREVENTED' },
    },
  ],
});

/**
 * CSRF prevention: a GraphQL request must either have a non-simple content type (a POST with
 * application/json or application/graphql) or carry one of CSRF_HEADERS; so a GET needs the
 * header. Any cross-site attempt then needs a CORS preflight, which this API does not grant to
 * credentials. GraphiQL (the HTML page on GET) is served before this check and posts JSON.
 *
 * Not Yoga's useCSRFPrevention (@graphql-yoga/plugin-csrf-prevention 3.24.1): its refusal has no
 * `extensions.code` (clients and tests match on CSRF_PREVENTED), and it lets a GET through
 * without the header when the GET declares a non-simple content type.
 */
export function csrfPrevention(): Plugin {
  return {
    onRequestParse({ request, endResponse, fetchAPI }) {
      const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const simple = request.method === 'GET' || request.method === 'HEAD' || SIMPLE_CONTENT_TYPES.has(contentType);
      if (!simple || CSRF_HEADERS.some((h) => request.headers.has(h))) return;
      endResponse(
        new fetchAPI.Response(REFUSAL, {
          status: 403,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    },
  };
}
