import type { z } from 'zod';
import type { Part } from './dataset-schema.js';

/** One problem in a dataset; `entry` is the 0-based array index, null for a whole-file problem. */
export interface DatasetIssue {
  file: string;
  entry: number | null;
  field?: string;
  /** The full sentence, naming the file, the entry and the field. */
  message: string;
}

/** Every problem found in a dataset folder; `file`, `entry` and `field` are those of the first. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  readonly file: string;
  readonly entry: number | null;
  readonly field: string | undefined;

  constructor(
    readonly issues: readonly DatasetIssue[],
    dir?: string,
  ) {
    const head = `${issues.length} problem${issues.length === 1 ? '' : 's'} in dataset${dir ? ` ${dir}` : ''}`;
    super(`${head}:\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
    const first = issues[0];
    this.file = first?.file ?? '';
    this.entry = first?.entry ?? null;
    this.field = first?.field;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return '';
}

/**
 * How a problem's location reads: `scores.json entry 17 (value 120)` for a folder,
 * `scores[17].value (120)` for a mutation's input.
 */
export type IssueStyle = 'file' | 'input';

/** Collects issues with the location written into each message. */
export class Issues {
  readonly list: DatasetIssue[] = [];

  constructor(private readonly style: IssueStyle = 'file') {}

  file(part: Part, problem: string): void {
    const file = `${part}.json`;
    this.list.push({ file, entry: null, message: `${file}: ${problem}` });
  }

  entry(part: Part, entry: number, raw: unknown, field: string | undefined, problem: string): void {
    const file = `${part}.json`;
    const value = field !== undefined && isRecord(raw) ? show(raw[field]) : '';
    const where =
      this.style === 'file'
        ? `${file} entry ${entry}${field === undefined ? '' : ` (${field}${value ? ` ${value}` : ''})`}`
        : `${part}[${entry}]${field === undefined ? '' : `.${field}${value ? ` (${value})` : ''}`}`;
    this.list.push({ file, entry, ...(field === undefined ? {} : { field }), message: `${where}: ${problem}` });
  }
}

/** Whether a parsed JSON value is an object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of a parsed JSON entry, if it is one. */
export function stringField(raw: unknown, field: string): string | undefined {
  return isRecord(raw) && typeof raw[field] === 'string' ? raw[field] : undefined;
}

/** A Zod issue in a curator's words: Zod's own ("expected number, received number" for Infinity) read poorly. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (value === undefined) return 'is required';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'must be a finite number';
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`}, not ${got}`;
}
