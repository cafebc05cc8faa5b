import { IDENTIFIER_TYPES, IDENTIFIER_TYPE_CODES, type IdentifierType } from './identifiers.js';
import type { RawRow, ReportBuilder, RowIssue } from './input-report.js';

/**
 * The fixed-width "tracciato record" (seed 000): one detail record per line, 80 characters,
 * positions 1-based and inclusive (documented in apps/rivestizione/README.md).
 */
export const FIXED_WIDTH_LAYOUT = {
  recordType: { start: 1, length: 1 },
  identifierType: { start: 2, length: 2 },
  identifier: { start: 4, length: 20 },
  reference: { start: 24, length: 50 },
  filler: { start: 74, length: 7 },
} as const;
export const FIXED_WIDTH_LINE_LENGTH = 80;
/** "D" = dettaglio, the only record type. */
export const DETAIL_RECORD = 'D';

/** True when a line looks like a detail record of this layout (used to tell the format apart from CSV). */
export function looksLikeFixedWidth(firstLine: string): boolean {
  return firstLine.startsWith(DETAIL_RECORD) && (IDENTIFIER_TYPE_CODES as string[]).includes(firstLine.slice(1, 3));
}

const cut = (chars: string[], f: { start: number; length: number }) => chars.slice(f.start - 1, f.start - 1 + f.length).join('');

/** Checks one non-blank line and passes it to the report. Lengths are counted in characters, not bytes. */
export async function addFixedWidthLine(builder: ReportBuilder, line: number, text: string): Promise<void> {
  builder.countRow(line);
  // Array.from splits by code point, so an accented letter in a reference is one character.
  const chars = Array.from(text);
  if (chars.length !== FIXED_WIDTH_LINE_LENGTH) {
    builder.refuseRow([
      { line, field: 'riga', reason: 'wrong-line-length', message: `La riga ha ${chars.length} caratteri, attesi ${FIXED_WIDTH_LINE_LENGTH}` },
    ]);
    return;
  }
  const recordType = cut(chars, FIXED_WIDTH_LAYOUT.recordType);
  if (recordType !== DETAIL_RECORD) {
    builder.refuseRow([
      { line, field: 'tipoRecord', reason: 'unknown-record-type', message: `Tipo record non previsto: atteso "${DETAIL_RECORD}" in posizione 1` },
    ]);
    return;
  }
  const extra: RowIssue[] = [];
  if (cut(chars, FIXED_WIDTH_LAYOUT.filler).trim() !== '') {
    extra.push({ line, field: 'filler', reason: 'invalid-filler', message: 'Le posizioni 74-80 devono contenere spazi: i campi sono forse spostati' });
  }
  const raw: RawRow = {
    line,
    type: cut(chars, FIXED_WIDTH_LAYOUT.identifierType),
    value: cut(chars, FIXED_WIDTH_LAYOUT.identifier),
    // Trailing spaces are padding; leading characters are the caller's data.
    reference: cut(chars, FIXED_WIDTH_LAYOUT.reference).trimEnd(),
  };
  await builder.addRow(raw, extra);
}

/** One line of the layout, for samples, tests and callers that produce such files. */
export function formatFixedWidthLine(type: IdentifierType, identifier: string, reference = ''): string {
  const pad = (s: string, n: number) => {
    const chars = Array.from(s);
    if (chars.length > n) throw new Error(`field longer than ${n} characters`);
    return s + ' '.repeat(n - chars.length);
  };
  return (
    DETAIL_RECORD +
    IDENTIFIER_TYPES[type].code +
    pad(identifier, FIXED_WIDTH_LAYOUT.identifier.length) +
    pad(reference, FIXED_WIDTH_LAYOUT.reference.length) +
    ' '.repeat(FIXED_WIDTH_LAYOUT.filler.length)
  );
}
