import { builder } from './builder.js';
import './scalars.js';
import '../modules/catalog/types/provider.js';
import '../modules/catalog/types/family.js';
import '../modules/catalog/types/category.js';
import '../modules/catalog/types/benchmark.js';
import '../modules/models/types/pricing.js';
import '../modules/models/types/score.js';
import '../modules/models/types/model-filter.js';
import '../modules/models/types/model.js';
import '../modules/capability/types/capability.js';
import '../modules/comparison/types/comparison.js';
import '../modules/leaderboard/types/profile.js';
import '../modules/leaderboard/types/leaderboard.js';
import '../modules/leaderboard/types/leaderboard-views.js';
import '../modules/ingestion/types/mutation-errors.js';
import '../modules/ingestion/types/mutations-catalog.js';
import '../modules/ingestion/types/mutations-data.js';
import '../modules/ingestion/types/audit.js';
import '../modules/live/types/subscription.js';
import { subgraphSchema } from '../modules/federation/types/subgraph.js';
import { roundFloatsAtTheBoundary } from './rounding.js';

builder.queryType({ description: 'Read access to models, benchmarks, scores and comparisons.' });

/**
 * The executable GraphQL schema: an Apollo Federation v2 subgraph (modules/federation/types/subgraph.ts)
 * whose every `Float` is rounded on the way out (METHODOLOGY.md §7, see rounding.ts).
 */
export const schema = roundFloatsAtTheBoundary(subgraphSchema());
