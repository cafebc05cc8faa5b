import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { addFixedWidthLine, looksLikeFixedWidth } from './fixed-width.js';
import { foldName } from './identifiers.js';
import {
  DEFAULT_INPUT_LIMITS,
  type FieldNames,
  type InputLimits,
  InputRejectedError,
  ReportBuilder,
  type RowSink,
  type ValidationReport,
} from './input-report.js';

export type InputSource = AsyncIterable<Uint8Array | string> | Uint8Array | string;

export interface ParseInputOptions {
  /** `auto` (default) tells CSV from fixed-width by the first line. */
  format?: 'auto' | 'csv' | 'fixed-width';
  limits?: Partial<InputLimits>;
  /**
   * Receives each valid row in input order, awaited (so a slow sink slows the reading). Without a
   * sink the valid rows are returned in `report.rows`.
   */
  sink?: RowSink;
}

/** CSV header names, compared after `foldName` (case, accents, spaces, `_`, `-` ignored). */
export const CSV_COLUMNS = {
  tipo: ['tipo', 'tipoidentificativo', 'tipoid', 'type'],
  identificativo: ['identificativo', 'valore', 'valoreidentificativo', 'id', 'identifier', 'value'],
  riferimento: ['riferimento', 'rif', 'riferimentochiamante', 'reference', 'ref'],
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;

const FILE_FIELDS: FieldNames = { type: 'tipo', value: 'identificativo', reference: 'riferimento' };

const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

async function* chunksOf(source: InputSource): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield toBytes(source);
    return;
  }
  for await (const chunk of source) yield toBytes(chunk);
}

/** UTF-8 text of the source, BOM removed, refusing invalid bytes and anything past `maxBytes`. */
async function* decodedText(source: InputSource, maxBytes: number): AsyncGenerator<string> {
  // ignoreBOM: false means the decoder drops a leading BOM.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new InputRejectedError(
        'invalid-encoding',
        'Il file non è in UTF-8: salvarlo come "CSV UTF-8" (o testo UTF-8) e caricarlo di nuovo',
      );
    }
  };
  for await (const chunk of chunksOf(source)) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) {
      throw new InputRejectedError('too-large', `Il file supera la dimensione massima (${maxBytes} byte)`);
    }
    const text = decode(chunk);
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

/** Reads until the first non-blank line is known; returns it with a stream that replays everything read. */
async function peekFirstLine(text: AsyncGenerator<string>): Promise<{ firstLine: string | undefined; all: AsyncGenerator<string> }> {
  const buffered: string[] = [];
  let seen = '';
  let firstLine: string | undefined;
  for (;;) {
    const m = /^[\r\n\s]*([^\r\n]*)(\r?\n)?/.exec(seen);
    if (m && m[1] !== '' && m[2] !== undefined) {
      firstLine = m[1];
      break;
    }
    const next = await text.next();
    if (next.done) {
      firstLine = m && m[1] !== '' ? m[1] : undefined;
      break;
    }
    buffered.push(next.value);
    seen += next.value;
  }
  async function* all() {
    yield* buffered;
    yield* text;
  }
  return { firstLine, all: all() };
}

/**
 * Parses and validates an uploaded file (CSV or fixed-width) as a stream: memory stays flat
 * whatever the size when a sink takes the rows. Resolves with the complete report, or rejects
 * with an InputRejectedError (limits, encoding, unreadable file); on a rejection the caller must
 * drop whatever its sink received (the service writes rows in one transaction).
 */
export async function parseInputFile(source: InputSource, options: ParseInputOptions = {}): Promise<ValidationReport> {
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...options.limits };
  const { firstLine, all } = await peekFirstLine(decodedText(source, limits.maxBytes));
  if (firstLine === undefined) throw new InputRejectedError('empty-input', 'Il file non contiene righe da elaborare');
  let format = options.format ?? 'auto';
  if (format === 'auto') {
    if (looksLikeFixedWidth(firstLine)) format = 'fixed-width';
    else if (/[;,]/.test(firstLine)) format = 'csv';
    else {
      throw new InputRejectedError(
        'unrecognised-format',
        'Formato non riconosciuto: serve un CSV con intestazione (tipo;identificativo;riferimento) o il tracciato a lunghezza fissa',
        1,
      );
    }
  }
  return format === 'csv' ? parseCsv(all, firstLine, limits, options.sink) : parseFixedWidth(all, limits, options.sink);
}

async function parseFixedWidth(text: AsyncIterable<string>, limits: InputLimits, sink?: RowSink): Promise<ValidationReport> {
  const builder = new ReportBuilder('fixed-width', limits, FILE_FIELDS, sink);
  let line = 0;
  let pending = '';
  const handle = async (raw: string) => {
    line++;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() !== '') await addFixedWidthLine(builder, line, content);
  };
  for await (const chunk of text) {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      await handle(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  }
  if (pending !== '') await handle(pending);
  return builder.finish();
}

function csvDelimiter(headerLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons >= commas ? ';' : ',';
}

function mapHeader(header: string[]): { columns: Partial<Record<CsvColumn, number>>; ignored: string[] } {
  const columns: Partial<Record<CsvColumn, number>> = {};
  const ignored: string[] = [];
  header.forEach((name, i) => {
    const folded = foldName(name);
    const column = (Object.keys(CSV_COLUMNS) as CsvColumn[]).find((c) => (CSV_COLUMNS[c] as readonly string[]).includes(folded));
    if (column && columns[column] === undefined) columns[column] = i;
    else if (name.trim() !== '') ignored.push(name.trim());
  });
  return { columns, ignored };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

async function parseCsv(text: AsyncIterable<string>, headerLine: string, limits: InputLimits, sink?: RowSink): Promise<ValidationReport> {
  const delimiter = csvDelimiter(headerLine);
  const builder = new ReportBuilder('csv', limits, FILE_FIELDS, sink);
  builder.report.delimiter = delimiter;
  const parser = parse({
    delimiter,
    // Row-level problems are reported per row below rather than failing the whole file.
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  let columns: Partial<Record<CsvColumn, number>> | undefined;
  let width = 0;
  try {
    await pipeline(text, parser, async (records: AsyncIterable<CsvRecord>) => {
      for await (const { record, info } of records) {
        const line = info.lines;
        if (!columns) {
          const mapped = mapHeader(record);
          if (mapped.columns.tipo === undefined || mapped.columns.identificativo === undefined) {
            throw new InputRejectedError(
              'missing-column',
              'Intestazione non valida: servono almeno le colonne "tipo" e "identificativo" (e facoltativamente "riferimento")',
              line,
            );
          }
          columns = mapped.columns;
          width = record.length;
          for (const name of mapped.ignored) {
            builder.warn({ line, field: name, reason: 'unknown-column', message: `Colonna "${name}" ignorata` });
          }
          continue;
        }
        // Excel writes rows of bare separators (";;") under the data: they are blank lines.
        if (record.every((cell) => cell.trim() === '')) continue;
        builder.countRow(line);
        const extra =
          record.length > width
            ? [
                {
                  line,
                  field: 'riga',
                  reason: 'wrong-column-count' as const,
                  message: `La riga ha ${record.length} colonne, l'intestazione ne ha ${width}: un valore contiene forse il separatore senza virgolette`,
                },
              ]
            : [];
        await builder.addRow(
          {
            line,
            type: record[columns.tipo!],
            value: record[columns.identificativo!],
            reference: columns.riferimento === undefined ? undefined : record[columns.riferimento],
          },
          extra,
        );
      }
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new InputRejectedError(
        'malformed-csv',
        `CSV non leggibile${line ? ` alla riga ${line}` : ''}: controllare le virgolette`,
        line,
      );
    }
    throw err;
  }
  return builder.finish();
}

/** One item of a list typed in by hand. */
export interface ManualListItem {
  type: string;
  value: string;
  reference?: string | null;
}

/**
 * Validates a list typed in by hand (or sent as JSON): the same checks as a file, with `line` the
 * 1-based position in the list and fields named as the properties (type, value, reference).
 */
export async function validateManualList(
  items: readonly ManualListItem[],
  options: { limits?: Partial<InputLimits>; sink?: RowSink } = {},
): Promise<ValidationReport> {
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...options.limits };
  if (items.length === 0) throw new InputRejectedError('empty-input', "L'elenco non contiene soggetti");
  if (items.length > limits.maxRows) {
    throw new InputRejectedError('too-many-rows', `L'elenco supera il numero massimo di soggetti (${limits.maxRows})`);
  }
  const builder = new ReportBuilder('list', limits, { type: 'type', value: 'value', reference: 'reference' }, options.sink);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    builder.countRow(i + 1);
    await builder.addRow({
      line: i + 1,
      type: typeof item?.type === 'string' ? item.type : undefined,
      value: typeof item?.value === 'string' ? item.value : undefined,
      reference: typeof item?.reference === 'string' ? item.reference : undefined,
    });
  }
  return builder.finish();
}
