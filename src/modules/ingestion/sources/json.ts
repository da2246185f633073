import { SourceFormatError } from './types.js';

/** A key that appears more than once in one JSON object; as with JSON.parse, its last value is kept. */
export interface JsonDuplicate {
  /** Where the object sits: `$` for the top level, `$["gpt-4o"]` below it. */
  path: string;
  key: string;
  /** The 1-based lines of every occurrence. */
  lines: number[];
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

// JSON.parse gives the same values, but reports neither duplicate keys nor, in Node 20, always a position.
class Reader {
  pos = 0;
  readonly duplicates: JsonDuplicate[] = [];

  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  fail(problem: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new SourceFormatError(this.file, `line ${line}, column ${column}`, `malformed JSON: ${problem}`);
  }

  skip(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  expect(ch: string): void {
    this.skip();
    if (this.text[this.pos] !== ch)
      this.fail(this.pos >= this.text.length ? `unexpected end, expected '${ch}'` : `expected '${ch}'`);
    this.pos += 1;
  }

  value(path: string): unknown {
    this.skip();
    const ch = this.text[this.pos];
    if (ch === undefined) return this.fail('unexpected end of input');
    if (ch === '{') return this.object(path);
    if (ch === '[') return this.array(path);
    if (ch === '"') return this.string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail(`unexpected ${JSON.stringify(ch)}`);
    this.pos = NUMBER.lastIndex;
    return Number(m[0]);
  }

  string(): string {
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      const ch = this.text[i];
      if (ch === undefined) return this.fail('a string is never closed', start);
      if (ch === '\\') i += 2;
      else if (ch === '"') break;
      else i += 1;
    }
    this.pos = i + 1;
    try {
      return JSON.parse(this.text.slice(start, i + 1)) as string;
    } catch {
      return this.fail('invalid character or escape in a string', start);
    }
  }

  lineAt(at: number): number {
    let n = 1;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < at; i = this.text.indexOf('\n', i + 1)) n += 1;
    return n;
  }

  object(path: string): Record<string, unknown> {
    this.pos += 1;
    const entries: [string, unknown][] = [];
    const seen = new Map<string, number[]>();
    this.skip();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return {};
    }
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== '"') this.fail('expected a property name');
      const at = this.pos;
      const key = this.string();
      seen.set(key, [...(seen.get(key) ?? []), at]);
      this.expect(':');
      entries.push([key, this.value(`${path}[${JSON.stringify(key)}]`)]);
      this.skip();
      if (this.text[this.pos] === ',') this.pos += 1;
      else break;
    }
    this.expect('}');
    for (const [key, positions] of seen) {
      if (positions.length > 1) this.duplicates.push({ path, key, lines: positions.map((p) => this.lineAt(p)) });
    }
    // fromEntries keeps the last value under the first position, as JSON.parse does, and stores "__proto__" as data.
    return Object.fromEntries(entries);
  }

  array(path: string): unknown[] {
    this.pos += 1;
    const out: unknown[] = [];
    this.skip();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      out.push(this.value(`${path}[${out.length}]`));
      this.skip();
      if (this.text[this.pos] === ',') this.pos += 1;
      else break;
    }
    this.expect(']');
    return out;
  }
}

/**
 * Parses JSON as JSON.parse does (the last of duplicate keys wins) but also lists every duplicate
 * key, and throws SourceFormatError with the line and column of a syntax error.
 */
export function parseJson(text: string, file: string): { value: unknown; duplicates: JsonDuplicate[] } {
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  const value = reader.value('$');
  reader.skip();
  if (reader.pos < reader.text.length) reader.fail('unexpected text after the end of the JSON value');
  return { value, duplicates: reader.duplicates };
}
