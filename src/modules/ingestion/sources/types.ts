/** The public data sources we read. */
export type SourceName = 'openrouter' | 'artificial-analysis' | 'epoch' | 'lmarena' | 'litellm';

/** One file handed to a parser: its name (for messages and dates) and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** Options every parser takes; `snapshotDate` overrides the date read from the file or its name. */
export interface ParseOptions {
  snapshotDate?: string;
}

/** One score a source gives a model, already on our benchmark's scale (0..100 for a percent). */
export interface SourceScore {
  /** The source-side key (`gpqa`, `mmlu_pro`, `gpqa_diamond`, `elo`...) that to-dataset maps to our slug. */
  benchmark: string;
  value: number;
  /** The 95% interval around `value`, on the same scale. */
  interval?: [number, number];
  /** YYYY-MM-DD when the row carries its own date; otherwise the snapshot date applies. */
  measuredOn?: string;
  /** A more precise source URL than the snapshot's (the original leaderboard, a log). */
  url?: string;
}

/**
 * A model as one source lists it. A field the source does not give is `undefined`, never 0:
 * a 0 in our data would read as "free" or "instant".
 */
export interface SourceModel {
  /** The source's stable key (OpenRouter id, Artificial Analysis UUID, Epoch model version...). */
  externalId: string;
  /** The source's human-readable id when it differs from externalId (Artificial Analysis's slug). */
  slug?: string;
  name: string;
  vendor?: string;
  /** The vendor's own API or repository id (often dated), the key most sources share. */
  vendorApiId?: string;
  releaseDate?: string;
  /** Reasoning effort, thinking budget or tier (`high`, `reasoning`, `32k`, `free`). */
  variant?: string;
  inputPricePerMTok?: number;
  outputPricePerMTok?: number;
  cachedInputPricePerMTok?: number;
  contextWindow?: number;
  maxOutputTokens?: number;
  outputTokensPerSecond?: number;
  timeToFirstTokenSeconds?: number;
  openWeights?: boolean;
  scores: SourceScore[];
}

/** Everything one source said on one day, normalised. */
export interface SourceSnapshot {
  source: SourceName;
  /** YYYY-MM-DD; each parser documents where it comes from (docs/sources.md). */
  snapshotDate: string;
  sourceUrl: string;
  models: SourceModel[];
  /** Things read but not kept (a row without a model, a duplicate key), one sentence each, naming file and place. */
  warnings: string[];
}

/** A file that does not have the shape its parser expects; parsers throw it rather than return partial data. */
export class SourceFormatError extends Error {
  override readonly name = 'SourceFormatError';

  constructor(
    readonly file: string,
    /** Where in the file: `line 12`, `line 3, column 7`, `entry 41 ("openai/gpt-4.1")`. */
    readonly location: string,
    readonly problem: string,
  ) {
    super(`${file}${location ? `, ${location}` : ''}: ${problem}`);
  }
}
