import { describe, expect, it } from '@jest/globals';
import { AuthenticationError, exchangeToken, GeResConnectionError, ValidationError } from '../src/index.js';
import { fakeFetch, json, problem } from './fake-fetch.testutil.js';

describe('exchangeToken (RFC 8693)', () => {
  it('posts the token-exchange form with HTTP Basic (each part form-urlencoded) and returns the grant', async () => {
    const f = fakeFetch([() => json({ access_token: 'grant-1', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 86400 })]);
    const grant = await exchangeToken({ baseUrl: 'http://gw.test/', clientId: 'visure', clientSecret: 's:e c/ret', subjectToken: 'person-token', requestedLifetimeSeconds: 86400.7, fetch: f.fetch });
    expect(grant).toEqual({ accessToken: 'grant-1', expiresIn: 86400 });
    const [call] = f.calls;
    expect([call.method, call.url.href]).toEqual(['POST', 'http://gw.test/v1/oauth/token']);
    expect(Buffer.from(call.headers.authorization.replace('Basic ', ''), 'base64').toString()).toBe('visure:s%3Ae%20c%2Fret');
    expect(Object.fromEntries(new URLSearchParams(call.body))).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'person-token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      requested_lifetime: '86400',
    });
  });

  it('sends the mediator as actor token, or silent consent with its Comune', async () => {
    const f = fakeFetch(() => json({ access_token: 'g', token_type: 'Bearer', expires_in: 60 }));
    await exchangeToken({ baseUrl: 'http://gw.test', clientId: 'visure', clientSecret: 'x', subjectToken: 'stored', actorToken: 'mediator', fetch: f.fetch });
    await exchangeToken({ baseUrl: 'http://gw.test', clientId: 'visure', clientSecret: 'x', subjectToken: 'stored', mediation: { silent: true, comune: '072006' }, fetch: f.fetch });
    const forms = f.calls.map((c) => Object.fromEntries(new URLSearchParams(c.body)));
    expect([forms[0].actor_token, forms[0].actor_token_type, forms[0].mediation]).toEqual(['mediator', 'urn:ietf:params:oauth:token-type:access_token', undefined]);
    expect([forms[1].mediation, forms[1].comune, forms[1].actor_token]).toEqual(['silent', '072006', undefined]);
  });

  it('maps refusals to the SDK errors and does not retry', async () => {
    const f = fakeFetch([() => problem(400, 'invalid-grant', { error: 'invalid_grant', detail: 'Silent consent of Comune 072006 is due at …' }), () => problem(401, 'invalid-client')]);
    const refused = await exchangeToken({ baseUrl: 'http://gw.test', clientId: 'visure', clientSecret: 'x', subjectToken: 't', fetch: f.fetch }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect([refused.status, refused.problemName, refused.problem.error]).toEqual([400, 'invalid-grant', 'invalid_grant']);
    const client = await exchangeToken({ baseUrl: 'http://gw.test', clientId: 'visure', clientSecret: 'x', subjectToken: 't', fetch: f.fetch }).catch((e) => e);
    expect(client).toBeInstanceOf(AuthenticationError);
    expect(f.calls).toHaveLength(2);
    const down = await exchangeToken({ baseUrl: 'http://gw.test', clientId: 'v', clientSecret: 'x', subjectToken: 't', fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch }).catch((e) => e);
    expect(down).toBeInstanceOf(GeResConnectionError);
  });
});
