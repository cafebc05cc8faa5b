import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultCsvWriter } from './result-csv-writer.js';

const withDir = async (fn: (dir: string) => Promise<void>) => {
  const dir = mkdtempSync(join(tmpdir(), 'riv-out-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('ResultCsvWriter', () => {
  it('writes ; CSV with a BOM, the header, rows in order and escaped formulas', () =>
    withDir(async (dir) => {
      const sut = new ResultCsvWriter({ directory: dir, baseName: 'esito', fields: ['cognome', 'soggettoAIRE'] });
      await sut.write({ reference: '=HYPERLINK("x")', values: { cognome: 'Rossi', soggettoAIRE: false }, esito: 'trovato' });
      await sut.write({ reference: '\tA', values: { cognome: '@cmd' }, esito: 'errore', errore: 'Servizio; non disponibile' });
      const files = await sut.close();
      expect(files).toHaveLength(1);
      const bytes = readFileSync(join(dir, 'esito-001.csv'));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(
        'riferimento;cognome;soggettoAIRE;esito;errore\r\n' +
          `"'=HYPERLINK(""x"")";Rossi;no;trovato;\r\n` +
          "'\tA;'@cmd;;errore;\"Servizio; non disponibile\"\r\n",
      );
      expect(files[0]).toEqual({ name: 'esito-001.csv', rows: 2, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }));

  it('splits by rows and by bytes, each file with its header, hash and count', () =>
    withDir(async (dir) => {
      const byRows = new ResultCsvWriter({ directory: dir, baseName: 'r', fields: ['nome'], maxRowsPerFile: 2 });
      for (let i = 1; i <= 5; i++) await byRows.write({ reference: `R${i}`, values: { nome: 'Anna' }, esito: 'trovato' });
      const files = await byRows.close();
      expect(files.map((f) => [f.name, f.rows])).toEqual([['r-001.csv', 2], ['r-002.csv', 2], ['r-003.csv', 1]]);
      for (const f of files) {
        const bytes = readFileSync(join(dir, f.name));
        expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(bytes.subarray(3).toString().startsWith('riferimento;nome;esito;errore\r\n')).toBe(true);
      }
      expect(readFileSync(join(dir, 'r-003.csv')).subarray(3).toString()).toBe('riferimento;nome;esito;errore\r\nR5;Anna;trovato;\r\n');

      // BOM 3 + header 31 + each row 'B1;Anna;trovato;\r\n' = 18 bytes: 70 bytes hold two rows.
      const byBytes = new ResultCsvWriter({ directory: dir, baseName: 'b', fields: ['nome'], maxBytesPerFile: 70 });
      for (let i = 1; i <= 3; i++) await byBytes.write({ reference: `B${i}`, values: { nome: 'Anna' }, esito: 'trovato' });
      const bFiles = await byBytes.close();
      expect(bFiles.map((f) => [f.name, f.rows, f.bytes])).toEqual([['b-001.csv', 2, 70], ['b-002.csv', 1, 52]]);
    }));
});
