import { validateCodiceFiscale, validateIdAnpr } from '#libs/anpr';

/**
 * The identifiers a rivestizione row may carry (R-RIV-1). The key is the name used by the API and
 * the manual list; `code` is the two-letter code of the fixed-width record layout (also accepted in
 * CSV files); `label` is what a person reads.
 */
export const IDENTIFIER_TYPES = {
  codiceFiscale: { code: 'CF', label: 'codice fiscale' },
  cartaIdentita: { code: 'CI', label: "numero carta d'identità" },
  idANPR: { code: 'ID', label: 'idANPR' },
  permessoSoggiorno: { code: 'PS', label: 'numero permesso di soggiorno' },
  passaporto: { code: 'PP', label: 'numero passaporto' },
} as const;

export type IdentifierType = keyof typeof IDENTIFIER_TYPES;
export const IDENTIFIER_TYPE_NAMES = Object.keys(IDENTIFIER_TYPES) as IdentifierType[];
export const IDENTIFIER_TYPE_CODES = IDENTIFIER_TYPE_NAMES.map((t) => IDENTIFIER_TYPES[t].code);

/** Lowercase, accents folded, everything but letters and digits dropped: "Carta d'Identità" -> "cartaidentita". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const TYPE_ALIASES = new Map<string, IdentifierType>();
for (const type of IDENTIFIER_TYPE_NAMES) {
  TYPE_ALIASES.set(foldName(type), type);
  TYPE_ALIASES.set(foldName(IDENTIFIER_TYPES[type].code), type);
  TYPE_ALIASES.set(foldName(IDENTIFIER_TYPES[type].label), type);
}
for (const [alias, type] of [
  ['cartadidentita', 'cartaIdentita'],
  ['cie', 'cartaIdentita'],
  ['idunico', 'idANPR'],
  ['idunicoanpr', 'idANPR'],
  ['permesso', 'permessoSoggiorno'],
  ['permessodisoggiorno', 'permessoSoggiorno'],
  ['passport', 'passaporto'],
] as const) {
  TYPE_ALIASES.set(alias, type);
}

/** The identifier type a person wrote ("CF", "codice fiscale", "cartaIdentita", "CIE"...), or undefined. */
export function identifierTypeOf(text: string): IdentifierType | undefined {
  return TYPE_ALIASES.get(foldName(text));
}

/**
 * Why a row was refused or flagged. Codes are stable (the API and SDKs expose them); the Italian
 * message is for the person fixing the file and never repeats the identifier itself.
 */
export const ROW_ISSUE_REASONS = [
  'missing-type',
  'unknown-type',
  'missing-identifier',
  'invalid-length',
  'invalid-format',
  'invalid-date',
  'invalid-check-character',
  'reference-too-long',
  'wrong-column-count',
  'wrong-line-length',
  'unknown-record-type',
  'invalid-filler',
  // warnings: the row is kept
  'duplicate-identifier',
  'unknown-column',
] as const;
export type RowIssueReason = (typeof ROW_ISSUE_REASONS)[number];

export type IdentifierCheck =
  | { valid: true; value: string }
  | { valid: false; reason: Extract<RowIssueReason, 'missing-identifier' | 'invalid-length' | 'invalid-format' | 'invalid-date' | 'invalid-check-character'>; message: string };

// Paper card (AA1234567), CIE 2.0 (1234567AA) and CIE 3.0 (CA12345AB).
const CARTA_IDENTITA = /^(?:[A-Z]{2}\d{7}|\d{7}[A-Z]{2}|C[A-Z]\d{5}[A-Z]{2})$/;
// Document numbers of permits and passports (Italian and foreign) follow no single published
// pattern: ICAO 9303 allows up to 9 characters in the machine-readable zone, Italian electronic
// permits carry longer numbers. So only the shape is checked: letters and digits, at least one digit.
const PERMESSO_SOGGIORNO = /^(?=.*\d)[A-Z0-9]{8,12}$/;
const PASSAPORTO = /^(?=.*\d)[A-Z0-9]{6,9}$/;

/**
 * Checks an identifier's format and, for codice fiscale and idANPR, its check character. Spaces
 * are ignored and letters uppercased, so "rss mra 85t10 a562s" is accepted as RSSMRA85T10A562S;
 * `value` is the normalised form the lookup uses.
 */
export function checkIdentifier(type: IdentifierType, raw: string): IdentifierCheck {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  if (value === '') return { valid: false, reason: 'missing-identifier', message: 'Identificativo mancante' };
  switch (type) {
    case 'codiceFiscale': {
      const v = validateCodiceFiscale(value);
      if (v.valid) return { valid: true, value };
      switch (v.reason) {
        case 'length':
          return { valid: false, reason: 'invalid-length', message: `Il codice fiscale deve avere 16 caratteri, ne ha ${value.length}` };
        case 'format':
          return { valid: false, reason: 'invalid-format', message: 'Il codice fiscale non ha la struttura prevista (6 lettere, 2 cifre, lettera del mese, ...)' };
        case 'date':
          return { valid: false, reason: 'invalid-date', message: 'Il codice fiscale indica una data di nascita impossibile' };
        case 'check-character':
          return { valid: false, reason: 'invalid-check-character', message: 'Il carattere di controllo del codice fiscale non corrisponde' };
      }
      break;
    }
    case 'idANPR': {
      const v = validateIdAnpr(value);
      if (v.valid) return { valid: true, value };
      return v.reason === 'format'
        ? { valid: false, reason: 'invalid-format', message: "L'idANPR deve avere 9 caratteri tra lettere e cifre" }
        : { valid: false, reason: 'invalid-check-character', message: "Il carattere di controllo dell'idANPR non corrisponde" };
    }
    case 'cartaIdentita':
      return CARTA_IDENTITA.test(value)
        ? { valid: true, value }
        : {
            valid: false,
            reason: 'invalid-format',
            message: "Il numero della carta d'identità non è valido (cartacea AA1234567, CIE 3.0 CA12345AB o CIE 2.0 1234567AA)",
          };
    case 'permessoSoggiorno':
      return PERMESSO_SOGGIORNO.test(value)
        ? { valid: true, value }
        : { valid: false, reason: 'invalid-format', message: 'Il numero del permesso di soggiorno deve avere da 8 a 12 lettere o cifre' };
    case 'passaporto':
      return PASSAPORTO.test(value)
        ? { valid: true, value }
        : { valid: false, reason: 'invalid-format', message: 'Il numero del passaporto deve avere da 6 a 9 lettere o cifre' };
  }
  throw new Error(`unknown identifier type ${String(type)}`);
}
