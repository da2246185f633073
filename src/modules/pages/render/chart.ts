import { score } from '../format.js';
import { html, type SafeHtml } from './html.js';

// Horizontal bars in inline SVG, no library. The SVG has no viewBox: it is as wide as its box and
// positions across are percentages, so its text keeps its CSS size on a phone and on a desktop.

/** One bar: a value on 0..max (null: not shown, "n/a"), the colour class index and what it stands for. */
export interface Bar {
  value: number | null;
  colour: number;
  name: string;
}

/** Bars under one label (a category). */
export interface BarGroup {
  label: string;
  bars: Bar[];
}

/** Share of the width (percent) a bar at `max` fills; the value follows it. */
const TRACK = 86;
const LABEL_HEIGHT = 22;
const BAR_HEIGHT = 14;
const BAR_GAP = 5;
const GROUP_GAP = 12;

function barRow(bar: Bar, y: number, max: number): SafeHtml {
  const share = bar.value == null ? 0 : (Math.min(Math.max(bar.value, 0), max) / max) * TRACK;
  return html`<rect class="track" x="0" y="${y}" width="${TRACK}%" height="${BAR_HEIGHT}" rx="3" />${
      bar.value == null
        ? ''
        : html`<rect
            class="bar c${bar.colour}"
            x="0"
            y="${y}"
            width="${share.toFixed(2)}%"
            height="${BAR_HEIGHT}"
            rx="3"
            ><title>${bar.name}: ${score(bar.value)}</title></rect
          >`
    }<text class="value" x="${TRACK}%" dx="8" y="${y + BAR_HEIGHT - 2}">${score(bar.value)}</text>`;
}

/** A bar chart of groups of bars (e.g. each category's averages, one bar per model), values from 0 to `max`. */
export function barChart(groups: readonly BarGroup[], options: { title: string; max?: number }): SafeHtml {
  const max = options.max ?? 100;
  const rows: SafeHtml[] = [];
  let y = 0;
  for (const group of groups) {
    rows.push(html`<text class="label" x="0" y="${y + 15}">${group.label}</text>`);
    y += LABEL_HEIGHT;
    for (const bar of group.bars) {
      rows.push(barRow(bar, y, max));
      y += BAR_HEIGHT + BAR_GAP;
    }
    y += GROUP_GAP;
  }
  const height = Math.max(y - GROUP_GAP, 1);
  return html`<svg class="chart" role="img" aria-label="${options.title}" width="100%" height="${height}">
    ${rows}
  </svg>`;
}
