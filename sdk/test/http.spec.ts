import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GeResClient, GeResTimeoutError, isValidTraceparent, QuotaExceededError, SDK_VERSION, SubjectNotFoundError, WorkstationNotAuthorisedError } from '../src/index.js';

/**
 * The core against a real HTTP server on 127.0.0.1 (global fetch, real sockets): each test
 * scripts the answers, the server records what arrived.
 */
interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Script = (req: Seen, res: ServerResponse, index: number) => void;

const seen: Seen[] = [];
let script: Script = () => undefined;
const hanging = new Set<ServerResponse>();
let baseUrl = '';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const entry = { method: req.method!, path: req.url!, headers: req.headers, body };
    seen.push(entry);
    script(entry, res, seen.filter((s) => s.path !== '/v1/oauth/token').length - 1);
  });
});

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const problem = status >= 400;
  res.writeHead(status, { 'content-type': problem ? 'application/problem+json' : 'application/json', 'x-request-id': `srv-${seen.length}`, ...headers });
  res.end(JSON.stringify(body));
};
const problem = (name: string, status: number, extra: Record<string, unknown> = {}) => ({ type: `urn:geres:problem:${name}`, title: name, status, requestId: 'srv', ...extra });
const token = (res: ServerResponse, n: number) => send(res, 200, { access_token: `tok-${n}`, token_type: 'Bearer', expires_in: 900 });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen.length = 0;
});

const client = (extra: Partial<ConstructorParameters<typeof GeResClient>[0]> = {}) =>
  new GeResClient({ baseUrl, auth: { clientId: 'app_1', clientSecret: 'grs_secret' }, operator: 'm.rossi', retry: { initialDelayMs: 1, maxDelayMs: 5 }, ...extra });
const SEARCH = { criterion: { type: 'idANPR' as const, idANPR: 'AB12345CD' }, sections: ['generalita' as const], comune: '072006', motivoRichiesta: 'Pratica 1' };

describe('GeResClient over HTTP', () => {
  it('obtains a token, then sends the context, user agent, traceparent and ids', async () => {
    let issued = 0;
    script = (req, res) => (req.path === '/v1/oauth/token' ? token(res, ++issued) : send(res, 200, { persons: [] }));
    const sut = client({ workstation: { code: '072006-CS-0001', deviceToken: 'dev' } });
    const result = await sut.persons.search(SEARCH, { requestId: 'caller-7' });
    const [tokenReq, search] = seen;
    expect(tokenReq.path).toBe('/v1/oauth/token');
    expect(JSON.parse(tokenReq.body)).toMatchObject({ grant_type: 'client_credentials', client_id: 'app_1' });
    expect(search.headers).toMatchObject({
      authorization: 'Bearer tok-1',
      'x-geres-operator': 'm.rossi',
      'x-geres-workstation': '072006-CS-0001',
      'x-geres-device-token': 'dev',
      'x-request-id': 'caller-7',
      'user-agent': `geres-sdk-typescript/${SDK_VERSION} node/${process.versions.node}`,
    });
    expect(isValidTraceparent(String(search.headers.traceparent))).toBe(true);
    expect(result.lastResponse?.requestId).toBe('srv-2');
  });

  it('retries a 503 after the Retry-After the server gave, with the same Idempotency-Key', async () => {
    let issued = 0;
    script = (req, res, i) => {
      if (req.path === '/v1/oauth/token') return token(res, ++issued);
      if (i === 0) return send(res, 503, problem('anpr-unavailable', 503, { retryAfterSeconds: 1 }), { 'retry-after': '1' });
      send(res, 200, { persons: [{ idANPR: 'AB12345CD' }] });
    };
    const delays: number[] = [];
    const sut = client({ logger: (e) => e.kind === 'retry' && delays.push(e.delayMs) });
    const result = await sut.persons.search(SEARCH);
    expect(result.persons).toHaveLength(1);
    expect(result.lastResponse?.attempts).toBe(2);
    expect(delays).toEqual([1000]);
    const searches = seen.filter((s) => s.path === '/v1/persons/search');
    expect(searches).toHaveLength(2);
    expect(searches[0].headers['idempotency-key']).toBe(searches[1].headers['idempotency-key']);
  });

  it('throws QuotaExceededError at once: a used-up quota is not retried', async () => {
    script = (req, res) => (req.path === '/v1/oauth/token' ? token(res, 1) : send(res, 429, problem('quota-exceeded', 429, { retryAfterSeconds: 0, dailyQuota: 2 }), { 'retry-after': '0' }));
    const err = (await client({ maxRetries: 1 }).persons.search(SEARCH).catch((e) => e)) as QuotaExceededError;
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect(err.attempts).toBe(1);
    expect(seen.filter((s) => s.path === '/v1/persons/search')).toHaveLength(1);
  });

  it('does not retry a 403, and maps it with its rule and request id', async () => {
    script = (req, res) =>
      req.path === '/v1/oauth/token' ? token(res, 1) : send(res, 403, problem('workstation-not-authorised', 403, { rule: 'workstation_required_by_comune', requestId: 'srv-403' }), { 'x-request-id': 'srv-403' });
    const err = (await client().persons.get('RSSMRA85T10A662V', { comune: '072006', sections: 'generalita', motivoRichiesta: 'P' }).catch((e) => e)) as WorkstationNotAuthorisedError;
    expect(err).toBeInstanceOf(WorkstationNotAuthorisedError);
    expect(err).toMatchObject({ status: 403, rule: 'workstation_required_by_comune', requestId: 'srv-403' });
    expect(seen.filter((s) => s.path.startsWith('/v1/persons/'))).toHaveLength(1);
  });

  it('maps a 404 subject-not-found', async () => {
    script = (req, res) => (req.path === '/v1/oauth/token' ? token(res, 1) : send(res, 404, problem('subject-not-found', 404)));
    await expect(client().persons.search(SEARCH)).rejects.toBeInstanceOf(SubjectNotFoundError);
  });

  it('times out an answer that never comes, without retrying it', async () => {
    script = (req, res) => {
      if (req.path === '/v1/oauth/token') return token(res, 1);
      hanging.add(res); // never answered
    };
    const err = (await client({ timeoutMs: 200 }).persons.search(SEARCH).catch((e) => e)) as GeResTimeoutError;
    expect(err).toBeInstanceOf(GeResTimeoutError);
    expect(err.attempts).toBe(1);
    expect(err.requestId).toBeDefined();
    expect(seen.filter((s) => s.path === '/v1/persons/search')).toHaveLength(1);
  });

  it('renews the token on a 401 invalid-token', async () => {
    let issued = 0;
    script = (req, res) => {
      if (req.path === '/v1/oauth/token') return token(res, ++issued);
      if (req.headers.authorization === 'Bearer tok-1') return send(res, 401, problem('invalid-token', 401));
      send(res, 200, { day: '2026-03-02', used: 1 });
    };
    const usage = await client().me.usage();
    expect(usage).toMatchObject({ used: 1 });
    expect(seen.map((s) => s.path)).toEqual(['/v1/oauth/token', '/v1/me/usage', '/v1/oauth/token', '/v1/me/usage']);
  });
});
