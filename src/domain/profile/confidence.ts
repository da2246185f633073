/** How much of the picture a profile rests on. */
export type Confidence = 'HIGH' | 'GOOD' | 'MODERATE' | 'LOW';

/** Thresholds, strongest first: categories with a score and weight > 0 benchmarks with an effective score. */
const LEVELS: readonly { level: Confidence; categories: number; benchmarks: number }[] = [
  { level: 'HIGH', categories: 7, benchmarks: 20 },
  { level: 'GOOD', categories: 5, benchmarks: 12 },
  { level: 'MODERATE', categories: 3, benchmarks: 8 },
];

/** Confidence of a profile from its counts: HIGH 7+/20+, GOOD 5+/12+, MODERATE 3+/8+, else LOW. */
export function confidenceOf(categories: number, benchmarks: number): Confidence {
  const met = LEVELS.find((level) => categories >= level.categories && benchmarks >= level.benchmarks);
  return met?.level ?? 'LOW';
}
