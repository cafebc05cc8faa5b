import { describe, expect, it } from '@jest/globals';
import {
  cognomeCode,
  computeCodiceFiscale,
  decodeCodiceFiscale,
  isOmocodic,
  isValidCodiceFiscale,
  nomeCode,
  normaliseOmocodia,
  omocodiaLevelOf,
  omocodicVariant,
  omocodicVariants,
  sameNaturalCode,
  validateCodiceFiscale,
} from './codice-fiscale.js';

describe('codice fiscale computation', () => {
  it('computes well-known examples', () => {
    expect(computeCodiceFiscale({ cognome: 'Rossi', nome: 'Mario', sesso: 'M', dataNascita: '1985-12-10', codiceBelfiore: 'A562' })).toBe('RSSMRA85T10A562S');
    // The example used in the Italian Wikipedia article on the codice fiscale.
    expect(computeCodiceFiscale({ cognome: 'Moretti', nome: 'Matteo', sesso: 'M', dataNascita: '1925-04-09', codiceBelfiore: 'F205' })).toBe('MRTMTT25D09F205Z');
  });

  it('encodes surnames: consonants, then vowels, then X; apostrophes, spaces and accents ignored', () => {
    expect(cognomeCode('Rossi')).toBe('RSS');
    expect(cognomeCode("D'Angelo")).toBe('DNG');
    expect(cognomeCode('Fo')).toBe('FOX');
    expect(cognomeCode('De Niro')).toBe('DNR');
    expect(cognomeCode('Niccolò')).toBe('NCC');
    expect(cognomeCode('Ai')).toBe('AIX');
  });

  it('encodes first names, skipping the second consonant when there are four or more', () => {
    expect(nomeCode('Mario')).toBe('MRA');
    expect(nomeCode('Giovanna')).toBe('GNN'); // G V N N -> G N N
    expect(nomeCode('Maria Luisa')).toBe('MLS'); // M R L S -> M L S
    expect(nomeCode('Al')).toBe('LAX');
    expect(nomeCode('Luca')).toBe('LCU');
  });

  it('adds 40 to the day for women and uses the foreign state Z code for people born abroad', () => {
    expect(computeCodiceFiscale({ cognome: 'Bianchi', nome: 'Giovanna', sesso: 'F', dataNascita: '1970-03-05', codiceBelfiore: 'H501' })).toBe('BNCGNN70C45H501M');
    expect(computeCodiceFiscale({ cognome: "D'Angelo", nome: 'Maria Luisa', sesso: 'F', dataNascita: '2001-01-31', codiceBelfiore: 'Z330' })).toBe('DNGMLS01A71Z330L');
  });

  it('rejects bad input', () => {
    expect(() => computeCodiceFiscale({ cognome: 'A', nome: 'B', sesso: 'M', dataNascita: '1985/12/10', codiceBelfiore: 'A562' })).toThrow();
    expect(() => computeCodiceFiscale({ cognome: 'A', nome: 'B', sesso: 'M', dataNascita: '1985-12-10', codiceBelfiore: 'A56' })).toThrow();
  });
});

describe('codice fiscale validation', () => {
  it('accepts valid codes, lowercase and padded input included', () => {
    expect(validateCodiceFiscale('RSSMRA85T10A562S')).toEqual({ valid: true, codiceFiscale: 'RSSMRA85T10A562S', omocodiaLevel: 0 });
    expect(isValidCodiceFiscale(' rssmra85t10a562s ')).toBe(true);
  });

  it('reports why a code is invalid', () => {
    expect(validateCodiceFiscale('RSSMRA85T10A562')).toMatchObject({ valid: false, reason: 'length' });
    expect(validateCodiceFiscale('RSSMRA85X10A562S')).toMatchObject({ valid: false, reason: 'format' }); // X is not a month letter
    expect(validateCodiceFiscale('RSSMRAA5T10A562S')).toMatchObject({ valid: false, reason: 'format' }); // A is not an omocodia letter
    expect(validateCodiceFiscale('RSSMRA85B30A562S')).toMatchObject({ valid: false, reason: 'date' }); // 30 February
    expect(validateCodiceFiscale('RSSMRA85T10A562T')).toMatchObject({ valid: false, reason: 'check-character' });
  });
});

describe('omocodia', () => {
  it('generates the seven official variants, right to left', () => {
    const variants = omocodicVariants('RSSMRA85T10A562S');
    expect(variants).toHaveLength(7);
    // Level 1 replaces the last digit (2 -> N); the check character was computed by hand (sum 137 mod 26 = 7 -> H).
    expect(variants[0]).toBe('RSSMRA85T10A56NH');
    expect(variants[1].slice(0, 15)).toBe('RSSMRA85T10A5SN');
    expect(variants[2].slice(0, 15)).toBe('RSSMRA85T10ARSN');
    expect(variants[3].slice(0, 15)).toBe('RSSMRA85T1LARSN');
    expect(variants[6].slice(0, 15)).toBe('RSSMRAURTMLARSN');
    variants.forEach((v, i) => {
      expect(isValidCodiceFiscale(v)).toBe(true);
      expect(omocodiaLevelOf(v)).toBe(i + 1);
      expect(isOmocodic(v)).toBe(true);
      expect(normaliseOmocodia(v)).toBe('RSSMRA85T10A562S');
      expect(sameNaturalCode(v, 'RSSMRA85T10A562S')).toBe(true);
    });
    expect(new Set(variants).size).toBe(7);
  });

  it('computes a variant directly from personal data and from another variant', () => {
    const input = { cognome: 'Rossi', nome: 'Mario', sesso: 'M' as const, dataNascita: '1985-12-10', codiceBelfiore: 'A562' };
    expect(computeCodiceFiscale(input, 1)).toBe('RSSMRA85T10A56NH');
    expect(omocodicVariant('RSSMRAURTMLARSNL', 1)).toBe('RSSMRA85T10A56NH');
    expect(omocodicVariant('RSSMRA85T10A56NH', 0)).toBe('RSSMRA85T10A562S');
    expect(() => omocodicVariant('RSSMRA85T10A562S', 8)).toThrow();
    expect(sameNaturalCode('RSSMRA85T10A562S', 'MRTMTT25D09F205Z')).toBe(false);
  });

  it('rejects an omocodic variant whose check character was not recomputed', () => {
    expect(validateCodiceFiscale('RSSMRA85T10A56NS')).toMatchObject({ valid: false, reason: 'check-character' });
  });
});

describe('decoding', () => {
  it('decodes birth date, sex and place, inferring the century', () => {
    expect(decodeCodiceFiscale('RSSMRA85T10A562S', 2025)).toEqual({ dataNascita: '1985-12-10', sesso: 'M', codiceBelfiore: 'A562', natoAllEstero: false, omocodiaLevel: 0 });
    expect(decodeCodiceFiscale('DNGMLS01A71Z330L', 2025)).toEqual({ dataNascita: '2001-01-31', sesso: 'F', codiceBelfiore: 'Z330', natoAllEstero: true, omocodiaLevel: 0 });
    expect(decodeCodiceFiscale('MRTMTT25D09F205Z', 2024)).toMatchObject({ dataNascita: '1925-04-09' });
    expect(decodeCodiceFiscale('MRTMTT25D09F205Z', 2025)).toMatchObject({ dataNascita: '2025-04-09' });
  });

  it('decodes omocodic codes as their natural code', () => {
    expect(decodeCodiceFiscale('RSSMRAURTMLARSNL', 2025)).toMatchObject({ dataNascita: '1985-12-10', sesso: 'M', codiceBelfiore: 'A562', omocodiaLevel: 7 });
  });

  it('throws on an invalid code', () => {
    expect(() => decodeCodiceFiscale('RSSMRA85T10A562T')).toThrow();
  });
});
