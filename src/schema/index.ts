import { builder } from './builder.js';
import './scalars.js';
import './types/provider.js';
import './types/family.js';
import './types/category.js';
import './types/benchmark.js';
import './types/pricing.js';
import './types/score.js';
import './types/model-filter.js';
import './types/model.js';
import './types/comparison.js';
import './types/profile.js';
import './types/leaderboard.js';
import './types/leaderboard-views.js';
import './types/mutation-errors.js';
import './types/mutations-catalog.js';
import './types/mutations-data.js';
import './types/audit.js';
import './types/subscription.js';
import { subgraphSchema } from './federation.js';

builder.queryType({ description: 'Read access to models, benchmarks, scores and comparisons.' });

/** The executable GraphQL schema: an Apollo Federation v2 subgraph (see federation.ts). */
export const schema = subgraphSchema();

