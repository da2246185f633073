/**
 * Our operations of `npm run bench` that are not contract operations (contract has the
 * others). test/integration/statements.test.ts asserts their SQL statement counts.
 */

/** The model page without the profile: the raw data PostGraphile can serve too. */
export const MODEL_PAGE_NO_PROFILE = `query ModelPage($slug: String!, $lane: Lane = PROVISIONAL) {
  model(slug: $slug) {
    id slug name releaseDate openWeights contextWindow
    provider { slug name }
    family { slug name models { slug name } }
    pricing { input output cachedInput blended }
    outputTokensPerSecond timeToFirstTokenSeconds
    scores(lane: $lane) { benchmark { slug name unit category { slug } } value normalized provenance source measuredOn }
  }
}`;

/** An analyst's page: 100 models with all their scores. */
export const ANALYST =
  'query Analyst { models(first: 100) { edges { node { slug scores { value benchmark { slug } } } } } }';
