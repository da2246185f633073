import type { Dataset } from '../../src/modules/ingestion/dataset.js';
import { gpt41, gpt41Mini, referenceCatalog, referenceScores } from '../unit/fixtures/reference.js';

/**
 * The METHODOLOGY.md §5 reference page (GPT-4.1 vs GPT-4.1 mini) as an importable dataset,
 * built from the same hand-made rows the pure tests use, so both layers check one fixture.
 */
export function referenceDataset(): Dataset {
  const categorySlug = new Map(referenceCatalog.categories.map((c) => [c.id, c.slug]));
  const benchmarkSlug = new Map(referenceCatalog.benchmarks.map((b) => [b.id, b.slug]));
  const modelSlug = new Map([gpt41, gpt41Mini].map((m) => [m.id, m.slug]));
  return {
    providers: [{ slug: 'openai', name: 'OpenAI', website: 'https://openai.com' }],
    families: [{ slug: 'gpt-4-1', name: 'GPT-4.1', provider: 'openai' }],
    categories: referenceCatalog.categories.map((c) => ({
      slug: c.slug,
      name: c.name,
      description: `${c.name} benchmarks`,
      weight: c.weight,
    })),
    benchmarks: referenceCatalog.benchmarks.map((b) => ({
      slug: b.slug,
      name: b.name,
      category: categorySlug.get(b.categoryId)!,
      unit: 'percent' as const,
      higherIsBetter: b.higherIsBetter,
      scaleMin: b.scaleMin,
      scaleMax: b.scaleMax,
      weight: b.weight,
    })),
    models: [gpt41, gpt41Mini].map((m) => ({
      slug: m.slug,
      name: m.name,
      provider: 'openai',
      family: 'gpt-4-1',
      releaseDate: '2025-04-14',
      contextWindow: m.contextWindow,
      inputPricePerMTok: m.inputPrice,
      outputPricePerMTok: m.outputPrice,
      cachedInputPricePerMTok: m.cachedInputPrice,
      outputTokensPerSecond: m.outputTokensPerSecond,
      timeToFirstTokenSeconds: m.timeToFirstTokenSeconds,
      openWeights: false,
    })),
    scores: referenceScores.map((s) => ({
      model: modelSlug.get(s.modelId)!,
      benchmark: benchmarkSlug.get(s.benchmarkId)!,
      value: s.value,
      source: 'https://benchlm.ai/compare/gpt-4-1-vs-gpt-4-1-mini',
      verified: s.provenance === 'INDEPENDENT',
      measuredOn: s.measuredOn,
    })),
  } as Dataset;
}
