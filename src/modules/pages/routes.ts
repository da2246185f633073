/** A page the service serves, from its URL. */
export type PageRoute = { page: 'compare'; models: string[] } | { page: 'model'; slug: string };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is left as it is: the API then answers that no model has that slug.
    return segment;
  }
}

/**
 * `/compare/<a>-vs-<b>[-vs-<c>...]`, `/compare?models=a,b,c` and `/models/<slug>`; undefined for any
 * other path. The slugs go to the API as they are: it says what is wrong with them (one model,
 * eleven, a repeat, an unknown slug), and the page shows that.
 */
export function routeOf(url: URL): PageRoute | undefined {
  const path = url.pathname;
  if (path === '/compare' || path === '/compare/') {
    const list = url.searchParams.get('models') ?? '';
    return {
      page: 'compare',
      models: list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  if (path.startsWith('/compare/'))
    return { page: 'compare', models: decode(path.slice('/compare/'.length)).split('-vs-') };
  if (path.startsWith('/models/') && path.length > '/models/'.length) {
    return { page: 'model', slug: decode(path.slice('/models/'.length)) };
  }
  return undefined;
}

/** The canonical path of a page: the `-vs-` form for a comparison. */
export function canonicalPath(route: PageRoute): string {
  if (route.page === 'model') return `/models/${encodeURIComponent(route.slug)}`;
  return `/compare/${route.models.map(encodeURIComponent).join('-vs-')}`;
}
