import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../common/problem.js';
import { parseBasicClientCredentials } from './client-authentication.js';

const basic = (raw: string | Buffer) => `Basic ${Buffer.from(raw).toString('base64')}`;

describe('parseBasicClientCredentials', () => {
  it('form-decodes client id and secret (RFC 6749 §2.3.1)', () => {
    expect(parseBasicClientCredentials(basic('app%5F1:s%3Ae+c%25r%2Bet'))).toEqual({ clientId: 'app_1', clientSecret: 's:e c%r+et' });
    expect(parseBasicClientCredentials(basic('app_1:a:b'))).toEqual({ clientId: 'app_1', clientSecret: 'a:b' });
    expect(parseBasicClientCredentials(`basic   ${Buffer.from('x:y').toString('base64')}`)).toEqual({ clientId: 'x', clientSecret: 'y' });
  });

  it('ignores other schemes and a missing header', () => {
    expect(parseBasicClientCredentials(undefined)).toBeUndefined();
    expect(parseBasicClientCredentials('Bearer abc')).toBeUndefined();
    expect(parseBasicClientCredentials('Basically:x')).toBeUndefined();
  });

  it.each([
    ['no credentials', 'Basic'],
    ['blank credentials', 'Basic    '],
    ['not base64', 'Basic !!!not-base64!!!'],
    ['base64 with a hole', 'Basic YWJj ZGVm'],
    ['no colon', basic('app_1secret')],
    ['a bad escape in the id', basic('%zz:secret')],
    ['a truncated escape in the secret', basic('app_1:%E0%A4%A')],
    ['an escape that is not UTF-8', basic('app_1:%C3%28')],
    ['invalid UTF-8 bytes', Buffer.concat([Buffer.from('Basic '), Buffer.from(Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64'))]).toString()],
    ['a NUL byte', basic('app_1\u0000:secret')],
    ['an encoded NUL', basic('app_1:sec%00ret')],
    ['an empty id', basic(':secret')],
    ['an empty secret', basic('app_1:')],
  ])('refuses %s with invalid-client', (_, header) => {
    let thrown: unknown;
    try {
      parseBasicClientCredentials(header);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).problemType).toBe('invalid-client');
    expect((thrown as ProblemException).getStatus()).toBe(401);
    expect((thrown as ProblemException).extensions).toEqual({ error: 'invalid_client' });
  });
});
