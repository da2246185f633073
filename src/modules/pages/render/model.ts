import { fixed, plural, rank, score, seconds, speed, tokens, usd } from '../format.js';
import type { ModelDetail, ModelScore } from '../types.js';
import { barChart } from './chart.js';
import { html, type Part, type SafeHtml } from './html.js';
import type { PageHead } from './layout.js';

/** Label and value pairs, as a definition list. */
export function pairs(items: ReadonlyArray<readonly [string, Part]>): SafeHtml {
  return html`<dl class="pairs">
    ${items.map(
      ([label, value]) =>
        html`<div>
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

/** The model page's head. */
export function modelHead(m: ModelDetail, url: string): PageHead {
  const p = m.profile;
  const prices = m.pricing ? `${usd(m.pricing.input)} / ${usd(m.pricing.output)} per million tokens` : 'no price';
  return {
    title: `${m.name}: benchmarks, prices and speed`,
    description:
      `${m.name} by ${m.provider.name}: ${score(p.overall)} overall (rank ${rank(p.rank)}), ` +
      `${prices}, ${tokens(m.contextWindow)} context.`,
    url,
  };
}

function value(s: ModelScore): string {
  if (s.benchmark.unit === 'percent') return `${fixed(s.value, 1)}%`;
  return s.benchmark.unit === 'elo' ? fixed(s.value, 0) : fixed(s.value, 1);
}

function categoriesSection(m: ModelDetail): SafeHtml {
  const categories = m.profile.categories;
  if (categories.length === 0)
    return html`<section id="categories">
      <h2>Scores by category</h2>
      <p>No score yet.</p>
    </section>`;
  const chart = barChart(
    categories.map((c) => ({ label: c.category.name, bars: [{ value: c.score, colour: 0, name: m.name }] })),
    { title: `${m.name}: score by category` },
  );
  const rows = categories.map(
    (c) =>
      html`<tr data-category="${c.category.slug}">
        <td class="head">${c.category.name}</td>
        <td class="n" data-label="Score">${score(c.score)}</td>
        <td class="n" data-label="Rank">${rank(c.rank)}</td>
      </tr>`,
  );
  return html`<section id="categories">
    <h2>Scores by category</h2>
    ${chart}
    <table class="stack">
      <thead>
        <tr>
          <th>Category</th>
          <th class="n">Score</th>
          <th class="n">Rank</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function scoresSection(m: ModelDetail): SafeHtml {
  const order = new Map(m.profile.categories.map((c, i) => [c.category.slug, i]));
  const names = new Map(m.profile.categories.map((c) => [c.category.slug, c.category.name]));
  const at = (s: ModelScore) => order.get(s.benchmark.category.slug) ?? order.size;
  const sorted = [...m.scores].sort((a, b) => at(a) - at(b) || a.benchmark.name.localeCompare(b.benchmark.name));
  const rows = sorted.map(
    (s) =>
      html`<tr>
        <td class="head">${s.benchmark.name}</td>
        <td data-label="Category">${names.get(s.benchmark.category.slug) ?? s.benchmark.category.slug}</td>
        <td class="n" data-label="Value">${value(s)}</td>
        <td data-label="Source">${s.provenance === 'INDEPENDENT' ? 'independent' : 'self-reported'}</td>
      </tr>`,
  );
  return html`<section id="scores">
    <h2>Benchmark scores</h2>
    <table class="stack">
      <thead>
        <tr>
          <th>Benchmark</th>
          <th>Category</th>
          <th class="n">Value</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function siblings(m: ModelDetail): SafeHtml {
  const others = (m.family?.models ?? []).filter((o) => o.slug !== m.slug);
  if (others.length === 0) return html``;
  const links = others.map(
    (o) =>
      html`<li>
        <a href="/compare/${encodeURIComponent(m.slug)}-vs-${encodeURIComponent(o.slug)}">${m.name} vs ${o.name}</a>
      </li>`,
  );
  return html`<section id="compare">
    <h2>Compare within the ${m.family!.name} family</h2>
    <ul>
      ${links}
    </ul>
  </section>`;
}

/** The model page's main content: profile, scores by category, prices, speed, and every benchmark score. */
export function modelBody(m: ModelDetail, operation: string): SafeHtml {
  const p = m.profile;
  const pr = m.pricing;
  const kicker = [
    m.provider.name,
    m.family ? `${m.family.name} family` : null,
    m.releaseDate && `released ${m.releaseDate}`,
  ];
  return html`<p class="kicker">
      ${kicker.filter(Boolean).join(' · ')} · ${m.openWeights ? 'open weights' : 'closed weights'}
    </p>
    <h1>${m.name}</h1>
    <section id="profile">
      <h2>Profile</h2>
      ${pairs([
        ['Overall', html`<b>${score(p.overall)}</b>`],
        ['Rank', p.ranked ? rank(p.rank) : 'unranked (too few scores)'],
        ['Confidence', p.confidence.toLowerCase()],
        ['Evidence', `${plural(p.categoryCount, 'category', 'categories')}, ${plural(p.benchmarkCount, 'benchmark')}`],
      ])}
    </section>
    ${categoriesSection(m)}
    <section id="prices">
      <h2>Prices</h2>
      ${pairs([
        ['Input', usd(pr?.input)],
        ['Output', usd(pr?.output)],
        ['Cached input', usd(pr?.cachedInput)],
        ['Blended', usd(pr?.blended)],
      ])}
      <p class="note">USD per million tokens; blended is (3 × input + output) / 4.</p>
    </section>
    <section id="speed">
      <h2>Speed and context</h2>
      ${pairs([
        ['Output speed', speed(m.outputTokensPerSecond)],
        ['Latency (first token)', seconds(m.timeToFirstTokenSeconds)],
        ['Context window', tokens(m.contextWindow)],
        ['Longest output', tokens(m.maxOutputTokens)],
      ])}
    </section>
    ${siblings(m)} ${scoresSection(m)}
    <footer>
      This page is one request to the <a href="/graphql">GraphQL API</a>: the trusted document ${operation}.
    </footer>`;
}
