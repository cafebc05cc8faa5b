/**
 * The adapter against a scripted stub (node:http on 127.0.0.1): the exact tokens and headers it
 * sends, and how every kind of answer maps onto AnprError.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { AnprError } from '../errors.js';
import type { PersonQuery } from '../model.js';
import type { AnprCallContext } from '../port.js';
import { MonotonicClientOperationIds, PdndAnprAdapter, planEservices } from './adapter.js';
import { italianDay } from '#libs/clock';
import { anprFailure } from '../anpr-error.testutil.js';

interface Scripted {
  status: number;
  body: string;
  headers?: Record<string, string>;
  hang?: boolean;
}

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let server: Server;
let base: string;
let script: Scripted[] = [];
let seen: Seen[] = [];
let tokenForms: URLSearchParams[] = [];
let tokenAnswer: Scripted | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/token.oauth2') {
        tokenForms.push(new URLSearchParams(body.toString('utf8')));
        const a = tokenAnswer ?? { status: 200, body: JSON.stringify({ access_token: `voucher-${tokenForms.length}`, token_type: 'Bearer', expires_in: 600 }) };
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        return res.end(a.body);
      }
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const next = script.shift() ?? { status: 500, body: '' };
      if (next.hang) return; // never answers: the adapter's deadline must fire
      res.writeHead(next.status, { 'content-type': 'application/json', 'govway-transaction-id': 'tx-1', ...next.headers });
      res.end(next.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

beforeEach(() => {
  script = [];
  seen = [];
  tokenForms = [];
  tokenAnswer = undefined;
});

const ctx = (timeoutMs = 5000): AnprCallContext => ({
  comune: {
    codiceIstat: '058091',
    environment: 'TEST',
    channel: 'pdnd',
    timeoutMs,
    pdnd: {
      baseUrl: `${base}/govway/rest/in/MinInternoPortaANPR-PDND/`,
      audienceBaseUrl: 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR',
      tokenUrl: `${base}/token.oauth2`,
      clientAssertionAudience: 'auth.uat.interop.pagopa.it/client-assertion',
      clientId: 'client-1',
      kid: 'kid-1',
      privateKeyPem: keys.privateKey,
      purposes: { C001: 'purpose-c001', C021: 'purpose-c021', C030: 'purpose-c030' },
    },
  },
  operatorId: 'RSSMRA80A01H501U',
  clientIp: '10.0.0.7',
  loa: 'SPID_L2',
});

const query: PersonQuery = { criterion: { kind: 'idANPR', idANPR: 'AB12345CV' }, sections: ['residenza'], motivoRichiesta: 'PROT-1' };

const ok = (idOp = '77'): Scripted => ({
  status: 200,
  body: JSON.stringify({ idOperazioneANPR: idOp, listaSoggetti: { datiSoggetto: [{ identificativi: { idANPR: 'AB12345CV' }, residenza: [{ tipoIndirizzo: '1' }] }] } }),
});
const ko = (status: number, codice: string, campo?: string): Scripted => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ idOperazioneANPR: '99', listaErrori: [{ codiceErroreAnomalia: codice, tipoErroreAnomalia: 'E', testoErroreAnomalia: 'x', campoErroreAnomalia: campo }] }),
});
const govway = (status: number, title: string): Scripted => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: `https://govway.org/handling-errors/${status}/${title}.html`, title, status, detail: 'd', govway_id: 'gw-1' }),
});

describe('PDND wire format', () => {
  it('client assertion, voucher request, Digest, Agid-JWT-Signature and tracking evidence as in §3.6', async () => {
    const t0 = Date.now();
    const adapter = new PdndAnprAdapter({ now: () => t0 });
    script = [ok()];
    const res = await adapter.findPersons(query, ctx());
    expect(res.anprOperationId).toBe('77');

    const form = tokenForms[0]!;
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe('client-1');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = form.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'RS256', kid: 'kid-1', typ: 'JWT' });
    const pub = createPublicKey(keys.publicKey);
    const ca = (await jwtVerify(assertion, pub, { audience: 'auth.uat.interop.pagopa.it/client-assertion', issuer: 'client-1', subject: 'client-1' })).payload;
    expect(Object.keys(ca).sort()).toEqual(['aud', 'digest', 'exp', 'iat', 'iss', 'jti', 'purposeId', 'sub']);
    expect(ca.purposeId).toBe('purpose-c001');

    const { url, headers, body } = seen[0]!;
    expect(url).toBe('/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1/anpr-service-e002');
    expect(headers.authorization).toBe('Bearer voucher-1');
    expect(headers['content-type']).toBe('application/json');
    expect(headers.digest).toBe(`SHA-256=${createHash('sha256').update(body).digest('base64')}`);

    const te = headers['agid-jwt-trackingevidence'] as string;
    expect(ca.digest).toEqual({ alg: 'SHA256', value: createHash('sha256').update(te).digest('hex') });
    const aud = 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR/C001-servizioNotifica/v1';
    const teClaims = (await jwtVerify(te, pub, { audience: aud, issuer: 'client-1' })).payload;
    expect(teClaims).toMatchObject({ purposeId: 'purpose-c001', userID: 'RSSMRA80A01H501U', userLocation: '10.0.0.7', LoA: 'SPID_L2' });
    expect(String(teClaims.dnonce)).toMatch(/^\d{13}$/);
    expect(decodeProtectedHeader(te)).toEqual({ alg: 'RS256', kid: 'kid-1', typ: 'JWT' });

    const sig = (await jwtVerify(headers['agid-jwt-signature'] as string, pub, { audience: aud, issuer: 'client-1', subject: 'client-1' })).payload;
    expect(sig.signed_headers).toEqual([{ digest: headers.digest }, { 'content-type': 'application/json' }]);
    expect(Number.isInteger(sig.iat) && Number.isInteger(sig.exp)).toBe(true);
    expect(decodeJwt(headers['agid-jwt-signature'] as string).nbf).toBeUndefined();

    const sent = JSON.parse(body.toString('utf8'));
    expect(sent).toEqual({
      idOperazioneClient: res.clientOperationId,
      criteriRicerca: { idANPR: 'AB12345CV' },
      datiRichiesta: { dataRiferimentoRichiesta: italianDay(new Date(t0)), motivoRichiesta: 'PROT-1', casoUso: 'C001' },
    });
  });

  it('the workstation id is the userLocation when there is one', async () => {
    const adapter = new PdndAnprAdapter();
    script = [ok()];
    await adapter.findPersons(query, { ...ctx(), workstation: { id: '058091-CO-0001' } });
    expect(decodeJwt(seen[0]!.headers['agid-jwt-trackingevidence'] as string).userLocation).toBe('058091-CO-0001');
  });
});

describe('PDND answer → AnprError', () => {
  const cases: Array<[string, Scripted, Partial<AnprError['details']> & { kind: AnprError['kind'] }]> = [
    ['404 RispostaKO EN122', ko(404, 'EN122'), { kind: 'not_found', anprCode: 'EN122', anprOperationId: '99', httpStatus: 404 }],
    ['400 RispostaKO with the field', ko(400, 'EN132', 'criteriRicerca.codiceFiscale'), { kind: 'invalid_request', anprCode: 'EN132', field: 'criteriRicerca.codiceFiscale' }],
    ['400 RispostaKO EN131', ko(400, 'EN131'), { kind: 'ambiguous', anprCode: 'EN131' }],
    ['400 InteroperabilityInvalidRequest', govway(400, 'InteroperabilityInvalidRequest'), { kind: 'security_rejected', httpStatus: 400 }],
    ['400 InvalidRequestContent', govway(400, 'InvalidRequestContent'), { kind: 'invalid_request', httpStatus: 400 }],
    ['403 GovWay', govway(403, 'AuthorizationDeny'), { kind: 'security_rejected', httpStatus: 403 }],
    ['429 with Retry-After', { status: 429, body: '', headers: { 'retry-after': '120' } }, { kind: 'unavailable', httpStatus: 429, retryAfterSeconds: 120 }],
    ['500 RispostaKO', ko(500, 'EN999'), { kind: 'unavailable', httpStatus: 500, anprCode: 'EN999' }],
    ['503 GovWay', govway(503, 'APIUnavailable'), { kind: 'unavailable', httpStatus: 503 }],
    ['502 without a body', { status: 502, body: '' }, { kind: 'unavailable', httpStatus: 502 }],
    ['200 that is not JSON', { status: 200, body: '{"idOperazioneANPR":' }, { kind: 'unavailable', httpStatus: 200 }],
  ];
  it.each(cases)('%s', async (_name, answer, expected) => {
    script = [answer];
    const err = await anprFailure(new PdndAnprAdapter().findPersons(query, ctx()));
    const { kind, ...details } = expected;
    expect(err.kind).toBe(kind);
    expect(err.details).toMatchObject(details);
  });

  it('401 twice: one retry with a fresh voucher, then security_rejected', async () => {
    script = [govway(401, 'TokenAuthenticationFailed'), govway(401, 'TokenAuthenticationFailed')];
    const err = await anprFailure(new PdndAnprAdapter().findPersons(query, ctx()));
    expect(err.kind).toBe('security_rejected');
    expect(seen).toHaveLength(2);
    expect(tokenForms).toHaveLength(2);
    expect(seen[1]!.headers.authorization).toBe('Bearer voucher-2');
    // The same operation, byte for byte: ANPR never saw the first attempt.
    expect(seen[1]!.body.equals(seen[0]!.body)).toBe(true);
  });

  it('token endpoint: 4xx → security_rejected, 5xx → unavailable', async () => {
    tokenAnswer = { status: 401, body: JSON.stringify({ title: 'Unauthorized', detail: 'bad assertion' }) };
    expect((await anprFailure(new PdndAnprAdapter().findPersons(query, ctx()))).kind).toBe('security_rejected');
    tokenAnswer = { status: 503, body: '' };
    expect((await anprFailure(new PdndAnprAdapter().findPersons(query, ctx()))).kind).toBe('unavailable');
    expect(seen).toHaveLength(0);
  });

  it('no answer before the deadline → timeout', async () => {
    script = [{ status: 200, body: '', hang: true }];
    const err = await anprFailure(new PdndAnprAdapter().findPersons(query, ctx(300)));
    expect(err.kind).toBe('timeout');
  });

  it('connection refused → unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const c = ctx();
    c.comune.pdnd!.tokenUrl = `http://127.0.0.1:${port}/token.oauth2`;
    const err = await anprFailure(new PdndAnprAdapter().findPersons(query, c));
    expect(err.kind).toBe('unavailable');
  });

  it('an empty listaSoggetti → not_found', async () => {
    script = [{ status: 200, body: JSON.stringify({ idOperazioneANPR: '5', listaSoggetti: { datiSoggetto: [] } }) }];
    const err = await anprFailure(new PdndAnprAdapter().findPersons(query, ctx()));
    expect(err.kind).toBe('not_found');
    expect(err.details.anprOperationId).toBe('5');
  });
});

describe('planning and ids', () => {
  const all = { C001: 'a', C020: 'b', C021: 'c', C030: 'd' };
  const cf = { kind: 'codiceFiscale', codiceFiscale: 'X' } as const;
  it.each([
    [[], cf, ['C030']],
    [[], { kind: 'idANPR', idANPR: 'X' } as const, ['C001']],
    [['generalita'], cf, ['C001']],
    [['residenza'], cf, ['C001']],
    [['famiglia'], cf, ['C021']],
    [['decesso', 'generalita'], cf, ['C021']],
    [['generalita', 'residenza', 'famiglia'], cf, ['C001', 'C021']],
  ] as const)('%j by %j → %j', (sections, criterion, calls) => {
    expect(planEservices([...sections], criterion, all).calls).toEqual(calls);
  });

  it('uses C020 when only C020 has a purpose', () => {
    expect(planEservices(['residenza'], cf, { C020: 'b' }).calls).toEqual(['C020']);
  });

  it('a missing purpose is reported before any call', async () => {
    const c = ctx();
    c.comune.pdnd!.purposes = { C030: 'x' };
    const err = await anprFailure(new PdndAnprAdapter().findPersons(query, c));
    expect(err.details.field).toBe('comune.pdnd.purposes.C001');
    expect(tokenForms).toHaveLength(0);
  });

  it('client operation ids are numeric and strictly increasing, even within one millisecond', () => {
    const ids = new MonotonicClientOperationIds(() => 1_700_000_000_000);
    const a = Number(ids.next());
    const b = Number(ids.next());
    expect(b).toBe(a + 1);
  });
});
