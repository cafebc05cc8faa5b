import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** One output row per input row: the caller's reference, the profile's fields, esito and errore. */
export interface ResultRow {
  reference: string | null;
  values: Readonly<Record<string, string | number | boolean | null | undefined>>;
  esito: string;
  errore?: string | null;
}

export interface ResultFile {
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ResultCsvWriterOptions {
  directory: string;
  /** Files are named `<baseName>-001.csv`, `-002.csv`... */
  baseName: string;
  /** The profile's field set, in column order. */
  fields: readonly string[];
  /** Start a new file before a row would take a file past this size (BOM and header included). */
  maxBytesPerFile?: number;
  maxRowsPerFile?: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const cell = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'sì' : 'no') : String(v);

interface OpenFile {
  name: string;
  stream: WriteStream;
  hash: Hash;
  rows: number;
  bytes: number;
}

/**
 * Streams result rows to CSV files for Italian Excel: `;`, UTF-8 BOM, CRLF, and any cell starting
 * with = + - @ tab or CR prefixed with an apostrophe so that no spreadsheet runs it as a formula.
 * Rows are written in the order given; each file repeats the header.
 */
export class ResultCsvWriter {
  private current?: OpenFile;
  private readonly done: ResultFile[] = [];
  private readonly header: Buffer;

  constructor(private readonly options: ResultCsvWriterOptions) {
    this.header = this.line(['riferimento', ...options.fields, 'esito', 'errore']);
  }

  private line(cells: string[]): Buffer {
    return Buffer.from(stringify([cells], { delimiter: ';', escape_formulas: true, record_delimiter: 'windows' }), 'utf8');
  }

  private async put(file: OpenFile, data: Buffer): Promise<void> {
    file.hash.update(data);
    file.bytes += data.length;
    if (!file.stream.write(data)) await once(file.stream, 'drain');
  }

  private async open(): Promise<OpenFile> {
    const name = `${this.options.baseName}-${String(this.done.length + 1).padStart(3, '0')}.csv`;
    const file: OpenFile = { name, stream: createWriteStream(join(this.options.directory, name)), hash: createHash('sha256'), rows: 0, bytes: 0 };
    await this.put(file, BOM);
    await this.put(file, this.header);
    return file;
  }

  private async closeCurrent(): Promise<void> {
    const file = this.current;
    if (!file) return;
    this.current = undefined;
    file.stream.end();
    await finished(file.stream);
    this.done.push({ name: file.name, rows: file.rows, bytes: file.bytes, sha256: file.hash.digest('hex') });
  }

  async write(row: ResultRow): Promise<void> {
    const data = this.line([cell(row.reference), ...this.options.fields.map((f) => cell(row.values[f])), row.esito, cell(row.errore)]);
    const { maxBytesPerFile, maxRowsPerFile } = this.options;
    if (
      this.current &&
      this.current.rows > 0 &&
      ((maxRowsPerFile !== undefined && this.current.rows >= maxRowsPerFile) ||
        (maxBytesPerFile !== undefined && this.current.bytes + data.length > maxBytesPerFile))
    ) {
      await this.closeCurrent();
    }
    this.current ??= await this.open();
    await this.put(this.current, data);
    this.current.rows++;
  }

  /** Closes the last file; returns every file written (one with just the header when no row came). */
  async close(): Promise<ResultFile[]> {
    if (!this.current && this.done.length === 0) this.current = await this.open();
    await this.closeCurrent();
    return [...this.done];
  }
}
