import { SourceFormatError } from './types.js';

/** One CSV record: its cells and the 1-based line it starts on (a quoted cell may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A CSV file read against its header: each row as header → cell. */
export interface CsvTable {
  header: string[];
  rows: { line: number; values: Record<string, string> }[];
}

interface Cursor {
  text: string;
  pos: number;
  line: number;
}

// Reads one quoted cell starting at the opening quote; returns its content with doubled quotes undone.
function quotedCell(c: Cursor, file: string): string {
  const startLine = c.line;
  let out = '';
  c.pos += 1;
  for (;;) {
    const next = c.text.indexOf('"', c.pos);
    if (next === -1) throw new SourceFormatError(file, `line ${startLine}`, 'a quoted cell is never closed');
    const chunk = c.text.slice(c.pos, next);
    out += chunk;
    c.line += countNewlines(chunk);
    if (c.text[next + 1] === '"') {
      out += '"';
      c.pos = next + 2;
      continue;
    }
    c.pos = next + 1;
    const after = c.text[c.pos];
    if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
      throw new SourceFormatError(file, `line ${c.line}`, `unexpected ${JSON.stringify(after)} after a closing quote`);
    }
    return out;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n += 1;
  return n;
}

// An unquoted cell runs to the next comma or line break; a quote inside it is malformed (RFC 4180 §2.5).
function plainCell(c: Cursor, file: string): string {
  const start = c.pos;
  while (c.pos < c.text.length) {
    const ch = c.text[c.pos];
    if (ch === ',' || ch === '\n' || ch === '\r') break;
    if (ch === '"') throw new SourceFormatError(file, `line ${c.line}`, 'a quote inside an unquoted cell');
    c.pos += 1;
  }
  return c.text.slice(start, c.pos);
}

/**
 * Reads RFC 4180 CSV: an optional UTF-8 BOM, CRLF or LF line ends, quoted cells holding commas,
 * doubled quotes and line breaks. Throws SourceFormatError naming the line of a malformed cell.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const c: Cursor = { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, pos: 0, line: 1 };
  const records: CsvRecord[] = [];
  while (c.pos < c.text.length) {
    const line = c.line;
    const start = c.pos;
    const cells: string[] = [];
    for (;;) {
      cells.push(c.text[c.pos] === '"' ? quotedCell(c, file) : plainCell(c, file));
      if (c.text[c.pos] !== ',') break;
      c.pos += 1;
    }
    if (c.text[c.pos] === '\r') c.pos += 1;
    if (c.text[c.pos] === '\n') c.pos += 1;
    c.line += 1;
    // A blank line is not a record with one empty cell; RFC 4180 files end with one.
    if (!(cells.length === 1 && cells[0] === '' && c.text[start] !== '"')) records.push({ line, cells });
  }
  return records;
}

/** Reads a CSV whose first record is its header; every row must have exactly the header's cell count. */
export function readCsvTable(text: string, file: string, required: readonly string[] = []): CsvTable {
  const [head, ...body] = parseCsv(text, file);
  if (!head) throw new SourceFormatError(file, '', 'the file is empty (no header line)');
  const header = head.cells;
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new SourceFormatError(file, 'line 1', `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  const rows = body.map(({ line, cells }) => {
    if (cells.length !== header.length) {
      throw new SourceFormatError(file, `line ${line}`, `${cells.length} cells where the header has ${header.length}`);
    }
    return { line, values: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) };
  });
  return { header, rows };
}
