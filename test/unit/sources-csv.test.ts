import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvTable } from '../../src/modules/ingestion/sources/csv.js';
import { parseJson } from '../../src/modules/ingestion/sources/json.js';
import { SourceFormatError } from '../../src/modules/ingestion/sources/types.js';

const cells = (text: string) => parseCsv(text, 'x.csv').map((r) => r.cells);

function thrown(fn: () => unknown): SourceFormatError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SourceFormatError) return err;
    throw err;
  }
  throw new Error('expected a SourceFormatError');
}

describe('parseCsv', () => {
  it('drops a UTF-8 byte order mark', () => {
    expect(cells('\uFEFFa,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads CRLF and LF line ends alike, with or without a final line break', () => {
    expect(cells('a,b\r\n1,2\r\n')).toEqual(cells('a,b\n1,2'));
  });

  it('keeps commas, doubled quotes and line breaks inside a quoted cell', () => {
    const records = parseCsv('name,notes\n"Smith, J","said ""hi""\r\nthen left"\nnext,x\n', 'x.csv');
    expect(records.map((r) => r.cells)).toEqual([
      ['name', 'notes'],
      ['Smith, J', 'said "hi"\r\nthen left'],
      ['next', 'x'],
    ]);
    // A record starts on the line its first cell does; a multi-line cell moves the next one down.
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(cells(',a,,\n')).toEqual([['', 'a', '', '']]);
    expect(cells('""\n')).toEqual([['']]);
  });

  it('names the line of a quoted cell that is never closed', () => {
    const err = thrown(() => parseCsv('a,b\n1,2\n3,"open\nstill open\n', 'broken.csv'));
    expect(err.file).toBe('broken.csv');
    expect(err.location).toBe('line 3');
    expect(err.message).toMatch(/^broken\.csv, line 3: a quoted cell is never closed$/);
  });

  it('refuses text after a closing quote and a quote inside an unquoted cell', () => {
    expect(thrown(() => parseCsv('a\n"x"y\n', 'f.csv')).message).toMatch(
      /line 2: unexpected "y" after a closing quote/,
    );
    expect(thrown(() => parseCsv('a\nx"y\n', 'f.csv')).message).toMatch(/line 2: a quote inside an unquoted cell/);
  });
});

describe('readCsvTable', () => {
  it('maps each row onto the header', () => {
    const table = readCsvTable('model,score\nA,1\nB,2\n', 't.csv', ['model']);
    expect(table.rows).toEqual([
      { line: 2, values: { model: 'A', score: '1' } },
      { line: 3, values: { model: 'B', score: '2' } },
    ]);
  });

  it('refuses a missing column and a row of the wrong width, naming the line', () => {
    expect(thrown(() => readCsvTable('a,b\n1,2\n', 't.csv', ['model'])).message).toBe(
      't.csv, line 1: missing column model',
    );
    expect(thrown(() => readCsvTable('a,b\n1,2\n1,2,3\n', 't.csv')).message).toBe(
      't.csv, line 3: 3 cells where the header has 2',
    );
    expect(thrown(() => readCsvTable('', 'empty.csv')).message).toMatch(/empty\.csv: the file is empty/);
  });
});

describe('parseJson', () => {
  it('gives what JSON.parse gives, the last of duplicate keys winning, and lists the duplicates', () => {
    const text = '{\n  "a": 1,\n  "b": {"x": true, "x": false},\n  "a": [2, null, "s\\u00e9"]\n}';
    const { value, duplicates } = parseJson(text, 'd.json');
    expect(value).toEqual(JSON.parse(text));
    expect(Object.keys(value as object)).toEqual(['a', 'b']);
    expect(duplicates).toEqual([
      { path: '$["b"]', key: 'x', lines: [3, 3] },
      { path: '$', key: 'a', lines: [2, 4] },
    ]);
  });

  it('stores a "__proto__" key as data, as JSON.parse does', () => {
    const { value } = parseJson('{"__proto__": {"polluted": 1}}', 'p.json');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });

  it('names the line and column of a syntax error', () => {
    expect(thrown(() => parseJson('{\n  "a": 1,\n  "b": }', 'bad.json')).message).toBe(
      'bad.json, line 3, column 8: malformed JSON: unexpected "}"',
    );
    expect(thrown(() => parseJson('{"a": [1, 2', 'cut.json')).message).toMatch(
      /^cut\.json, line 1, column 12: malformed JSON: unexpected end/,
    );
    expect(thrown(() => parseJson('{"a": 1} x', 'tail.json')).location).toBe('line 1, column 10');
  });
});
