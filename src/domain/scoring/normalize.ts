import type { BenchmarkFacts } from './types.js';

/** What normalisation needs to know about a benchmark. */
export type Scale = Pick<BenchmarkFacts, 'slug' | 'higherIsBetter' | 'scaleMin' | 'scaleMax'>;

/**
 * A raw value on the benchmark's scale as 0..100 where higher is better:
 * n = 100 × (value − scaleMin) / (scaleMax − scaleMin), and 100 − n when lower is better.
 */
export function normalize(value: number, benchmark: Scale): number {
  const span = benchmark.scaleMax - benchmark.scaleMin;
  // An empty or inverted scale would divide by zero or silently flip the direction: refuse it.
  if (!(span > 0)) {
    throw new RangeError(
      `benchmark ${benchmark.slug} has scaleMin ${benchmark.scaleMin} not below scaleMax ${benchmark.scaleMax}`,
    );
  }
  // Multiplying by 100 / span (exactly 1 on a percent scale) keeps a percent value bit-for-bit.
  const n = (value - benchmark.scaleMin) * (100 / span);
  return benchmark.higherIsBetter ? n : 100 - n;
}
