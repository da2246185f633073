export { loadScoresAsOf } from './queries/as-of.js';
export { loadCurrentScores } from './queries/scoring.js';
