import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { badInput } from '../../schema/errors.js';
import { capabilityLines, decodeCapabilityCursor, encodeCapabilityCursor } from '../capability/service.js';
import { modelRowsById } from '../models/service.js';
import type { LeaderboardArgs } from './service.js';
import type { LeaderboardShape } from './shapes.js';

/** Where a capability line's models are selected in a leaderboard page, for the one planned models query. */
const MODEL_PATHS = [
  ['edges', 'node', 'model'],
  ['edges', 'node', 'statisticallyTiedWith'],
];

/**
 * A page of the capability leaderboard (METHODOLOGY §6): the ranked models of the lane's stored fit
 * (or of a refit of the history `asOf` a day) by θ, ties (equal to 2 decimals) sharing a rank and
 * listed by slug. Two statements: the page (with its tied lists), then every model it shows.
 */
export async function capabilityLeaderboard(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: LeaderboardArgs,
): Promise<LeaderboardShape> {
  if (args.category != null)
    throw badInput('category: the capability index ranks models overall; omit it with method CAPABILITY', 'category');
  if (args.weights != null)
    throw badInput('weights: the capability index weighs no categories; omit them with method CAPABILITY', 'weights');
  const first = args.first ?? 50;
  if (first < 0 || first > 100) throw badInput(`first: must be between 0 and 100, got ${first}`, 'first');
  const after = args.after == null ? null : decodeCapabilityCursor(args.after);
  if (args.after != null && !after) throw badInput('after: not a cursor of this leaderboard', 'after');
  const lane = args.lane ?? 'PROVISIONAL';
  const page = await capabilityLines(ctx, { lane, filter: args.filter, first, after, asOf: args.asOf });
  const ids = page.lines.flatMap((line) => [line.estimate.modelId, ...line.tied]);
  const models = await modelRowsById(ctx, info, MODEL_PATHS, ids);
  return {
    totalCount: page.totalCount,
    hasNextPage: page.hasNextPage,
    hasPreviousPage: after !== null,
    edges: page.lines.map((line) => {
      const { estimate, benchmarkCount, categoryCount } = line;
      const row = {
        rank: estimate.rank!,
        score: estimate.theta,
        modelId: estimate.modelId,
        benchmarkCount,
        categoryCount,
      };
      const tied = line.tied.map((id) => models.get(id));
      return {
        cursor: encodeCapabilityCursor(line),
        node: { row, model: models.get(row.modelId), capability: estimate, tied },
      };
    }),
  };
}
