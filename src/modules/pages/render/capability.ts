import { fixed, rank } from '../format.js';
import type { CapabilityEstimate, Comparison, Ref } from '../types.js';
import { html, type SafeHtml } from './html.js';
import type { Roster } from './roster.js';

// Each model's capability θ with its 95 % interval on one shared axis, in inline SVG (no library):
// the interval as a thin bar, θ as a mark on it. Positions across are percentages, as in chart.ts.

const ROW = 26;
const TRACK = 70;

interface Placed {
  model: Ref;
  estimate: CapabilityEstimate;
}

/** Percent across the track of `x` on the axis [lo, hi]. */
const across = (x: number, lo: number, hi: number) => ((x - lo) / (hi - lo || 1)) * TRACK;

function intervalRow(p: Placed, y: number, lo: number, hi: number, roster: Roster): SafeHtml {
  const { value, low, high } = p.estimate;
  const c = roster.colour(p.model);
  const from = across(low, lo, hi);
  const to = across(high, lo, hi);
  return html`<rect class="track" x="0" y="${y + 8}" width="${TRACK}%" height="4" rx="2" />
    <rect
      class="bar c${c}"
      x="${from.toFixed(2)}%"
      y="${y + 6}"
      width="${Math.max(to - from, 0.5).toFixed(2)}%"
      height="8"
      rx="4"
      ><title>${roster.name(p.model)}: ${fixed(low, 2)} to ${fixed(high, 2)}</title></rect
    >
    <rect class="bar c${c}" x="${across(value, lo, hi).toFixed(2)}%" y="${y}" width="3" height="20" />
    <text class="value" x="${TRACK}%" dx="10" y="${y + 15}">${roster.name(p.model)} ${fixed(value, 2)}</text>`;
}

function intervalChart(placed: readonly Placed[], roster: Roster): SafeHtml {
  const lo = Math.min(...placed.map((p) => p.estimate.low));
  const hi = Math.max(...placed.map((p) => p.estimate.high));
  const rows = placed.map((p, i) => intervalRow(p, i * ROW, lo, hi, roster));
  return html`<svg
    class="chart"
    role="img"
    aria-label="Capability with 95 % intervals"
    width="100%"
    height="${placed.length * ROW}"
  >
    ${rows}
  </svg>`;
}

function estimateLine(p: Placed, roster: Roster): SafeHtml {
  const e = p.estimate;
  const bounds = e.bestRank != null && e.worstRank != null ? ` (between ${e.bestRank} and ${e.worstRank})` : '';
  return html`<li>
    ${roster.labelled(p.model)}: ${fixed(e.value, 2)}, 95 % interval ${fixed(e.low, 2)} to ${fixed(e.high, 2)}; rank
    ${rank(e.rank)}${bounds}; ${e.scoresUsed} scores
  </li>`;
}

function outcomeLine(c: Comparison, roster: Roster): SafeHtml {
  const cap = c.capability;
  if (cap.outcome === 'WIN' && cap.leader)
    return html`<p>${roster.link(cap.leader)} is ahead on the capability index.</p>`;
  if (cap.outcome === 'TIE') return html`<p>The best two are statistically tied: their intervals overlap.</p>`;
  return html`<p>Too few of these models have an estimate to name a leader.</p>`;
}

function pairLines(c: Comparison, roster: Roster): SafeHtml {
  // Every pair for a few models; beyond six (15 pairs) the list would drown the page.
  const pairs = c.capability.pairs.filter((p) => p.probabilityAhead != null).slice(0, 15);
  return html`<ul class="missing">
    ${pairs.map(
      (p) =>
        html`<li>P(${roster.name(p.a)} ahead of ${roster.name(p.b)}) = ${fixed(p.probabilityAhead! * 100, 0)} %</li>`,
    )}
  </ul>`;
}

/** The capability section (METHODOLOGY.md §6): each model's θ and interval, the leader or a tie, P(A ahead of B). */
export function capabilitySection(c: Comparison, roster: Roster): SafeHtml {
  const placed = c.capability.models.filter((m): m is Placed => m.estimate != null);
  const body =
    placed.length === 0
      ? html`<p>None of these models is in the capability fit yet.</p>`
      : html`${intervalChart(placed, roster)}
          <ul class="missing">
            ${placed.map((p) => estimateLine(p, roster))}
          </ul>
          ${outcomeLine(c, roster)} ${pairLines(c, roster)}`;
  return html`<section id="capability">
    <h2>Capability index</h2>
    <p>
      One ability per model fitted to every reported score at once (an item-response model, METHODOLOGY §6), so models
      are placed by how they did on hard benchmarks relative to others on the same ones. Higher is better; intervals
      that overlap mean the data cannot tell the two apart.
    </p>
    ${body}
  </section>`;
}
