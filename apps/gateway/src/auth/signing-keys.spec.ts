import { describe, expect, it } from '@jest/globals';
import { accessClaimsViolation } from './signing-keys.service.js';

const config = { jwtIssuer: 'geres', jwtAudience: 'geres', accessTokenTtlSeconds: 900, delegationMaxSeconds: 86400 };
const now = 1_800_000_000;
const good = { iss: 'geres', aud: 'geres', iat: now - 10, exp: now + 890 };

describe('accessClaimsViolation', () => {
  it('accepts what the gateway mints, also with aud as an array and a little clock skew', () => {
    expect(accessClaimsViolation(good, config, now)).toBeUndefined();
    expect(accessClaimsViolation({ ...good, aud: ['other', 'geres'] }, config, now)).toBeUndefined();
    expect(accessClaimsViolation({ ...good, iat: now + 20, exp: now + 920 }, config, now)).toBeUndefined();
  });

  it.each([
    ['a foreign iss', { ...good, iss: 'https://evil.example' }, 'The token was not issued by this gateway'],
    ['no iss', { ...good, iss: undefined }, 'The token was not issued by this gateway'],
    ['no aud', { ...good, aud: undefined }, 'The token is not meant for this gateway'],
    ['a foreign aud', { ...good, aud: 'visure' }, 'The token is not meant for this gateway'],
    ['no exp', { ...good, exp: undefined }, 'The token has no expiry'],
    ['a string exp', { ...good, exp: String(now + 100) }, 'The token has no expiry'],
    ['no iat', { ...good, iat: undefined }, 'The token has no issue time'],
    ['an iat in the future', { ...good, iat: now + 3600, exp: now + 3700 }, 'The token was issued in the future'],
    ['a 10-year exp', { ...good, exp: now + 10 * 365 * 86400 }, 'The token lives longer than this gateway allows'],
    ['a lifetime just over the TTL and skew', { ...good, exp: good.iat + 931 }, 'The token lives longer than this gateway allows'],
    ['an expired token', { ...good, iat: now - 1000, exp: now - 100 }, 'jwt expired'],
  ])('refuses %s', (_, payload, why) => {
    expect(accessClaimsViolation(payload, config, now)).toBe(why);
  });
});
