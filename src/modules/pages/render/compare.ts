import { score } from '../format.js';
import type { Comparison } from '../types.js';
import { capabilitySection } from './capability.js';
import { pricesSection, speedSection } from './compare-facts.js';
import { categoriesSection, coverageSection, overallSection, swingSection, verdictSection } from './compare-scores.js';
import { html, type SafeHtml } from './html.js';
import type { PageHead } from './layout.js';
import { Roster } from './roster.js';

function relationship(c: Comparison): string {
  const providers = [...new Set(c.models.map((m) => m.provider.name))];
  if (c.relationship === 'SIBLINGS') {
    return `Siblings in one family: ${c.models[0]?.family?.name ?? 'one family'} by ${providers[0]}`;
  }
  if (c.relationship === 'SAME_PROVIDER') return `One provider, ${providers[0]}, different families`;
  return `From ${providers.length} providers: ${providers.join(', ')}`;
}

/** The compare page's head: its title and the description link previews show ("59.8 vs 51.7 overall"). */
export function compareHead(c: Comparison, url: string): PageHead {
  const roster = new Roster(c.models);
  const overall = c.models.map((m) => score(c.overall.find((o) => o.model.slug === m.slug)?.score));
  return {
    title: `${roster.title()}: benchmarks, prices and speed compared`,
    description: `${roster.title()}: ${overall.join(' vs ')} overall. ${c.verdict.summary}`,
    url,
  };
}

/** The compare page's main content: every figure of the comparison, top to bottom. */
export function compareBody(c: Comparison, operation: string): SafeHtml {
  const roster = new Roster(c.models);
  const names = c.models.map((m, i) => html`${i > 0 ? html` <span class="vs">vs</span> ` : ''}${m.name}`);
  return html`<p class="kicker" id="relationship">${relationship(c)}</p>
    <h1>${names}</h1>
    <p class="lead" id="summary">${c.verdict.summary}</p>
    ${overallSection(c, roster)} ${categoriesSection(c, roster)} ${verdictSection(c, roster)} ${swingSection(c, roster)}
    ${pricesSection(c, roster)} ${speedSection(c, roster)} ${coverageSection(c, roster)} ${capabilitySection(c, roster)}
    <footer>
      Scores from the ${c.lane.toLowerCase()} lane, methodology ${c.methodologyVersion}. This page is one request to the
      <a href="/graphql">GraphQL API</a>: the trusted document ${operation}.
    </footer>`;
}
