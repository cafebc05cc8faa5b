/**
 * Codice fiscale of natural persons (DM 23 December 1976, DPR 605/1973): computation, validation,
 * omocodia and decoding. Only the 16-character personal form is handled; the 11-digit numeric form
 * (provisional codes, legal entities) is not a person's codice fiscale as ANPR stores it.
 */

const MONTH_LETTERS = 'ABCDEHLMPRST';
/**
 * When two people would get the same code, Agenzia delle Entrate replaces digits with these letters,
 * starting from the rightmost digit (omocodia). Index = the digit replaced.
 */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Positions (0-based) of the seven digits, in the order omocodia substitutes them (right to left). */
export const OMOCODIA_POSITIONS: readonly number[] = [14, 13, 12, 10, 9, 7, 6];
export const MAX_OMOCODIA_LEVEL = OMOCODIA_POSITIONS.length;

/** Odd-position (1st, 3rd, ...) values of the check-character algorithm, for A..Z; digits use the value of the letter with the same index. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const DIGIT_OR_OMOCODIA = '[0-9LMNPQRSTUV]';
export const CODICE_FISCALE_PATTERN = new RegExp(
  `^[A-Z]{6}${DIGIT_OR_OMOCODIA}{2}[${MONTH_LETTERS}]${DIGIT_OR_OMOCODIA}{2}[A-Z]${DIGIT_OR_OMOCODIA}{3}[A-Z]$`,
);

export type SessoCF = 'M' | 'F';

export interface CodiceFiscaleInput {
  cognome: string;
  nome: string;
  sesso: SessoCF;
  /** YYYY-MM-DD */
  dataNascita: string;
  /** Codice catastale (Belfiore) of the Comune of birth, or the Z code of the foreign state. */
  codiceBelfiore: string;
}

/** Uppercase A-Z only: accents are folded to their base letter, apostrophes and spaces dropped. */
function lettersOnly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

const isVowel = (c: string) => 'AEIOU'.includes(c);

function splitLetters(text: string): { consonants: string; vowels: string } {
  const letters = lettersOnly(text);
  let consonants = '';
  let vowels = '';
  for (const c of letters) {
    if (isVowel(c)) vowels += c;
    else consonants += c;
  }
  return { consonants, vowels };
}

/** Three letters from the surname: consonants, then vowels, then X padding. */
export function cognomeCode(cognome: string): string {
  const { consonants, vowels } = splitLetters(cognome);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** Three letters from the first name; with four or more consonants the 2nd is skipped. */
export function nomeCode(nome: string): string {
  const { consonants, vowels } = splitLetters(nome);
  if (consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return code - 65;
}

/** Check character over the first 15 characters (omocodic letters included as they are). */
export function codiceFiscaleCheckCharacter(first15: string): string {
  if (!/^[A-Z0-9]{15}$/.test(first15)) throw new Error('codice fiscale check character needs 15 characters A-Z/0-9');
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(first15[i]);
    // 1-based odd positions are 0-based even indexes.
    sum += i % 2 === 0 ? ODD_VALUES[idx] : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`invalid date ${iso}, expected YYYY-MM-DD`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The codice fiscale for the given data. `omocodiaLevel` 0 is the natural code; level k substitutes
 * the k rightmost digits, which is what Agenzia delle Entrate assigns to the (k+1)-th holder of the
 * same natural code.
 */
export function computeCodiceFiscale(input: CodiceFiscaleInput, omocodiaLevel = 0): string {
  const { year, month, day } = parseIsoDate(input.dataNascita);
  if (month < 1 || month > 12) throw new Error(`invalid month in ${input.dataNascita}`);
  const belfiore = input.codiceBelfiore.toUpperCase();
  if (!/^[A-Z][0-9]{3}$/.test(belfiore)) throw new Error(`invalid codice Belfiore ${input.codiceBelfiore}`);
  const dayCode = input.sesso === 'F' ? day + 40 : day;
  const first15 =
    cognomeCode(input.cognome) +
    nomeCode(input.nome) +
    String(year % 100).padStart(2, '0') +
    MONTH_LETTERS[month - 1] +
    String(dayCode).padStart(2, '0') +
    belfiore;
  const natural = first15 + codiceFiscaleCheckCharacter(first15);
  return omocodiaLevel === 0 ? natural : omocodicVariant(natural, omocodiaLevel);
}

/** Replaces omocodic letters by their digits and recomputes the check character. */
export function normaliseOmocodia(codiceFiscale: string): string {
  const cf = codiceFiscale.toUpperCase();
  const chars = cf.slice(0, 15).split('');
  for (const pos of OMOCODIA_POSITIONS) {
    const k = OMOCODIA_LETTERS.indexOf(chars[pos]);
    if (k >= 0) chars[pos] = String(k);
  }
  const first15 = chars.join('');
  return first15 + codiceFiscaleCheckCharacter(first15);
}

/** Number of digit positions holding an omocodic letter (0 for a natural code). */
export function omocodiaLevelOf(codiceFiscale: string): number {
  const cf = codiceFiscale.toUpperCase();
  return OMOCODIA_POSITIONS.filter((p) => OMOCODIA_LETTERS.includes(cf[p])).length;
}

export const isOmocodic = (codiceFiscale: string): boolean => omocodiaLevelOf(codiceFiscale) > 0;

/**
 * The official omocodic variant of level 1..7 of a code (natural or already omocodic): the `level`
 * rightmost digit positions carry letters, the others digits.
 */
export function omocodicVariant(codiceFiscale: string, level: number): string {
  if (!Number.isInteger(level) || level < 0 || level > MAX_OMOCODIA_LEVEL) throw new Error(`omocodia level must be 0..${MAX_OMOCODIA_LEVEL}`);
  const base = normaliseOmocodia(codiceFiscale);
  const chars = base.slice(0, 15).split('');
  for (const pos of OMOCODIA_POSITIONS.slice(0, level)) chars[pos] = OMOCODIA_LETTERS[Number(chars[pos])];
  const first15 = chars.join('');
  return first15 + codiceFiscaleCheckCharacter(first15);
}

/** The seven official omocodic variants (levels 1..7) of a code, in the order they are assigned. */
export function omocodicVariants(codiceFiscale: string): string[] {
  const out: string[] = [];
  for (let level = 1; level <= MAX_OMOCODIA_LEVEL; level++) out.push(omocodicVariant(codiceFiscale, level));
  return out;
}

/** True when both codes derive from the same natural code (same personal data, any omocodia). */
export const sameNaturalCode = (a: string, b: string): boolean => normaliseOmocodia(a) === normaliseOmocodia(b);

export type CodiceFiscaleInvalidReason = 'length' | 'format' | 'date' | 'check-character';

export type CodiceFiscaleValidation =
  | { valid: true; codiceFiscale: string; omocodiaLevel: number }
  | { valid: false; reason: CodiceFiscaleInvalidReason; message: string };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Validates a personal codice fiscale: length, structure (omocodic letters allowed only in digit
 * positions), a plausible month/day, and the check character. Input is trimmed and uppercased.
 */
export function validateCodiceFiscale(input: string): CodiceFiscaleValidation {
  const cf = input.trim().toUpperCase();
  if (cf.length !== 16) return { valid: false, reason: 'length', message: `codice fiscale must have 16 characters, got ${cf.length}` };
  if (!CODICE_FISCALE_PATTERN.test(cf)) return { valid: false, reason: 'format', message: 'codice fiscale has an invalid structure' };
  const base = normaliseOmocodia(cf);
  const month = MONTH_LETTERS.indexOf(base[8]) + 1;
  let day = Number(base.slice(9, 11));
  if (day > 40) day -= 40;
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]) return { valid: false, reason: 'date', message: 'codice fiscale encodes an impossible birth day' };
  const expected = codiceFiscaleCheckCharacter(cf.slice(0, 15));
  if (cf[15] !== expected) return { valid: false, reason: 'check-character', message: 'codice fiscale check character does not match' };
  return { valid: true, codiceFiscale: cf, omocodiaLevel: omocodiaLevelOf(cf) };
}

export const isValidCodiceFiscale = (cf: string): boolean => validateCodiceFiscale(cf).valid;

export interface DecodedCodiceFiscale {
  /** YYYY-MM-DD; the century is inferred (see `decodeCodiceFiscale`). */
  dataNascita: string;
  sesso: SessoCF;
  codiceBelfiore: string;
  /** True when the place is a foreign state (Z codes). */
  natoAllEstero: boolean;
  omocodiaLevel: number;
}

/**
 * Birth date, sex and Belfiore code carried by a codice fiscale. The code keeps only two digits of
 * the year, so the century is a guess: the latest year not after `referenceYear` (default: the
 * current year). Throws on an invalid code.
 */
export function decodeCodiceFiscale(codiceFiscale: string, referenceYear = new Date().getUTCFullYear()): DecodedCodiceFiscale {
  const v = validateCodiceFiscale(codiceFiscale);
  if (!v.valid) throw new Error(v.message);
  const base = normaliseOmocodia(v.codiceFiscale);
  const yy = Number(base.slice(6, 8));
  const month = MONTH_LETTERS.indexOf(base[8]) + 1;
  let day = Number(base.slice(9, 11));
  const sesso: SessoCF = day > 40 ? 'F' : 'M';
  if (day > 40) day -= 40;
  let year = Math.floor(referenceYear / 100) * 100 + yy;
  if (year > referenceYear) year -= 100;
  const codiceBelfiore = base.slice(11, 15);
  return {
    dataNascita: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sesso,
    codiceBelfiore,
    natoAllEstero: codiceBelfiore.startsWith('Z'),
    omocodiaLevel: v.omocodiaLevel,
  };
}
