import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  AnprUnavailableError,
  AuthenticationError,
  CancelError,
  ComuneNotAgreedError,
  ForbiddenByProfileError,
  GeResApi,
  GeResClient,
  GeResConnectionError,
  GeResError,
  isValidTraceparent,
  QuotaExceededError,
  RateLimitedError,
  SDK_VERSION,
  type GeResClientOptions,
  type GeResEvent,
} from '../src/index.js';
import { fakeFetch, json, problem, tokenResponse, type Handler } from './fake-fetch.testutil.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SEARCH = { criterion: { type: 'codiceFiscale' as const, codiceFiscale: 'RSSMRA85T10A662V' }, sections: ['generalita' as const], comune: '072006', motivoRichiesta: 'Pratica 1' };
const USER = { username: 'n.user', name: 'N', email: 'n@x.invalid', role: 'STANDARD' } as never;
const found = (extra: Record<string, string> = {}) => json({ persons: [{ idANPR: 'AB12345CD' }], comune: '072006', requestId: 'srv-1' }, 200, { 'x-request-id': 'srv-1', ...extra });

function makeClient(handlers: Handler[] | Parameters<typeof fakeFetch>[0], options: Partial<GeResClientOptions> = {}) {
  const fake = fakeFetch(handlers);
  const sleeps: number[] = [];
  const events: GeResEvent[] = [];
  const sut = new GeResClient({
    baseUrl: 'http://geres.test/',
    auth: { accessToken: 'fixed-token' },
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    logger: (e) => events.push(e),
    ...options,
  });
  return { sut, ...fake, sleeps, events };
}

describe('GeResClient', () => {
  describe('headers of every call', () => {
    it('sends the user agent, a request id, a valid traceparent, the token and the context', async () => {
      const { sut, calls } = makeClient([() => found()], { operator: 'm.rossi', workstation: { code: '072006-CS-0001', deviceToken: 'dev-1' }, userAgentSuffix: 'protocollo/4.2' });
      await sut.persons.search(SEARCH);
      const h = calls[0].headers;
      expect(h['user-agent']).toBe(`geres-sdk-typescript/${SDK_VERSION} node/${process.versions.node} protocollo/4.2`);
      expect(h['x-request-id']).toMatch(UUID_V4);
      expect(isValidTraceparent(h.traceparent)).toBe(true);
      expect(h.authorization).toBe('Bearer fixed-token');
      expect(h['x-geres-operator']).toBe('m.rossi');
      expect(h['x-geres-workstation']).toBe('072006-CS-0001');
      expect(h['x-geres-device-token']).toBe('dev-1');
      expect(h['content-type']).toBe('application/json');
      expect(JSON.parse(calls[0].body!)).toEqual(SEARCH);
    });

    it('lets one call override or drop the context, and propagates the given ids', async () => {
      const { sut, calls } = makeClient([() => found(), () => found()], { operator: 'm.rossi', workstation: { code: 'W1' } });
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      await sut.persons.search(SEARCH, { operator: 'g.verdi', requestId: 'my-req-1', traceparent });
      await sut.persons.search(SEARCH, { operator: null, workstation: null });
      expect(calls[0].headers).toMatchObject({ 'x-geres-operator': 'g.verdi', 'x-request-id': 'my-req-1', traceparent, 'x-geres-workstation': 'W1' });
      expect(calls[1].headers['x-geres-operator']).toBeUndefined();
      expect(calls[1].headers['x-geres-workstation']).toBeUndefined();
    });

    it('refuses a malformed traceparent before sending anything', async () => {
      const { sut, calls } = makeClient([]);
      await expect(sut.persons.search(SEARCH, { traceparent: 'not-a-trace' })).rejects.toThrow(TypeError);
      expect(calls).toHaveLength(0);
    });

    it('exposes the response on the result without putting it in the data', async () => {
      const { sut } = makeClient([() => found({ 'idempotent-replayed': 'true' })]);
      const result = await sut.persons.search(SEARCH);
      expect(result.lastResponse).toMatchObject({ status: 200, requestId: 'srv-1', idempotentReplayed: true, attempts: 1 });
      expect(result.lastResponse?.idempotencyKey).toMatch(UUID_V4);
      expect(Object.keys(result)).not.toContain('lastResponse');
      expect(JSON.parse(JSON.stringify(result))).toEqual({ persons: [{ idANPR: 'AB12345CD' }], comune: '072006', requestId: 'srv-1' });
    });
  });

  describe('idempotency', () => {
    it('adds a UUID v4 Idempotency-Key to every lookup, none to a GET or another POST, and keeps yours', async () => {
      const { sut, calls } = makeClient([() => found(), () => found(), () => found(), () => json({ id: 'u1' }, 201), () => json({ id: 'u2' }, 201)]);
      await sut.persons.search(SEARCH);
      await sut.persons.search(SEARCH, { idempotencyKey: 'mine-1' });
      await sut.persons.get('RSSMRA85T10A662V', { comune: '072006', sections: ['generalita', 'residenza'], motivoRichiesta: 'P 2' });
      await sut.api.users.createUser({ requestBody: USER });
      await sut.withOptions({ idempotencyKey: 'mine-2' }).api.users.createUser({ requestBody: USER });
      expect(calls[0].headers['idempotency-key']).toMatch(UUID_V4);
      expect(calls[1].headers['idempotency-key']).toBe('mine-1');
      expect(calls[2].headers['idempotency-key']).toBeUndefined();
      expect(calls[3].headers['idempotency-key']).toBeUndefined();
      expect(calls[4].headers['idempotency-key']).toBe('mine-2');
      expect(calls[2].url.pathname).toBe('/v1/persons/RSSMRA85T10A662V');
      expect(Object.fromEntries(calls[2].url.searchParams)).toEqual({ comune: '072006', sections: 'generalita,residenza', motivoRichiesta: 'P 2' });
    });

    it('keys a lookup made through the generated layer too, and retries it', async () => {
      const { sut, calls } = makeClient([() => problem(503, 'anpr-unavailable'), () => found()]);
      await sut.api.persons.searchPersons({ requestBody: SEARCH });
      expect(calls.map((c) => c.url.pathname)).toEqual(['/v1/persons/search', '/v1/persons/search']);
      expect(calls[0].headers['idempotency-key']).toMatch(UUID_V4);
      expect(calls[1].headers['idempotency-key']).toBe(calls[0].headers['idempotency-key']);
    });

    it('reuses the key and the request id across its own retries', async () => {
      const { sut, calls } = makeClient([() => problem(503, 'anpr-unavailable'), () => problem(429, 'rate-limited', {}, { 'retry-after': '1' }), () => found()]);
      const result = await sut.persons.search(SEARCH);
      expect(calls).toHaveLength(3);
      expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
      expect(new Set(calls.map((c) => c.headers['x-request-id'])).size).toBe(1);
      expect(result.lastResponse?.attempts).toBe(3);
    });
  });

  describe('retries', () => {
    it('retries a 503 and honours Retry-After', async () => {
      const { sut, calls, sleeps, events } = makeClient([() => problem(503, 'anpr-unavailable', { retryAfterSeconds: 2 }, { 'retry-after': '2' }), () => found()]);
      const result = await sut.persons.search(SEARCH);
      expect(result.persons).toHaveLength(1);
      expect(calls).toHaveLength(2);
      expect(sleeps).toEqual([2000]);
      expect(events.filter((e) => e.kind === 'retry')).toEqual([expect.objectContaining({ attempt: 1, delayMs: 2000, reason: 'HTTP 503 anpr-unavailable' })]);
    });

    it('uses the body retryAfterSeconds when there is no header', async () => {
      const { sut, sleeps } = makeClient([() => problem(503, 'anpr-unavailable', { retryAfterSeconds: 3 }), () => found()]);
      await sut.persons.search(SEARCH);
      expect(sleeps).toEqual([3000]);
    });

    it('backs off exponentially with jitter, capped at 5 s, without a hint', async () => {
      const { sut, sleeps } = makeClient(() => problem(503, 'service-unavailable'), { maxRetries: 6 });
      await expect(sut.me.usage()).rejects.toBeInstanceOf(GeResError);
      const ceilings = [500, 1000, 2000, 4000, 5000, 5000];
      expect(sleeps).toHaveLength(6);
      sleeps.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(ceilings[i] / 2);
        expect(ms).toBeLessThanOrEqual(ceilings[i]);
      });
    });

    it('never retries a 429 quota-exceeded, even with a short Retry-After: the quota resets at Italian midnight', async () => {
      const { sut, calls, sleeps } = makeClient(() => problem(429, 'quota-exceeded', { retryAfterSeconds: 1, dailyQuota: 2 }, { 'retry-after': '1' }));
      const err = (await sut.persons.search(SEARCH).catch((e) => e)) as QuotaExceededError;
      expect(err).toBeInstanceOf(QuotaExceededError);
      expect(err).toBeInstanceOf(RateLimitedError);
      expect(err.retryAfterSeconds).toBe(1);
      expect(err.attempts).toBe(1);
      expect(err.problem?.dailyQuota).toBe(2);
      expect(calls).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it.each([
      ['409 idempotency-in-progress', () => problem(409, 'idempotency-in-progress')],
      ['429 rate-limited', () => problem(429, 'rate-limited', { retryAfterSeconds: 1 }, { 'retry-after': '1' })],
      ['429 without a problem type', () => new Response('slow down', { status: 429 })],
      ['502 from a proxy', () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })],
      ['503 anpr-unavailable', () => problem(503, 'anpr-unavailable', { retryAfterSeconds: 1 })],
      ['503 service-unavailable', () => problem(503, 'service-unavailable')],
      ['504 from a proxy', () => new Response('', { status: 504 })],
    ])('retries a lookup and a GET after a %s', async (_what, failure) => {
      const { sut, calls } = makeClient([failure, () => found(), failure, () => json({ day: '2026-03-02', used: 1 })]);
      expect((await sut.persons.search(SEARCH)).lastResponse?.attempts).toBe(2);
      expect((await sut.me.usage()).lastResponse?.attempts).toBe(2);
      expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'GET', 'GET']);
    });

    it('does not wait for a Retry-After longer than maxRetryAfterSeconds', async () => {
      const { sut, calls, sleeps } = makeClient(() => problem(429, 'quota-exceeded', { retryAfterSeconds: 36000 }, { 'retry-after': '36000' }));
      await expect(sut.persons.search(SEARCH)).rejects.toBeInstanceOf(QuotaExceededError);
      expect(calls).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it.each([
      [400, 'invalid-criteria'],
      [403, 'forbidden-by-profile'],
      [404, 'subject-not-found'],
      [409, 'conflict'],
      [422, 'more-than-one-subject'],
      [422, 'idempotency-key-reused'],
      [429, 'quota-exceeded'],
      [500, 'internal-error'],
      [502, 'anpr-rejected'],
    ])('never retries a %i (%s), neither a lookup nor a GET', async (status, name) => {
      const { sut, calls } = makeClient(() => problem(status, name));
      await expect(sut.persons.search(SEARCH)).rejects.toMatchObject({ status, type: `urn:geres:problem:${name}`, attempts: 1 });
      await expect(sut.me.usage()).rejects.toMatchObject({ status, attempts: 1 });
      expect(calls).toHaveLength(2);
    });

    it('sends a POST without an Idempotency-Key once: a 503 or a lost connection may hide a request that was done', async () => {
      const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
      const { sut, calls, sleeps } = makeClient([() => problem(503, 'service-unavailable'), refused, () => problem(502, 'bad-gateway')]);
      await expect(sut.api.users.createUser({ requestBody: USER })).rejects.toMatchObject({ name: 'ServerError', status: 503, attempts: 1 });
      await expect(sut.api.users.createUser({ requestBody: USER })).rejects.toMatchObject({ name: 'GeResConnectionError', attempts: 1 });
      await expect(sut.request('PUT', '/v1/whatever', { body: {} })).rejects.toMatchObject({ status: 502, attempts: 1 });
      expect(calls).toHaveLength(3);
      expect(sleeps).toEqual([]);
    });

    it('retries a POST that carries your Idempotency-Key', async () => {
      const { sut, calls } = makeClient([() => problem(503, 'service-unavailable'), () => json({ id: 'u1' }, 201)]);
      const user = await sut.withOptions({ idempotencyKey: 'create-n.user' }).api.users.createUser({ requestBody: USER });
      expect(user).toMatchObject({ id: 'u1' });
      expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(['create-n.user', 'create-n.user']);
    });

    it('retries connection errors, then throws GeResConnectionError', async () => {
      const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
      const { sut, calls } = makeClient([refused, refused, refused], { maxRetries: 2 });
      const err = (await sut.persons.search(SEARCH).catch((e) => e)) as GeResConnectionError;
      expect(err).toBeInstanceOf(GeResConnectionError);
      expect(err.message).toContain('ECONNREFUSED');
      expect(err.attempts).toBe(3);
      expect(err.requestId).toBe(calls[0].headers['x-request-id']);
      expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    });

    it('honours maxRetries per request', async () => {
      const { sut, calls } = makeClient(() => problem(503, 'anpr-unavailable'));
      await expect(sut.persons.search(SEARCH, { maxRetries: 0 })).rejects.toBeInstanceOf(AnprUnavailableError);
      expect(calls).toHaveLength(1);
    });
  });

  describe('authentication', () => {
    it('client credentials: one token for many calls, obtained once even when asked concurrently', async () => {
      const { sut, calls } = makeClient((req) => (req.url.pathname === '/v1/oauth/token' ? tokenResponse('app-tok') : found()), { auth: { clientId: 'app_1', clientSecret: 'grs_s' }, operator: 'm.rossi' });
      await Promise.all([sut.persons.search(SEARCH), sut.persons.search(SEARCH), sut.me.usage()]);
      const tokenCalls = calls.filter((c) => c.url.pathname === '/v1/oauth/token');
      expect(tokenCalls).toHaveLength(1);
      expect(JSON.parse(tokenCalls[0].body!)).toEqual({ grant_type: 'client_credentials', client_id: 'app_1', client_secret: 'grs_s' });
      expect(tokenCalls[0].headers.authorization).toBeUndefined();
      expect(tokenCalls[0].headers['x-geres-operator']).toBeUndefined();
      expect(calls.filter((c) => c.url.pathname !== '/v1/oauth/token').every((c) => c.headers.authorization === 'Bearer app-tok')).toBe(true);
    });

    it('client credentials: renews the token before it expires', async () => {
      let now = 1_000_000;
      let issued = 0;
      const { sut, calls } = makeClient((req) => (req.url.pathname === '/v1/oauth/token' ? tokenResponse(`tok-${++issued}`, 900) : found()), {
        auth: { clientId: 'app_1', clientSecret: 'grs_s' },
        now: () => now,
      });
      await sut.persons.search(SEARCH);
      now += 830_000; // 70 s before expiry: still good
      await sut.persons.search(SEARCH);
      now += 20_000; // 50 s before expiry: within the renewal margin of 60 s
      await sut.persons.search(SEARCH);
      const used = calls.filter((c) => c.url.pathname === '/v1/persons/search').map((c) => c.headers.authorization);
      expect(used).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
    });

    it('client credentials: a 401 invalid-token gets one new token and one more try', async () => {
      let issued = 0;
      let searches = 0;
      const { sut, calls, events } = makeClient(
        (req) => (req.url.pathname === '/v1/oauth/token' ? tokenResponse(`tok-${++issued}`) : ++searches === 1 ? problem(401, 'invalid-token') : found()),
        { auth: { clientId: 'app_1', clientSecret: 'grs_s' } },
      );
      const result = await sut.persons.search(SEARCH);
      expect(result.lastResponse?.attempts).toBe(1);
      expect(calls.map((c) => `${c.url.pathname} ${c.headers.authorization ?? ''}`.trim())).toEqual([
        '/v1/oauth/token',
        '/v1/persons/search Bearer tok-1',
        '/v1/oauth/token',
        '/v1/persons/search Bearer tok-2',
      ]);
      expect(events.some((e) => e.kind === 'reauthenticate')).toBe(true);
    });

    it('client credentials: a second 401 is thrown, and bad credentials are an AuthenticationError', async () => {
      const { sut } = makeClient((req) => (req.url.pathname === '/v1/oauth/token' ? tokenResponse() : problem(401, 'invalid-token')), { auth: { clientId: 'a', clientSecret: 'b' } });
      await expect(sut.persons.search(SEARCH)).rejects.toBeInstanceOf(AuthenticationError);
      const bad = makeClient(() => problem(401, 'invalid-client', { error: 'invalid_client' }), { auth: { clientId: 'a', clientSecret: 'wrong' } });
      await expect(bad.sut.persons.search(SEARCH)).rejects.toMatchObject({ name: 'AuthenticationError', type: 'urn:geres:problem:invalid-client' });
    });

    it('a fixed token is never renewed: its 401 is thrown at once', async () => {
      const { sut, calls } = makeClient(() => problem(401, 'invalid-token'));
      await expect(sut.me.usage()).rejects.toBeInstanceOf(AuthenticationError);
      expect(calls).toHaveLength(1);
    });

    it('a user login rotates its refresh token, and logs in again when the refresh is refused', async () => {
      let now = 0;
      let n = 0;
      const pair = () => json({ accessToken: `acc-${++n}`, refreshToken: `ref-${n}`, expiresIn: 900, refreshExpiresIn: 28800, tokenType: 'Bearer' });
      const { sut, calls } = makeClient(
        (req) => {
          if (req.url.pathname === '/v1/auth/login') return pair();
          if (req.url.pathname === '/v1/auth/refresh') return JSON.parse(req.body!).refreshToken === 'ref-2' ? problem(401, 'invalid-token') : pair();
          return found();
        },
        { auth: { username: 'm.rossi', password: 'pw' }, now: () => now },
      );
      for (let i = 0; i < 4; i++) {
        await sut.persons.search(SEARCH);
        now += 900_000;
      }
      expect(calls.map((c) => (c.url.pathname === '/v1/persons/search' ? c.headers.authorization : `${c.url.pathname} ${c.body}`))).toEqual([
        '/v1/auth/login {"username":"m.rossi","password":"pw"}',
        'Bearer acc-1',
        '/v1/auth/refresh {"refreshToken":"ref-1"}',
        'Bearer acc-2',
        '/v1/auth/refresh {"refreshToken":"ref-2"}',
        '/v1/auth/login {"username":"m.rossi","password":"pw"}',
        'Bearer acc-3',
        '/v1/auth/refresh {"refreshToken":"ref-3"}',
        'Bearer acc-4',
      ]);
    });

    it('client credentials: the token request is retried like a GET (asking again only issues another token)', async () => {
      const { sut, calls } = makeClient([() => problem(503, 'service-unavailable'), () => tokenResponse('tok-1'), () => found()], { auth: { clientId: 'app_1', clientSecret: 'grs_s' } });
      await sut.persons.search(SEARCH);
      expect(calls.map((c) => c.url.pathname)).toEqual(['/v1/oauth/token', '/v1/oauth/token', '/v1/persons/search']);
    });

    it.each([
      ['a 503', () => problem(503, 'service-unavailable'), 'ServerError'],
      ['a 500', () => problem(500, 'internal-error'), 'ServerError'],
      ['a lost connection', () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })), 'GeResConnectionError'],
    ])('a refresh that fails with %s is thrown as what it is, once; the next call logs in again', async (_what, failure, name) => {
      let now = 0;
      let n = 0;
      const pair = () => json({ accessToken: `acc-${++n}`, refreshToken: `ref-${n}`, expiresIn: 900, refreshExpiresIn: 28800, tokenType: 'Bearer' });
      const { sut, calls } = makeClient(
        (req) => (req.url.pathname === '/v1/auth/login' ? pair() : req.url.pathname === '/v1/auth/refresh' ? failure() : found()),
        { auth: { username: 'm.rossi', password: 'pw' }, now: () => now },
      );
      await sut.persons.search(SEARCH);
      now += 900_000;
      await expect(sut.persons.search(SEARCH)).rejects.toMatchObject({ name });
      await sut.persons.search(SEARCH);
      expect(calls.map((c) => (c.url.pathname === '/v1/persons/search' ? c.headers.authorization : c.url.pathname))).toEqual([
        '/v1/auth/login',
        'Bearer acc-1',
        '/v1/auth/refresh',
        '/v1/auth/login',
        'Bearer acc-2',
      ]);
    });

    it('a refresh refused with 400 invalid_grant logs in again, like a 401 invalid-token', async () => {
      let now = 0;
      let n = 0;
      const pair = () => json({ accessToken: `acc-${++n}`, refreshToken: `ref-${n}`, expiresIn: 900, refreshExpiresIn: 28800, tokenType: 'Bearer' });
      const { sut, calls } = makeClient(
        (req) => (req.url.pathname === '/v1/auth/login' ? pair() : req.url.pathname === '/v1/auth/refresh' ? problem(400, 'bad-request', { error: 'invalid_grant' }) : found()),
        { auth: { username: 'm.rossi', password: 'pw' }, now: () => now },
      );
      await sut.persons.search(SEARCH);
      now += 900_000;
      await sut.persons.search(SEARCH);
      expect(calls.map((c) => (c.url.pathname === '/v1/persons/search' ? c.headers.authorization : c.url.pathname))).toEqual([
        '/v1/auth/login',
        'Bearer acc-1',
        '/v1/auth/refresh',
        '/v1/auth/login',
        'Bearer acc-2',
      ]);
    });

    it('refuses incomplete auth settings', () => {
      expect(() => new GeResClient({ baseUrl: 'http://x', auth: { clientId: 'a', clientSecret: '' } })).toThrow(/clientSecret/);
      expect(() => new GeResClient({ baseUrl: '', auth: { accessToken: 't' } })).toThrow(/baseUrl/);
    });
  });

  describe('typed errors', () => {
    it('carries the problem, its extension members and the request id', async () => {
      const { sut } = makeClient([() => problem(403, 'forbidden-by-profile', { rule: 'section_not_allowed:residenza', detail: 'Your profile does not allow the sections residenza' })]);
      const err = (await sut.persons.search(SEARCH).catch((e) => e)) as ForbiddenByProfileError;
      expect(err).toBeInstanceOf(ForbiddenByProfileError);
      expect(err).toMatchObject({ status: 403, rule: 'section_not_allowed:residenza', requestId: 'srv-forbidden-by-profile', detail: 'Your profile does not allow the sections residenza' });
      expect(err.message).toBe('Your profile does not allow the sections residenza (forbidden-by-profile, request srv-forbidden-by-profile)');
      expect(err.idempotencyKey).toMatch(UUID_V4);
    });

    it('falls back on the status for a problem type it does not know', async () => {
      const { sut } = makeClient([() => problem(403, 'some-future-rule', { rule: 'x' })]);
      const err = await sut.persons.search(SEARCH).catch((e) => e);
      expect(err.constructor.name).toBe('PermissionError');
      expect(err.rule).toBe('x');
      expect(err).not.toBeInstanceOf(ComuneNotAgreedError);
    });
  });

  describe('the generated layer', () => {
    it('sends every generated operation through the core', async () => {
      const { sut, calls } = makeClient([() => json({ id: 'u1', username: 'n.user' }, 201, { 'x-request-id': 'srv-9' })], { operator: 'm.rossi' });
      const user = await sut.api.users.createUser({ requestBody: { username: 'n.user', name: 'N', email: 'n@x.invalid', role: 'STANDARD' } as never });
      expect(user).toMatchObject({ id: 'u1' });
      expect((user as { lastResponse?: { requestId?: string } }).lastResponse?.requestId).toBe('srv-9');
      expect(calls[0]).toMatchObject({ method: 'POST', url: new URL('http://geres.test/v1/users') });
      expect(calls[0].headers).toMatchObject({ authorization: 'Bearer fixed-token', 'x-geres-operator': 'm.rossi' });
      expect(calls[0].headers['idempotency-key']).toBeUndefined();
    });

    it('sends a non-JSON body with its media type, and raw requests with their query', async () => {
      const { sut, calls } = makeClient([() => json({ created: 1 }), () => json({ ok: true })]);
      await sut.api.users.importUsers({ requestBody: 'username,name\nn.user,N' });
      await sut.request('GET', '/v1/whatever', { query: { a: [1, 2], b: undefined, c: 'x' } }, { maxRetries: 0 });
      expect(calls[0]).toMatchObject({ method: 'POST', body: 'username,name\nn.user,N' });
      expect(calls[0].headers['content-type']).toBe('text/csv');
      expect(calls[1].url.search).toBe('?a=1&a=2&c=x');
    });

    it('withOptions scopes defaults to the calls made through it', async () => {
      const { sut, calls } = makeClient([() => json({ items: [] }), () => json({ items: [] })], { operator: 'm.rossi' });
      await sut.withOptions({ operator: 'g.verdi', headers: { 'x-extra': '1' } }).api.users.listUsers({});
      await sut.api.users.listUsers({});
      expect(calls[0].headers).toMatchObject({ 'x-geres-operator': 'g.verdi', 'x-extra': '1' });
      expect(calls[1].headers['x-geres-operator']).toBe('m.rossi');
    });

    it('a GeResApi built without the client has no transport, and says so', async () => {
      await expect(new GeResApi().me.getMyUsage({})).rejects.toThrow(/GeResClient/);
    });

    it('cancelling a generated call aborts its request', async () => {
      let seen: AbortSignal | undefined;
      const hanging = ((_url: string, init: RequestInit) => {
        const signal = init.signal!;
        seen = signal;
        return new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      }) as unknown as typeof fetch;
      const sut = new GeResClient({ baseUrl: 'http://geres.test', auth: { accessToken: 't' }, fetch: hanging });
      const pending = sut.api.me.getMyUsage({});
      while (!seen) await new Promise((r) => setImmediate(r));
      const settled = pending.catch((e: unknown) => e);
      pending.cancel();
      expect(await settled).toBeInstanceOf(CancelError);
      expect(pending.isCancelled).toBe(true);
      expect(seen.aborted).toBe(true);
    });
  });

  it('reports the version of sdk/package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
