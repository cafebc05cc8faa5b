import { describe, expect, it } from '@jest/globals';
import { csvCell, formulaCell, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, semicolons and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y";"say ""hi"""\n\n3,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['3', ''],
    ]);
  });
});

describe('formulaCell', () => {
  it('spots cells a spreadsheet would run, even behind spaces', () => {
    expect(['=1+1', '+39', '-2', '@SUM(A1)', '\tx', '\rx', '  =cmd'].map(formulaCell)).toEqual([true, true, true, true, true, true, true]);
    expect(['Mario Rossi', 'a=b', '3-2', 'x@y.it', ''].map(formulaCell)).toEqual([false, false, false, false, false]);
  });
});

describe('csvCell', () => {
  it('neutralises formulas and quotes separators, quotes and line breaks', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+39 080 123')).toBe("'+39 080 123");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('Rossi, Mario')).toBe('"Rossi, Mario"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
