import { html, type SafeHtml } from './html.js';
import { STYLE_ELEMENT, STYLES_CSP_SOURCE } from './styles.js';

/** What a page says about itself to browsers, crawlers and link previews. */
export interface PageHead {
  title: string;
  /** The Open Graph and meta description. */
  description: string;
  /** The page's own absolute URL (Open Graph `og:url`, canonical link); none for error pages. */
  url?: string;
}

/**
 * The pages' Content-Security-Policy: nothing from anywhere (no script at all), but the inline
 * stylesheet by its hash, and the empty favicon as a data URL.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src ${STYLES_CSP_SOURCE}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Longest description kept: link previews cut longer ones anyway. */
const DESCRIPTION_MAX = 300;

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number = DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[,;:.]$/, '')}…`;
}

/**
 * A whole HTML document: head (title, description, Open Graph), the site bar, and `body` as its main.
 * The templates' indentation goes (a newline stays, so words and inline elements keep their spaces).
 */
export function layout(head: PageHead, body: SafeHtml): string {
  const description = clip(head.description);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${head.title}</title>
        <meta name="description" content="${description}" />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content="LLM comparison" />
        <meta property="og:title" content="${head.title}" />
        <meta property="og:description" content="${description}" />
        ${
          head.url
            ? html`<meta property="og:url" content="${head.url}" />
                <link rel="canonical" href="${head.url}" /> `
            : ''
        }
        <meta name="twitter:card" content="summary" />
        <link rel="icon" href="data:," />
        ${STYLE_ELEMENT}
      </head>
      <body>
        <header class="site"><a href="/graphql">LLM comparison</a></header>
        <main>${body}</main>
      </body>
    </html> `.value.replace(/\n\s+/g, '\n');
}
