import type { Comparison } from '../types.js';
import { html, type SafeHtml } from './html.js';
import type { Roster } from './roster.js';

/**
 * PLACE FOR THE CAPABILITY INTERVALS (METHODOLOGY.md §6), empty until the API serves them.
 * When the capability index lands: select its estimate and interval per model in
 * compare-page.graphql, type them in types.ts (Comparison), and draw each model's interval here
 * (a range on a shared axis, labelled as an estimate). The page calls this already, after coverage.
 */
export function capabilitySection(_c: Comparison, _roster: Roster): SafeHtml {
  return html``;
}
