import type { RankCursor } from '../../domain/profile/cursor.js';
import type { EstimateShape } from '../capability/service.js';
import type { ModelFilterValues } from '../models/service.js';
import type { StandingRow } from './queries/leaderboard.js';
import type { StandingsSpec } from './queries/standings.js';

/** A leaderboard line with its model row (loaded by the planned models query). */
export interface EntryShape {
  row: Pick<StandingRow, 'rank' | 'score' | 'benchmarkCount' | 'categoryCount' | 'modelId'>;
  model: unknown;
  /** On a capability leaderboard: the line's estimate, and the model rows of its first statistically tied models. */
  capability?: EstimateShape;
  tied?: unknown[];
}

/** A leaderboard line with its cursor. */
export interface EdgeShape {
  cursor: string;
  node: EntryShape;
}

/** A page of a leaderboard, as `LeaderboardConnection` reads it. */
export interface LeaderboardShape {
  edges: EdgeShape[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A category's first two lines. */
export interface CategoryLeadersShape {
  categoryId: number;
  leader: EntryShape | null;
  runnerUp: EntryShape | null;
}

/** A model's category score and its rank there (null where it is not eligible). */
export interface CategoryStandingShape {
  categoryId: number;
  score: number;
  rank: number | null;
}

/** A value leaderboard line. */
export interface ValueEntryShape {
  model: unknown;
  score: number;
  blended: number;
  value: number;
  rank: number;
}

/** A model on the price/quality frontier. */
export interface FrontierPointShape {
  model: unknown;
  cost: number;
  quality: number;
}

/** The leaderboard arguments, checked: what a stored or a past page is read with. */
export interface LeaderboardSpec extends StandingsSpec {
  categoryId: number | null;
  weights: ReadonlyMap<number, number> | null;
  filter?: ModelFilterValues | null;
  first: number;
  after: RankCursor | null;
}
