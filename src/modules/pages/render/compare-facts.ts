import { ratio, seconds, speed, tokens, usd } from '../format.js';
import type { Comparison, PageModel } from '../types.js';
import { html, type SafeHtml } from './html.js';
import type { Roster } from './roster.js';

function pricesSentence(c: Comparison, roster: Roster): SafeHtml {
  const { cheapest, inputRatio, outputRatio, blendedRatio } = c.prices;
  if (!cheapest) return html`No cheapest model: fewer than two of these models have prices, or they tie.`;
  const two = roster.models.length === 2;
  return html`${roster.link(cheapest)} is the ${two ? 'cheaper' : 'cheapest'}.
    ${two ? 'The other costs' : 'The most expensive costs'} <b id="output-ratio">${ratio(outputRatio)} on output</b>,
    ${ratio(inputRatio)} on input and ${ratio(blendedRatio)} blended.`;
}

/** Prices per million tokens side by side, and how many times more the dearest costs. */
export function pricesSection(c: Comparison, roster: Roster): SafeHtml {
  const rows = roster.models.map((m) => {
    const p = m.pricing;
    return html`<tr data-model="${m.slug}">
      <td class="head">${roster.labelled(m)}</td>
      <td class="n" data-label="Input">${usd(p?.input)}</td>
      <td class="n" data-label="Output">${usd(p?.output)}</td>
      <td class="n" data-label="Cached input">${usd(p?.cachedInput)}</td>
      <td class="n" data-label="Blended">${usd(p?.blended)}</td>
    </tr>`;
  });
  return html`<section id="prices">
    <h2>Prices</h2>
    <table class="stack">
      <thead>
        <tr>
          <th>Model</th>
          <th class="n">Input</th>
          <th class="n">Output</th>
          <th class="n">Cached input</th>
          <th class="n">Blended</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <p class="note">USD per million tokens; blended is (3 × input + output) / 4. ${pricesSentence(c, roster)}</p>
  </section>`;
}

function speedSentences(c: Comparison, roster: Roster): SafeHtml {
  // Fastest and first are taken over the models that have the figure (METHODOLOGY.md §4): say so when some lack it.
  const measured = (has: (m: PageModel) => boolean) =>
    roster.models.every(has) ? '' : ` of the ${roster.models.filter(has).length} measured`;
  const fast = c.speed.fastest
    ? html`${roster.link(c.speed.fastest)} is the fastest${measured((m) => m.outputTokensPerSecond != null)}:
        <b id="speed-ratio">${ratio(c.speed.ratio, 2)}</b> the output speed of the slowest.`
    : html`No fastest model: fewer than two of these models have a measured output speed.`;
  const { fastest, difference } = c.latency;
  const first = fastest
    ? html`${roster.link(fastest)} starts answering first${measured((m) => m.timeToFirstTokenSeconds != null)}:
        <b id="latency-difference">${seconds(difference)}</b> sooner than the slowest to start.`
    : difference == null
      ? html`Fewer than two of these models have a measured latency.`
      : html`The latencies tie.`;
  const largest = c.context.largest && roster.model(c.context.largest);
  const context = largest
    ? html`${roster.link(largest)} has the largest context window (${largest.contextWindow.toLocaleString('en-US')}
      tokens).`
    : c.context.tie
      ? html`Context windows: a tie at ${tokens(Math.max(...roster.models.map((m) => m.contextWindow)))}.`
      : html`No largest context window.`;
  return html`${fast} ${first} ${context}`;
}

/** Output speed, latency (time to first token) and context window side by side. */
export function speedSection(c: Comparison, roster: Roster): SafeHtml {
  const rows = roster.models.map(
    (m) =>
      html`<tr data-model="${m.slug}">
        <td class="head">${roster.labelled(m)}</td>
        <td class="n" data-label="Output speed">${speed(m.outputTokensPerSecond)}</td>
        <td class="n" data-label="Latency">${seconds(m.timeToFirstTokenSeconds)}</td>
        <td class="n" data-label="Context window">${tokens(m.contextWindow)}</td>
      </tr>`,
  );
  return html`<section id="speed">
    <h2>Speed, latency and context</h2>
    <table class="stack">
      <thead>
        <tr>
          <th>Model</th>
          <th class="n">Output speed</th>
          <th class="n">Latency</th>
          <th class="n">Context window</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <p class="note">Latency is the time to the first token. ${speedSentences(c, roster)}</p>
  </section>`;
}
