import { IDENTIFIER_TYPES, type IdentifierType, type RowIssueReason, checkIdentifier, identifierTypeOf } from './identifiers.js';

/** A valid input row, ready to be queued. `line` is the line of the file (or the 1-based position in a list). */
export interface InputRow {
  line: number;
  type: IdentifierType;
  /** Normalised identifier (spaces removed, uppercase). */
  value: string;
  /** The caller's own reference, exactly as given (formula-looking text included), or null. */
  reference: string | null;
}

export interface RowIssue {
  line: number;
  /** The column or property: tipo, identificativo, riferimento, tipoRecord, riga, filler (type, value, reference in a list). */
  field: string;
  reason: RowIssueReason;
  message: string;
}

export type InputFormat = 'csv' | 'fixed-width' | 'list';

export interface ValidationReport {
  format: InputFormat;
  /** Only for CSV: the separator found in the header. */
  delimiter?: ';' | ',';
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Every refused row's problems; a row may have more than one. */
  errors: RowIssue[];
  /** Kept rows worth a look (duplicates) and file remarks (ignored columns). */
  warnings: RowIssue[];
  /** The valid rows in input order, unless a sink received them. */
  rows?: InputRow[];
  /** The caller's references of refused rows (when given and not too long), so that their output rows carry them too. */
  refusedReferences?: Array<{ line: number; reference: string }>;
}

/** Codes of a refused input as a whole; the service maps them to problem types and statuses. */
export const INPUT_REJECTION_STATUS = {
  'too-large': 413,
  'too-many-rows': 422,
  'invalid-encoding': 422,
  'unrecognised-format': 422,
  'missing-column': 422,
  'malformed-csv': 422,
  'empty-input': 422,
} as const;
export type InputRejectionCode = keyof typeof INPUT_REJECTION_STATUS;

/** The whole input is refused: nothing from it may be kept (see README, "Nothing is half-imported"). */
export class InputRejectedError extends Error {
  readonly status: number;
  constructor(
    readonly code: InputRejectionCode,
    /** Italian, for the person who sent the file. */
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'InputRejectedError';
    this.status = INPUT_REJECTION_STATUS[code];
  }
}

export interface InputLimits {
  /** Data rows (blank lines and the CSV header do not count). */
  maxRows: number;
  /** Bytes of the file as received (BOM included). */
  maxBytes: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxRows: 100_000, maxBytes: 20 * 1024 * 1024 };

/** Longest caller reference: the width of its field in the fixed-width layout. */
export const MAX_REFERENCE_LENGTH = 50;

export type RowSink = (row: InputRow) => void | Promise<void>;

/** The raw cells of one row, as found in the input, before any check. */
export interface RawRow {
  line: number;
  type: string | undefined;
  value: string | undefined;
  reference: string | undefined;
}

export interface FieldNames {
  type: string;
  value: string;
  reference: string;
}

/**
 * A 53-bit hash of a row's identifier: one number per distinct row keeps a 100k-row file's memory
 * flat where the strings would not. Two different identifiers share a hash with a probability of
 * about 1e-6 in a 100k-row file; the cost would be one spurious duplicate warning, never a lost row.
 */
function duplicateKey(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * Accumulates the report while rows stream through: checks each row, flags duplicates, enforces
 * the row limit and hands valid rows to the sink (or keeps them).
 */
export class ReportBuilder {
  readonly report: ValidationReport;
  private readonly seen = new Map<number, number>();

  constructor(
    format: InputFormat,
    private readonly limits: InputLimits,
    private readonly fields: FieldNames,
    private readonly sink?: RowSink,
  ) {
    this.report = { format, totalRows: 0, validRows: 0, invalidRows: 0, errors: [], warnings: [] };
    if (!sink) this.report.rows = [];
  }

  /** Counts a row against the limit; call for every data row, also those refused before `addRow`. */
  countRow(line: number): void {
    this.report.totalRows++;
    if (this.report.totalRows > this.limits.maxRows) {
      throw new InputRejectedError('too-many-rows', `Il file supera il numero massimo di righe (${this.limits.maxRows})`, line);
    }
  }

  /** A row refused before its cells could be read (wrong length, unknown record type...). */
  refuseRow(issues: RowIssue[]): void {
    this.report.invalidRows++;
    this.report.errors.push(...issues);
  }

  warn(issue: RowIssue): void {
    this.report.warnings.push(issue);
  }

  /** Checks a counted row; `extra` are problems the format found already (e.g. a non-blank filler). */
  async addRow(raw: RawRow, extra: RowIssue[] = []): Promise<void> {
    const issues = extra;
    const { line } = raw;
    let type: IdentifierType | undefined;
    const typeText = raw.type?.trim() ?? '';
    if (typeText === '') {
      issues.push({ line, field: this.fields.type, reason: 'missing-type', message: 'Tipo di identificativo mancante' });
    } else {
      type = identifierTypeOf(typeText);
      if (!type) {
        issues.push({
          line,
          field: this.fields.type,
          reason: 'unknown-type',
          message: 'Tipo di identificativo non riconosciuto: usare CF, CI, ID, PS o PP',
        });
      }
    }
    let value: string | undefined;
    const rawValue = raw.value ?? '';
    if (type) {
      const check = checkIdentifier(type, rawValue);
      if (check.valid) value = check.value;
      else issues.push({ line, field: this.fields.value, reason: check.reason, message: check.message });
    } else if (rawValue.trim() === '') {
      issues.push({ line, field: this.fields.value, reason: 'missing-identifier', message: 'Identificativo mancante' });
    }
    const reference = raw.reference === undefined || raw.reference === '' ? null : raw.reference;
    if (reference !== null && [...reference].length > MAX_REFERENCE_LENGTH) {
      issues.push({
        line,
        field: this.fields.reference,
        reason: 'reference-too-long',
        message: `Il riferimento supera i ${MAX_REFERENCE_LENGTH} caratteri`,
      });
    }
    if (issues.length > 0 || !type || value === undefined) {
      this.refuseRow(issues);
      if (reference !== null && [...reference].length <= MAX_REFERENCE_LENGTH) (this.report.refusedReferences ??= []).push({ line, reference });
      return;
    }
    // Duplicates are kept (the caller may have reasons, and each row gets its own output row) but flagged.
    const key = duplicateKey(IDENTIFIER_TYPES[type].code + value);
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, line);
    else {
      this.warn({ line, field: this.fields.value, reason: 'duplicate-identifier', message: `Identificativo già presente alla riga ${first}` });
    }
    this.report.validRows++;
    const row: InputRow = { line, type, value, reference };
    if (this.sink) await this.sink(row);
    else this.report.rows!.push(row);
  }

  finish(): ValidationReport {
    if (this.report.totalRows === 0) throw new InputRejectedError('empty-input', 'Il file non contiene righe da elaborare');
    return this.report;
  }
}
