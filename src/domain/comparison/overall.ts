import type { Profile } from '../profile/profiles.js';
import { scoresEqual } from '../scoring/equality.js';
import { compareText } from '../scoring/order.js';
import type { ModelFacts } from '../scoring/types.js';

/** How far apart the two best ranked compared models are overall. */
export type MarginLevel = 'TIE' | 'NARROW' | 'CLEAR' | 'DECISIVE';

/** A compared model's own §3 standing, untouched by the comparison. */
export interface OverallStanding {
  modelId: number;
  overall: number | null;
  ranked: boolean;
  rank: number | null;
}

/** The overall gap between the two best ranked compared models. */
export interface Margin {
  level: MarginLevel;
  /** Higher overall minus lower (≥ 0). */
  difference: number;
  /** The better of the two; null on a TIE. */
  leader: number | null;
  /** The two models, higher overall first (slug order when exactly equal). */
  between: [number, number];
}

/** The overall comparison: standings in the order given, and the margin. */
export interface OverallComparison {
  standings: OverallStanding[];
  margin: Margin | null;
}

/** TIE when equal to one decimal place, NARROW under 3 points, CLEAR under 10, else DECISIVE. */
export function marginLevel(higher: number, lower: number): MarginLevel {
  if (scoresEqual(higher, lower)) return 'TIE';
  const gap = higher - lower;
  if (gap < 3) return 'NARROW';
  if (gap < 10) return 'CLEAR';
  return 'DECISIVE';
}

/** Each model's own overall score and rank from its profile, and the margin between the two best ranked. */
export function compareOverall(
  models: readonly ModelFacts[],
  profiles: ReadonlyMap<number, Profile>,
): OverallComparison {
  const standings = models.map((model) => {
    const profile = profiles.get(model.id);
    // A model without a profile has no effective score at all: tracked, unranked, no overall.
    return {
      modelId: model.id,
      overall: profile?.overall ?? null,
      ranked: profile?.ranked ?? false,
      rank: profile?.rank ?? null,
    };
  });
  const ranked = models
    .flatMap((model, index) => {
      const standing = standings[index];
      return standing?.ranked === true && standing.overall !== null ? [{ model, overall: standing.overall }] : [];
    })
    // Slug settles exact ties so the pair does not depend on the input order.
    .sort((a, b) => b.overall - a.overall || compareText(a.model.slug, b.model.slug));
  const [first, second] = ranked;
  if (first === undefined || second === undefined) return { standings, margin: null };
  const level = marginLevel(first.overall, second.overall);
  return {
    standings,
    margin: {
      level,
      difference: first.overall - second.overall,
      leader: level === 'TIE' ? null : first.model.id,
      between: [first.model.id, second.model.id],
    },
  };
}
