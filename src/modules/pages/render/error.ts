import { html, type SafeHtml } from './html.js';
import type { PageHead } from './layout.js';

/** What went wrong, as the page tells it: the HTTP status, the API's message and its code. */
export interface PageProblem {
  status: number;
  message: string;
  code?: string;
}

const HEADINGS: Record<number, string> = {
  400: 'These models cannot be compared',
  404: 'Not found',
};

/** An error page's head. */
export function errorHead(problem: PageProblem): PageHead {
  const title = HEADINGS[problem.status] ?? 'Something went wrong';
  return { title: `${title} · LLM comparison`, description: problem.message };
}

/** An error page's content: the API's message, and how the addresses work. */
export function errorBody(problem: PageProblem): SafeHtml {
  return html`<h1>${HEADINGS[problem.status] ?? 'Something went wrong'}</h1>
    <section id="problem">
      <p class="lead" id="message">${problem.message}</p>
      ${problem.code ? html`<p class="note">The API answered <code>${problem.code}</code>.</p>` : ''}
    </section>
    <section>
      <h2>Addresses</h2>
      <ul>
        <li>
          <a href="/compare/gpt-4-1-vs-gpt-4-1-mini"><code>/compare/gpt-4-1-vs-gpt-4-1-mini</code></a
          >: two models side by side (2 to 10: <code>a-vs-b-vs-c</code>).
        </li>
        <li>
          <a href="/compare?models=gpt-4-1,gpt-4-1-mini,o3-mini"
            ><code>/compare?models=gpt-4-1,gpt-4-1-mini,o3-mini</code></a
          >: the same with a list.
        </li>
        <li>
          <a href="/models/gpt-4-1"><code>/models/gpt-4-1</code></a
          >: one model's profile, scores and prices.
        </li>
      </ul>
      <p class="note">
        Slugs are the names in lower case with dots and spaces as hyphens. The <a href="/graphql">GraphQL API</a> lists
        them: <code>{ models(first: 100) { edges { node { slug } } } }</code>.
      </p>
    </section>`;
}
