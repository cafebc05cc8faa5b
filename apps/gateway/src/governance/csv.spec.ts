import { describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, semicolons and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y";"say ""hi"""\n\n3,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['3', ''],
    ]);
  });
});
