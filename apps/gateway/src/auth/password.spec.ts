import { describe, expect, it } from '@jest/globals';
import { hashSecret, passwordViolations, verifySecret } from './password.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashSecret('Correct-Horse-42');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifySecret(h, 'Correct-Horse-42')).toBe(true);
    expect(await verifySecret(h, 'correct-horse-42')).toBe(false);
    expect(await verifySecret(undefined, 'x')).toBe(false);
  });

  it('applies the password rules', () => {
    expect(passwordViolations('Correct-Horse-42', 'mario')).toEqual([]);
    expect(passwordViolations('short1A')).toContain('must be at least 12 characters long');
    expect(passwordViolations('alllowercaseletters')).toContain('must mix at least three of: lower case, upper case, digits, symbols');
    expect(passwordViolations('Mario.Rossi-2026', 'mario.rossi')).toContain('must not contain the username');
  });
});
