import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AnprError } from '../errors.js';
import { makePdndSigner } from './modi.js';
import { PdndVoucherCache, type VoucherRequest } from './voucher.js';

/**
 * The voucher cache against a real local HTTP token endpoint whose answers the test scripts: one
 * failure among 200 concurrent callers, a lasting failure, a refusal.
 */
describe('PdndVoucherCache failures', () => {
  let server: Server;
  let tokenUrl: string;
  /** Status of each next answer; when empty, 200 with a voucher. */
  let script: number[] = [];
  let received = 0;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const signer = makePdndSigner({ clientId: 'client-1', kid: 'kid-1', privateKeyPem: privateKey });

  beforeAll(async () => {
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      req.on('end', () => {
        const status = script.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 200 ? { access_token: `voucher-${received}`, token_type: 'Bearer', expires_in: 600 } : { title: 'nope', detail: `failure ${received}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token.oauth2`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    script = [];
    received = 0;
  });

  const request = (userID = 'RSSMRA80A01H501U'): VoucherRequest => ({
    tokenUrl,
    clientAssertionAudience: 'auth.uat.interop.pagopa.it/client-assertion',
    signer,
    purposeId: 'purpose-1',
    audience: 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1',
    userID,
    userLocation: 'WS-1',
    LoA: 'LoA3',
  });

  const settle = (n: number, sut: PdndVoucherCache, req: VoucherRequest) => Promise.allSettled(Array.from({ length: n }, () => sut.obtain(req, 5000)));

  it('retries one failed token request, so that 200 concurrent callers all get the voucher', async () => {
    script = [500];
    const sut = new PdndVoucherCache({ fetch: (u, i) => fetch(u, i), now: Date.now });
    const results = await settle(200, sut, request());
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(200);
    expect(new Set(results.map((r) => (r as PromiseFulfilledResult<{ accessToken: string }>).value.accessToken))).toEqual(new Set(['voucher-2']));
    expect(received).toBe(2);
    expect(sut.tokenRequests).toBe(2);
  });

  it('on a lasting failure, 200 callers share one request and its retry; the failure is remembered only briefly', async () => {
    script = [503, 503];
    let now = 1_000_000;
    const sut = new PdndVoucherCache({ fetch: (u, i) => fetch(u, i), now: () => now, failureCacheMs: 3000 });
    const results = await settle(200, sut, request());
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AnprError && r.reason.kind === 'unavailable')).toBe(true);
    expect(received).toBe(2);

    // Within the failure window: an immediate failure, no request.
    now += 2999;
    await expect(sut.obtain(request(), 5000)).rejects.toMatchObject({ kind: 'unavailable', message: 'PDND token endpoint answered 503' });
    expect(received).toBe(2);
    // Another user's voucher is a different key: not affected.
    expect((await sut.obtain(request('BNCGVN80A01H501X'), 5000)).accessToken).toBe('voucher-3');

    // After the window, the next caller asks again.
    now += 1;
    expect((await sut.obtain(request(), 5000)).accessToken).toBe('voucher-4');
    expect(received).toBe(4);
  });

  it('does not retry a refusal (4xx) nor a 429, and does not cache it past the window', async () => {
    script = [401];
    let now = 0;
    const sut = new PdndVoucherCache({ fetch: (u, i) => fetch(u, i), now: () => now });
    await expect(sut.obtain(request(), 5000)).rejects.toMatchObject({ kind: 'security_rejected' });
    expect(received).toBe(1);
    now += 2000;
    script = [429];
    await expect(sut.obtain(request(), 5000)).rejects.toMatchObject({ kind: 'unavailable', details: { httpStatus: 429 } });
    expect(received).toBe(2);
  });

  it('retries a connection that was refused, within the caller\'s deadline', async () => {
    let calls = 0;
    const flaky = (u: string, i: RequestInit) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(u, i);
    };
    const sut = new PdndVoucherCache({ fetch: flaky, now: Date.now });
    const results = await settle(50, sut, request());
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(calls).toBe(2);
    expect(received).toBe(1);
  });
});
