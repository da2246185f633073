export { loadComparisonFacts, toProfile } from './queries/profiles.js';
export type { LeaderboardLoaders } from './loaders.js';
