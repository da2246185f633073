import {
  GraphQLFloat,
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { FIGURE_DECIMALS, PRICE_DECIMALS, roundHalfAwayFromZero } from '../domain/rounding.js';

/**
 * The `Float` fields that are prices, blended prices or costs (USD per million tokens, or USD),
 * rounded to PRICE_DECIMALS; every other output `Float` is a figure rounded to FIGURE_DECIMALS.
 */
export const PRICE_FIELDS: ReadonlySet<string> = new Set([
  'FrontierPoint.cost',
  'ModelPrices.blended',
  'ModelPrices.cachedInput',
  'ModelPrices.input',
  'ModelPrices.output',
  'Pricing.blended',
  'Pricing.cachedInput',
  'Pricing.input',
  'Pricing.output',
  'ValueEntry.blendedPrice',
  'WorkloadCost.usd',
]);

/**
 * The `Float` fields decided to be figures (FIGURE_DECIMALS). Not read by the rounding: it is the
 * record that each was decided, so a test can fail on a new `Float` field that is in neither list.
 * The stored inputs (a benchmark's scale and weight, a category's weight, a score's published value,
 * a model's speed, latency and size) are rounded like figures too: no real one has more decimals.
 */
export const FIGURE_FIELDS: ReadonlySet<string> = new Set([
  'Benchmark.difficulty',
  'Benchmark.scaleMax',
  'Benchmark.scaleMin',
  'Benchmark.slope',
  'Benchmark.weight',
  'BenchmarkSpread.spread',
  'CapabilityEstimate.high',
  'CapabilityEstimate.low',
  'CapabilityEstimate.se',
  'CapabilityEstimate.value',
  'CapabilityPair.probabilityAhead',
  'Category.weight',
  'CategoryComparison.difference',
  'CategoryStanding.score',
  'Comparison.overallDifference',
  'FrontierPoint.quality',
  'LatencyComparison.difference',
  'LeaderboardEntry.score',
  'Model.outputTokensPerSecond',
  'Model.parametersBillions',
  'Model.timeToFirstTokenSeconds',
  'ModelPrices.blendedRatio',
  'ModelPrices.cachedInputRatio',
  'ModelPrices.inputRatio',
  'ModelPrices.outputRatio',
  'ModelProfile.overall',
  'ModelValue.normalized',
  'ModelValue.value',
  'OverallStanding.score',
  'PredictedScore.normalized',
  'PredictedScore.value',
  'PriceComparison.blendedRatio',
  'PriceComparison.cachedInputRatio',
  'PriceComparison.inputRatio',
  'PriceComparison.outputRatio',
  'Score.normalized',
  'Score.value',
  'SpeedComparison.ratio',
  'ValueEntry.overall',
  'ValueEntry.scorePerDollar',
  'WorkloadCost.ratioToCheapest',
]);

/** Resolvers this module made, so rounding a schema twice wraps nothing twice. */
const wrapped = new WeakSet<GraphQLFieldResolver<unknown, unknown>>();

const roundPrice = (value: number) => roundHalfAwayFromZero(value, PRICE_DECIMALS);
const roundFigure = (value: number) => roundHalfAwayFromZero(value, FIGURE_DECIMALS);

/**
 * Every output field whose named type is `Float`, as schema coordinates (`Type.field`), in schema order.
 * Interfaces are left out: execution runs the object type's field.
 */
export function floatFieldCoordinates(schema: GraphQLSchema): string[] {
  return floatFields(schema).map(([type, field]) => `${type}.${field.name}`);
}

function floatFields(schema: GraphQLSchema): [typeName: string, field: GraphQLField<unknown, unknown>][] {
  const found: [string, GraphQLField<unknown, unknown>][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type) === GraphQLFloat) found.push([type.name, field]);
    }
  }
  return found;
}

/**
 * A resolved `Float` value rounded, whatever shape it arrives in: a number (the hot path: nothing
 * allocated but the result), null, a promise, a numeric string (what Float's serializer would read),
 * or a list (or other iterable) of these. Anything else, NaN and ±Infinity included, passes on to
 * Float's serializer, which makes it a field error instead of sending a number that is not one.
 */
function roundValue(value: unknown, round: (value: number) => number, then: (value: unknown) => unknown): unknown {
  if (typeof value === 'number') return round(value);
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') {
    const number = value === '' ? NaN : Number(value);
    return Number.isFinite(number) ? round(number) : value;
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(then);
  if (typeof (value as PromiseLike<unknown>).then === 'function') return (value as PromiseLike<unknown>).then(then);
  if (Symbol.iterator in value) return Array.from(value as Iterable<unknown>, then);
  return value;
}

/**
 * Rounds every `Float` the schema returns, once, at the boundary (METHODOLOGY.md §7): each output
 * field whose named type is `Float` (nullable, non-null, or a list) gets its resolver wrapped, to
 * PRICE_DECIMALS for PRICE_FIELDS and FIGURE_DECIMALS for FIGURE_FIELDS (any other Float is a
 * build error). The fields are changed in place rather than copied into a new schema, so every type
 * keeps its identity and its field's `extensions` (the Drizzle plugin plans its queries from them,
 * federation's `_entities` returns these same types); a field without a resolver gets the default one
 * (read the property) wrapped.
 * `decided` holds the two lists (the schema's own by default). Returns the schema it was given.
 */
export function roundFloatsAtTheBoundary(
  schema: GraphQLSchema,
  decided: { prices: ReadonlySet<string>; figures: ReadonlySet<string> } = {
    prices: PRICE_FIELDS,
    figures: FIGURE_FIELDS,
  },
): GraphQLSchema {
  for (const [typeName, field] of floatFields(schema)) {
    if (field.resolve && wrapped.has(field.resolve)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    const coordinate = `${typeName}.${field.name}`;
    // Decided per field, so a new Float cannot reach clients unrounded or at the wrong precision.
    if (!decided.prices.has(coordinate) && !decided.figures.has(coordinate)) {
      throw new Error(`${coordinate} is a Float with no precision decided: add it to PRICE_FIELDS or FIGURE_FIELDS`);
    }
    const round = decided.prices.has(coordinate) ? roundPrice : roundFigure;
    // Both closures are made once per field, here: resolving a number allocates nothing more.
    const then = (value: unknown): unknown => roundValue(value, round, then);
    const rounding: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) =>
      roundValue(resolve(source, args, context, info), round, then);
    wrapped.add(rounding);
    field.resolve = rounding;
  }
  return schema;
}
