import { describe, expect, it } from '@jest/globals';
import { completeIdAnpr, ID_ANPR_ALPHABET, idAnprCheckCharacter, isValidIdAnpr, validateIdAnpr } from './id-anpr.js';
import * as anpr from '#libs/anpr';

describe('idANPR', () => {
  it("validates ANPR's published test subject OR69233LN", () => {
    expect(idAnprCheckCharacter('OR69233L')).toBe('N');
    expect(isValidIdAnpr('OR69233LN')).toBe(true);
  });

  it('computes Luhn mod 36 check characters (hand-computed)', () => {
    // 00000000: every product is 0, so the check is 0.
    expect(completeIdAnpr('00000000')).toBe('000000000');
    // 00000001: the rightmost payload char is doubled (2); (36 - 2) mod 36 = 34 -> Y.
    expect(idAnprCheckCharacter('00000001')).toBe('Y');
    // 0000000Z: 35*2 = 70 = 1*36 + 34 -> 1 + 34 = 35; (36 - 35) = 1.
    expect(idAnprCheckCharacter('0000000Z')).toBe('1');
    // 000000Z0: Z is not doubled -> 35; check 1.
    expect(idAnprCheckCharacter('000000Z0')).toBe('1');
  });

  it('detects every single-character substitution and every adjacent transposition', () => {
    const id = completeIdAnpr('AB12345C');
    for (let pos = 0; pos < 9; pos++) {
      for (const c of ID_ANPR_ALPHABET) {
        if (c === id[pos]) continue;
        expect(isValidIdAnpr(id.slice(0, pos) + c + id.slice(pos + 1))).toBe(false);
      }
    }
    for (let pos = 0; pos < 8; pos++) {
      if (id[pos] === id[pos + 1]) continue;
      const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
      expect(isValidIdAnpr(swapped)).toBe(false);
    }
  });

  it('reports format and check-character errors', () => {
    expect(validateIdAnpr('OR69233L')).toMatchObject({ valid: false, reason: 'format' });
    expect(validateIdAnpr('OR69233L-')).toMatchObject({ valid: false, reason: 'format' });
    expect(validateIdAnpr('OR69233LM')).toMatchObject({ valid: false, reason: 'check-character' });
    expect(validateIdAnpr('or69233ln')).toEqual({ valid: true });
    expect(() => idAnprCheckCharacter('short')).toThrow();
  });

  it('is exported from #libs/anpr', () => {
    expect(anpr.isValidIdAnpr('OR69233LN')).toBe(true);
    expect(anpr.isValidCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
  });
});
