import { list, plural, rank, score } from '../format.js';
import type { Comparison, VerdictEntry } from '../types.js';
import { barChart } from './chart.js';
import { html, type SafeHtml } from './html.js';
import type { Roster } from './roster.js';

const MARGINS: Record<NonNullable<Comparison['overallMargin']>, string> = {
  TIE: 'a tie',
  NARROW: 'a narrow margin',
  CLEAR: 'a clear margin',
  DECISIVE: 'a decisive margin',
};

function marginSentence(c: Comparison, roster: Roster): SafeHtml {
  const ranked = c.overall.filter((o) => o.ranked && o.rank != null).sort((a, b) => a.rank! - b.rank!);
  if (!c.overallMargin || ranked.length < 2) {
    return html`Fewer than two of these models are ranked, so there is no overall margin.`;
  }
  const [first, second] = [ranked[0]!.model, ranked[1]!.model];
  if (c.overallMargin === 'TIE') return html`${roster.link(first)} and ${roster.link(second)} are tied overall.`;
  return html`${roster.link(first)} leads ${roster.link(second)} by <b>${score(c.overallDifference)}</b> points overall:
    ${MARGINS[c.overallMargin]}.`;
}

/** Each model's overall score and rank, and the margin between the two best ranked. */
export function overallSection(c: Comparison, roster: Roster): SafeHtml {
  const cards = c.overall.map(
    (o) =>
      html`<div class="card c${roster.colour(o.model)}" data-model="${o.model.slug}">
        <p>${roster.link(o.model)}</p>
        <p class="muted">${roster.model(o.model)?.provider.name}</p>
        <p class="big">${score(o.score)}</p>
        <p class="muted">${o.rank == null ? 'unranked' : `rank ${rank(o.rank)}`}</p>
      </div>`,
  );
  return html`<section id="overall">
    <h2>Overall</h2>
    <div class="cards">${cards}</div>
    <p class="note" id="margin">
      ${marginSentence(c, roster)} Each overall score is the model's own, over all its benchmarks; categories below use
      only the benchmarks every model has.
    </p>
  </section>`;
}

const PRIORITIES: Record<VerdictEntry['priority'], string> = {
  CATEGORY: '',
  COST: 'Cost (blended price)',
  SPEED: 'Speed',
  LATENCY: 'Latency',
  CONTEXT: 'Context window',
};

function verdictOutcome(entry: VerdictEntry, roster: Roster): SafeHtml | string {
  if (entry.outcome === 'WIN' && entry.winner) return roster.labelled(entry.winner);
  return entry.outcome === 'TIE' ? 'Tie' : 'Not enough data';
}

/** Who wins each category, cost, speed, latency and context. */
export function verdictSection(c: Comparison, roster: Roster): SafeHtml {
  const entries = c.verdict.entries.map(
    (e) =>
      html`<div>
        <dt>${e.category?.name ?? PRIORITIES[e.priority]}</dt>
        <dd>${verdictOutcome(e, roster)}</dd>
      </div>`,
  );
  return html`<section id="verdict">
    <h2>Verdict</h2>
    <dl class="pairs">${entries}</dl>
  </section>`;
}

function legend(roster: Roster): SafeHtml {
  return html`<ul class="legend">
    ${roster.models.map((m) => html`<li>${roster.labelled(m)}</li>`)}
  </ul>`;
}

function categoryRow(row: Comparison['categories'][number], roster: Roster): SafeHtml {
  const cells = roster.models.map((m) => {
    const value = row.averages.find((a) => a.model.slug === m.slug)?.value;
    const win = row.leader?.slug === m.slug;
    return html`<td class="n${win ? ' win' : ''}" data-label="${m.name}">${score(value)}</td>`;
  });
  const leader = row.leader ? html`${roster.link(row.leader)} by ${score(row.difference)}` : 'Tie';
  const decisive = row.decisiveBenchmark;
  return html`<tr data-category="${row.category.slug}">
    <td class="head">${row.category.name}</td>
    ${cells}
    <td data-label="Leader" class="leader"><span>${leader}</span></td>
    <td data-label="Decisive (spread)"><span>${decisive.benchmark.name} (${score(decisive.spread)})</span></td>
  </tr>`;
}

/** Each compared category: the averages as bars and in a table, its leader and decisive benchmark. */
export function categoriesSection(c: Comparison, roster: Roster): SafeHtml {
  if (c.categories.length === 0) {
    return html`<section id="categories">
      <h2>Categories</h2>
      <p>No benchmark is common to all these models, so no category can be compared.</p>
    </section>`;
  }
  const groups = c.categories.map((row) => ({
    label: row.category.name,
    bars: roster.models.map((m) => ({
      value: row.averages.find((a) => a.model.slug === m.slug)?.value ?? null,
      colour: roster.colour(m),
      name: m.name,
    })),
  }));
  const heads = roster.models.map((m) => html`<th class="n">${m.name}</th>`);
  return html`<section id="categories">
    <h2>Category averages</h2>
    <p class="note">
      Averages (0 to 100) over the benchmarks every compared model has a score on:
      ${plural(c.categoriesCompared, 'category', 'categories')} compared.
    </p>
    ${legend(roster)}${barChart(groups, { title: 'Category averages, one bar per model' })}
    <table class="stack">
      <thead>
        <tr>
          <th>Category</th>
          ${heads}
          <th>Leader</th>
          <th>Decisive benchmark (spread)</th>
        </tr>
      </thead>
      <tbody>
        ${c.categories.map((row) => categoryRow(row, roster))}
      </tbody>
    </table>
  </section>`;
}

/** The common benchmark where the models are furthest apart. */
export function swingSection(c: Comparison, roster: Roster): SafeHtml {
  const swing = c.biggestSwing;
  const body = swing
    ? html`<p>
        <b>${swing.benchmark.name}</b> (${swing.benchmark.category.name}):
        ${list(swing.values.map((v) => `${roster.name(v.model)} ${score(v.value)}`))}, a spread of
        <b>${score(swing.spread)}</b> points on the 0 to 100 scale.
      </p>`
    : html`<p>No benchmark is common to all these models.</p>`;
  return html`<section id="swing">
    <h2>Biggest swing</h2>
    ${body}
  </section>`;
}

/** What the comparison left out: benchmarks some models have and others lack. */
export function coverageSection(c: Comparison, roster: Roster): SafeHtml {
  const gaps = c.coverage.filter((entry) => entry.missing.length > 0);
  const body =
    gaps.length === 0
      ? html`<p>Nothing left out: each model has a score on every benchmark the others have.</p>`
      : html`<p>Benchmarks left out of the category averages because a model has no score on them:</p>
          <ul class="missing">
            ${gaps.map(
              (g) =>
                html`<li>
                  ${roster.labelled(g.model)} (${plural(g.missing.length, 'benchmark')}):
                  ${list(g.missing.map((b) => b.name))}
                </li>`,
            )}
          </ul>`;
  return html`<section id="coverage">
    <h2>Coverage</h2>
    ${body}
  </section>`;
}
