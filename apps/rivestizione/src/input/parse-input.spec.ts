import { describe, expect, it } from '@jest/globals';
import { readFileSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { formatFixedWidthLine } from './fixed-width.js';
import { checkIdentifier } from './identifiers.js';
import { InputRejectedError, type InputRow } from './input-report.js';
import { parseInputFile, validateManualList } from './parse-input.js';

const samples = join(process.cwd(), 'apps/rivestizione/samples');
const BOM = '\uFEFF';

async function rejection(p: Promise<unknown>): Promise<InputRejectedError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof InputRejectedError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('identifiers', () => {
  it('accepts each type in its formats and normalises spaces and case', () => {
    expect(checkIdentifier('codiceFiscale', ' rssmra85t10 a562s')).toEqual({ valid: true, value: 'RSSMRA85T10A562S' });
    expect(checkIdentifier('idANPR', 'or69233ln')).toEqual({ valid: true, value: 'OR69233LN' });
    expect(checkIdentifier('cartaIdentita', 'AU1234567').valid).toBe(true);
    expect(checkIdentifier('cartaIdentita', 'CA 12345 AB').valid).toBe(true);
    expect(checkIdentifier('cartaIdentita', '1234567AA').valid).toBe(true);
    expect(checkIdentifier('permessoSoggiorno', 'I00123456').valid).toBe(true);
    expect(checkIdentifier('passaporto', 'YA1234567').valid).toBe(true);
  });

  it('refuses with a reason per kind of mistake', () => {
    expect(checkIdentifier('codiceFiscale', 'RSSMRA85T10A562')).toMatchObject({ reason: 'invalid-length' });
    expect(checkIdentifier('codiceFiscale', 'RSSMRA85X10A562S')).toMatchObject({ reason: 'invalid-format' });
    expect(checkIdentifier('codiceFiscale', 'RSSMRA85B30A562S')).toMatchObject({ reason: 'invalid-date' });
    expect(checkIdentifier('codiceFiscale', 'RSSMRA85T10A562T')).toMatchObject({ reason: 'invalid-check-character' });
    expect(checkIdentifier('idANPR', 'OR69233LM')).toMatchObject({ reason: 'invalid-check-character' });
    expect(checkIdentifier('idANPR', 'OR6923')).toMatchObject({ reason: 'invalid-format' });
    expect(checkIdentifier('cartaIdentita', 'CA1234AB')).toMatchObject({ reason: 'invalid-format' });
    expect(checkIdentifier('passaporto', 'ABCDEFGH')).toMatchObject({ reason: 'invalid-format' });
    expect(checkIdentifier('permessoSoggiorno', '   ')).toMatchObject({ reason: 'missing-identifier' });
  });
});

describe('CSV', () => {
  it('parses the README sample with zero errors, references kept as data', async () => {
    const report = await parseInputFile(createReadStream(join(samples, 'esempio.csv')));
    expect(report).toMatchObject({ format: 'csv', delimiter: ';', totalRows: 7, validRows: 7, invalidRows: 0, errors: [], warnings: [] });
    expect(report.rows!.map((r) => r.type)).toEqual(['codiceFiscale', 'codiceFiscale', 'idANPR', 'cartaIdentita', 'cartaIdentita', 'permessoSoggiorno', 'passaporto']);
    expect(report.rows![1]).toEqual({ line: 3, type: 'codiceFiscale', value: 'BNCGNN70C45H501M', reference: 'Pratica 2026/17; sollecito' });
    expect(report.rows![3].reference).toBeNull();
    expect(report.rows![6].reference).toBe('=SOMMA(A1:A2)');
  });

  it('reads comma files with a BOM, CRLF, aliases and type names', async () => {
    const csv = `${BOM}Tipo Identificativo,Valore,Rif\r\ncodice fiscale,RSSMRA85T10A562S,"a,b"\r\nidANPR,OR69233LN,\t@x\r\n`;
    const report = await parseInputFile(Buffer.from(csv));
    expect(report).toMatchObject({ delimiter: ',', totalRows: 2, validRows: 2, errors: [] });
    expect(report.rows).toEqual([
      { line: 2, type: 'codiceFiscale', value: 'RSSMRA85T10A562S', reference: 'a,b' },
      { line: 3, type: 'idANPR', value: 'OR69233LN', reference: '\t@x' },
    ]);
  });

  it('gives the same rows with and without BOM', async () => {
    const body = 'tipo;identificativo\nCF;RSSMRA85T10A562S\n';
    const a = await parseInputFile(body);
    const b = await parseInputFile(BOM + body);
    expect(b.rows).toEqual(a.rows);
    expect(a.rows).toHaveLength(1);
  });

  it('reports every bad row with line, field and reason, and flags duplicates', async () => {
    const csv = [
      'tipo;identificativo;riferimento;note',
      'CF;RSSMRA85T10A562T;r1;x',
      'XX;RSSMRA85T10A562S;r2',
      ';RSSMRA85T10A562S;r3',
      'CF;;r4',
      'CF;RSSMRA85T10A562S;' + 'x'.repeat(51),
      '',
      ';;;',
      'CF;RSSMRA85T10A562S;r7',
      'CF;rssmra85t10a562s;r8',
      'ID;OR69233LM;a;b;c',
    ].join('\n');
    const report = await parseInputFile(csv);
    expect(report.totalRows).toBe(8);
    expect(report.validRows).toBe(2);
    expect(report.invalidRows).toBe(6);
    expect(report.errors.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 2, field: 'identificativo', reason: 'invalid-check-character' },
      { line: 3, field: 'tipo', reason: 'unknown-type' },
      { line: 4, field: 'tipo', reason: 'missing-type' },
      { line: 5, field: 'identificativo', reason: 'missing-identifier' },
      { line: 6, field: 'riferimento', reason: 'reference-too-long' },
      { line: 11, field: 'riga', reason: 'wrong-column-count' },
      { line: 11, field: 'identificativo', reason: 'invalid-check-character' },
    ]);
    expect(report.warnings.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 1, field: 'note', reason: 'unknown-column' },
      { line: 10, field: 'identificativo', reason: 'duplicate-identifier' },
    ]);
    expect(report.warnings[1].message).toBe('Identificativo già presente alla riga 9');
    expect(report.rows!.map((r) => r.line)).toEqual([9, 10]);
  });

  it('refuses a header without the required columns, bad quoting and non-UTF-8 bytes', async () => {
    expect(await rejection(parseInputFile('codice;nome\nX;Y\n'))).toMatchObject({ code: 'missing-column', status: 422, line: 1 });
    expect(await rejection(parseInputFile('tipo;identificativo\nCF;"RSSMRA85T10A562S\n'))).toMatchObject({ code: 'malformed-csv', status: 422 });
    const latin1 = Buffer.concat([Buffer.from('tipo;identificativo;riferimento\nCF;RSSMRA85T10A562S;citt'), Buffer.from([0xe0]), Buffer.from('\n')]);
    expect(await rejection(parseInputFile(latin1))).toMatchObject({ code: 'invalid-encoding', status: 422 });
    expect(await rejection(parseInputFile('\n\n'))).toMatchObject({ code: 'empty-input' });
    expect(await rejection(parseInputFile('tipo;identificativo\n'))).toMatchObject({ code: 'empty-input' });
    expect(await rejection(parseInputFile('just text\n'))).toMatchObject({ code: 'unrecognised-format', status: 422 });
  });

  it('enforces the row and byte limits with distinct codes', async () => {
    const csv = 'tipo;identificativo\n' + 'CF;RSSMRA85T10A562S\n'.repeat(3);
    expect(await rejection(parseInputFile(csv, { limits: { maxRows: 2 } }))).toMatchObject({ code: 'too-many-rows', status: 422, line: 4 });
    expect((await parseInputFile(csv, { limits: { maxRows: 3 } })).validRows).toBe(3);
    const chunks = async function* () {
      for (let i = 0; i < 10; i++) yield Buffer.from(i === 0 ? 'tipo;identificativo\n' : 'CF;RSSMRA85T10A562S\n');
    };
    expect(await rejection(parseInputFile(chunks(), { limits: { maxBytes: 100 } }))).toMatchObject({ code: 'too-large', status: 413 });
  });

  it('hands valid rows to a sink in order instead of keeping them', async () => {
    const got: InputRow[] = [];
    const report = await parseInputFile('tipo;identificativo\nCF;RSSMRA85T10A562S\nID;OR69233LN\n', {
      sink: async (row) => {
        got.push(row);
      },
    });
    expect(report.rows).toBeUndefined();
    expect(got.map((r) => r.value)).toEqual(['RSSMRA85T10A562S', 'OR69233LN']);
  });
});

describe('fixed-width', () => {
  it('parses the README sample with zero errors', async () => {
    const text = readFileSync(join(samples, 'esempio-tracciato.txt'));
    const report = await parseInputFile(text);
    expect(report).toMatchObject({ format: 'fixed-width', totalRows: 4, validRows: 4, errors: [], warnings: [] });
    expect(report.rows![0]).toEqual({ line: 1, type: 'codiceFiscale', value: 'RSSMRA85T10A562S', reference: 'PRAT-0001' });
    expect(report.rows![2].reference).toBeNull();
  });

  it('reports wrong line length, record type, filler and identifiers; LF or CRLF', async () => {
    const good = formatFixedWidthLine('codiceFiscale', 'RSSMRA85T10A562S', 'città');
    const lines = [
      good,
      good.slice(0, 79),
      'X' + good.slice(1),
      good.slice(0, 73) + 'ABCDEFG',
      formatFixedWidthLine('idANPR', 'OR69233LM'),
      '',
    ];
    for (const eol of ['\n', '\r\n']) {
      const report = await parseInputFile(lines.join(eol), { format: 'fixed-width' });
      expect(report.totalRows).toBe(5);
      expect(report.validRows).toBe(1);
      expect(report.rows![0].reference).toBe('città');
      expect(report.errors.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
        { line: 2, field: 'riga', reason: 'wrong-line-length' },
        { line: 3, field: 'tipoRecord', reason: 'unknown-record-type' },
        { line: 4, field: 'filler', reason: 'invalid-filler' },
        { line: 5, field: 'identificativo', reason: 'invalid-check-character' },
      ]);
      expect(report.errors[0].message).toBe('La riga ha 79 caratteri, attesi 80');
    }
  });
});

describe('manual list', () => {
  it('validates items with their positions and property names', async () => {
    const report = await validateManualList([
      { type: 'codiceFiscale', value: 'RSSMRA85T10A562S', reference: '+39' },
      { type: 'passaporto', value: 'X' },
      { type: 'nope', value: 'A' },
    ]);
    expect(report).toMatchObject({ format: 'list', totalRows: 3, validRows: 1, invalidRows: 2 });
    expect(report.rows).toEqual([{ line: 1, type: 'codiceFiscale', value: 'RSSMRA85T10A562S', reference: '+39' }]);
    expect(report.errors.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 2, field: 'value', reason: 'invalid-format' },
      { line: 3, field: 'type', reason: 'unknown-type' },
    ]);
    expect(await rejection(validateManualList([{ type: 'CF', value: 'RSSMRA85T10A562S' }, { type: 'CF', value: 'RSSMRA85T10A562S' }], { limits: { maxRows: 1 } }))).toMatchObject({ code: 'too-many-rows' });
  });
});
