import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { GrantCipher } from './grant-cipher.js';

describe('GrantCipher', () => {
  const sut = new GrantCipher(randomBytes(32));

  it('round-trips a grant for its request only', () => {
    const sealed = sut.encrypt('eyJhbGciOi.grant', 'req-1');
    expect(sealed).not.toContain('grant');
    expect(sut.decrypt(sealed, 'req-1')).toBe('eyJhbGciOi.grant');
    expect(() => sut.decrypt(sealed, 'req-2')).toThrow();
  });

  it('refuses a tampered grant and another key', () => {
    const sealed = sut.encrypt('g', 'r');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('h').toString('base64url');
    expect(() => sut.decrypt(parts.join('.'), 'r')).toThrow();
    expect(() => new GrantCipher(randomBytes(32)).decrypt(sealed, 'r')).toThrow();
  });
});
