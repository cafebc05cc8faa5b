/**
 * The PDND flow with nock in front of the real transport. The adapter calls Node's global fetch
 * (no `fetch` option is injected here); nock 15 wraps it through @mswjs/interceptors, which lets
 * Node's own undici run and answers it from an emulated socket, so headers, body bytes, aborts and
 * connection errors go through the real client code while no server runs. Every token and
 * e-service exchange is a nock interceptor; each test asserts its scopes are done and the suite
 * leaves no mock pending.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import nock from 'nock';
import { AnprError } from '../errors.js';
import type { NormalisedPerson, PersonQuery } from '../model.js';
import type { AnprCallContext } from '../port.js';
import { PdndAnprAdapter } from './adapter.js';
import { italianDay } from '#libs/clock';
import { anprFailure } from '../anpr-error.testutil.js';

const TOKEN_ORIGIN = 'https://auth.uat.interop.pagopa.it';
const TOKEN_PATH = '/token.oauth2';
const ANPR_ORIGIN = 'https://modipa-val.anpr.interno.it';
const PDND_BASE = `${ANPR_ORIGIN}/govway/rest/in/MinInternoPortaANPR-PDND`;
const AUDIENCE_BASE = `${ANPR_ORIGIN}/govway/rest/in/MinInternoPortaANPR`;
const CLIENT_ASSERTION_AUD = 'auth.uat.interop.pagopa.it/client-assertion';
const CLIENT_ID = 'client-058091';
const KID = 'kid-058091';
const OPERATOR = 'RSSMRA80A01H501U';

const C001_PATH = '/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1/anpr-service-e002';
const C001_AUD = `${AUDIENCE_BASE}/C001-servizioNotifica/v1`;
const C030_PATH = '/govway/rest/in/MinInternoPortaANPR-PDND/C030-servizioAccertamentoIdUnicoNazionale/v1/anpr-service-e002';
const C030_AUD = `${AUDIENCE_BASE}/C030-servizioAccertamentoIdUnicoNazionale/v1`;

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const publicKey = createPublicKey(keys.publicKey);

/** One request as nock received it: the URL, the headers and the exact body bytes. */
interface Seen {
  url: string;
  headers: Headers;
  body: Buffer;
}

// nock 15 calls a reply function with the intercepted fetch `Request` (one parameter: a second
// one would make nock treat the function as callback-style).
const capture = async (req: Request): Promise<Seen> => ({
  url: req.url,
  headers: req.headers,
  body: Buffer.from(await req.arrayBuffer()),
});

type Reply = readonly [number, string | Record<string, unknown>, Record<string, string>?];

/** The PDND token endpoint answering `times` requests with voucher-1, voucher-2, ... */
function tokenEndpoint(seen: Seen[], times = 1): nock.Scope {
  return nock(TOKEN_ORIGIN)
    .post(TOKEN_PATH)
    .times(times)
    .reply(async (req: Request) => {
      seen.push(await capture(req));
      return [200, { access_token: `voucher-${seen.length}`, token_type: 'Bearer', expires_in: 600 }];
    });
}

/** The e-service at `path`, answering its requests in turn with `replies`. */
function eservice(path: string, seen: Seen[], ...replies: Reply[]): nock.Scope {
  const scope = nock(ANPR_ORIGIN);
  for (const [status, body, headers] of replies) {
    scope.post(path).reply(async (req: Request) => {
      seen.push(await capture(req));
      return [status, body, { 'govway-transaction-id': 'gw-tx-1', ...headers }];
    });
  }
  return scope;
}

const ctx = (over: Partial<AnprCallContext> = {}, timeoutMs = 5000): AnprCallContext => ({
  comune: {
    codiceIstat: '058091',
    environment: 'TEST',
    channel: 'pdnd',
    timeoutMs,
    pdnd: {
      baseUrl: `${PDND_BASE}/`,
      audienceBaseUrl: AUDIENCE_BASE,
      tokenUrl: `${TOKEN_ORIGIN}${TOKEN_PATH}`,
      clientAssertionAudience: CLIENT_ASSERTION_AUD,
      clientId: CLIENT_ID,
      kid: KID,
      privateKeyPem: keys.privateKey,
      purposes: { C001: 'purpose-c001', C021: 'purpose-c021', C030: 'purpose-c030' },
    },
  },
  operatorId: OPERATOR,
  workstation: { id: '058091-CO-0001' },
  loa: 'SPID_L2',
  ...over,
});

const byIdAnpr: PersonQuery = {
  criterion: { kind: 'idANPR', idANPR: 'AB12345CV' },
  sections: ['generalita', 'residenza'],
  motivoRichiesta: 'PROT-2024-0001',
};

const RISPOSTA_C001 = {
  idOperazioneANPR: '4711',
  listaSoggetti: {
    datiSoggetto: [
      {
        identificativi: { idANPR: 'AB12345CV' },
        generalita: {
          codiceFiscale: { codFiscale: 'RSSMRA80A01H501U', validitaCF: '1' },
          cognome: 'ROSSI',
          nome: 'MARIO',
          sesso: 'M',
          dataNascita: '1980-01-01',
          luogoNascita: { comune: { codiceIstat: '058091', nomeComune: 'ROMA', siglaProvinciaIstat: 'RM' } },
          soggettoAIRE: 'N',
        },
        residenza: [
          {
            tipoIndirizzo: '1',
            indirizzo: {
              cap: '00184',
              comune: { codiceIstat: '058091', nomeComune: 'ROMA', siglaProvinciaIstat: 'RM' },
              toponimo: { specie: 'VIA', denominazioneToponimo: 'NAZIONALE' },
              numeroCivico: { numero: '10', lettera: 'B', civicoInterno: { scala: 'A', interno1: '3', piano: '2' } },
            },
            dataDecorrenzaResidenza: '2015-03-01',
          },
        ],
      },
    ],
  },
  listaAnomalie: [],
};

const MARIO: NormalisedPerson = {
  idANPR: 'AB12345CV',
  generalita: {
    codiceFiscale: 'RSSMRA80A01H501U',
    validitaCF: '1',
    cognome: 'ROSSI',
    nome: 'MARIO',
    sesso: 'M',
    dataNascita: '1980-01-01',
    luogoNascita: { comune: { codiceIstat: '058091', nomeComune: 'ROMA', siglaProvincia: 'RM' } },
    soggettoAIRE: false,
  },
  residenza: [
    {
      tipoIndirizzo: '1',
      indirizzo: {
        cap: '00184',
        comune: { codiceIstat: '058091', nomeComune: 'ROMA', siglaProvincia: 'RM' },
        toponimo: { specie: 'VIA', denominazione: 'NAZIONALE' },
        numeroCivico: { numero: '10', lettera: 'B', interno: '3', scala: 'A', piano: '2' },
      },
      dataDecorrenza: '2015-03-01',
    },
  ],
};

const ok: Reply = [200, RISPOSTA_C001];
const problem = (status: number, title: string): Reply => [
  status,
  { type: `https://govway.org/handling-errors/${status}/${title}.html`, title, status, detail: 'rejected', govway_id: 'gw-42' },
  { 'content-type': 'application/problem+json' },
];

const socketError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

/** fetch rejects with `TypeError('fetch failed')` whose `cause` is the transport error. */
const rootCause = (err: AnprError): unknown => (err.details.cause as { cause?: unknown } | undefined)?.cause;

const verify = async (jwt: string, aud: string, sub = true): Promise<JWTPayload> =>
  (await jwtVerify(jwt, publicKey, { audience: aud, issuer: CLIENT_ID, ...(sub ? { subject: CLIENT_ID } : {}) })).payload;

const sha256 = (data: string | Uint8Array, enc: 'hex' | 'base64'): string => createHash('sha256').update(data).digest(enc);

beforeAll(() => {
  // Nothing leaves the process: a request no interceptor matches fails instead of going out.
  nock.disableNetConnect();
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.abortPendingRequests(); // drops the timer of a delayed reply the adapter gave up on
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(() => {
  nock.enableNetConnect();
  // Undo nock's patching of fetch and the socket layer, as nock's README advises for Jest suites.
  nock.restore();
});

describe('PDND over nock: what goes on the wire', () => {
  it('voucher request, client assertion, then the e-service call with Digest, signature and tracking evidence', async () => {
    const t0 = Date.now();
    const tokens: Seen[] = [];
    const calls: Seen[] = [];
    const token = tokenEndpoint(tokens);
    const anpr = eservice(C001_PATH, calls, ok);

    const adapter = new PdndAnprAdapter({ now: () => t0 });
    const res = await adapter.findPersons(byIdAnpr, ctx());

    expect(token.isDone()).toBe(true);
    expect(anpr.isDone()).toBe(true);
    expect(tokens).toHaveLength(1);
    expect(calls).toHaveLength(1);

    // The token call: a form with the four fields and nothing else.
    const tokenCall = tokens[0]!;
    expect(tokenCall.url).toBe(`${TOKEN_ORIGIN}${TOKEN_PATH}`);
    expect(tokenCall.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(tokenCall.body.toString('utf8'));
    expect([...form.keys()].sort()).toEqual(['client_assertion', 'client_assertion_type', 'client_id', 'grant_type']);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form.get('client_id')).toBe(CLIENT_ID);

    const assertion = form.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'RS256', kid: KID, typ: 'JWT' });
    const ca = await verify(assertion, CLIENT_ASSERTION_AUD);
    expect(Object.keys(ca).sort()).toEqual(['aud', 'digest', 'exp', 'iat', 'iss', 'jti', 'purposeId', 'sub']);
    expect(ca.iss).toBe(CLIENT_ID);
    expect(ca.sub).toBe(CLIENT_ID);
    expect(ca.aud).toBe(CLIENT_ASSERTION_AUD);
    expect(ca.purposeId).toBe('purpose-c001');
    expect(typeof ca.jti).toBe('string');
    expect(ca.jti).not.toBe('');
    expect(Number.isInteger(ca.iat)).toBe(true);
    expect(Number.isInteger(ca.exp)).toBe(true);
    expect(ca.iat).toBe(Math.floor(t0 / 1000));
    expect(ca.exp!).toBeGreaterThan(ca.iat!);
    expect(ca.nbf).toBeUndefined();

    // The e-service call.
    const call = calls[0]!;
    expect(call.url).toBe(`${ANPR_ORIGIN}${C001_PATH}`);
    expect(call.headers.get('authorization')).toBe('Bearer voucher-1');
    expect(call.headers.get('content-type')).toBe('application/json');
    const digest = `SHA-256=${sha256(call.body, 'base64')}`;
    expect(call.headers.get('digest')).toBe(digest);

    const te = call.headers.get('agid-jwt-trackingevidence')!;
    expect(ca.digest).toEqual({ alg: 'SHA256', value: sha256(te, 'hex') });
    expect(decodeProtectedHeader(te)).toEqual({ alg: 'RS256', kid: KID, typ: 'JWT' });
    const teClaims = await verify(te, C001_AUD, false);
    expect(teClaims).toMatchObject({
      aud: C001_AUD,
      purposeId: 'purpose-c001',
      userID: OPERATOR,
      userLocation: '058091-CO-0001',
      LoA: 'SPID_L2',
    });
    expect(String(teClaims.dnonce)).toMatch(/^\d{13}$/);
    expect(Number.isInteger(teClaims.iat) && Number.isInteger(teClaims.exp)).toBe(true);

    const signature = call.headers.get('agid-jwt-signature')!;
    expect(decodeProtectedHeader(signature)).toEqual({ alg: 'RS256', kid: KID, typ: 'JWT' });
    const sig = await verify(signature, C001_AUD);
    expect(sig.aud).toBe(C001_AUD);
    expect(sig.aud).not.toContain('-PDND');
    expect(sig.aud).not.toContain('anpr-service-e002');
    expect(sig.signed_headers).toEqual([{ digest }, { 'content-type': 'application/json' }]);
    expect(Number.isInteger(sig.iat) && Number.isInteger(sig.exp)).toBe(true);
    expect(decodeJwt(signature).nbf).toBeUndefined();

    expect(JSON.parse(call.body.toString('utf8'))).toEqual({
      idOperazioneClient: res.clientOperationId,
      criteriRicerca: { idANPR: 'AB12345CV' },
      datiRichiesta: { dataRiferimentoRichiesta: italianDay(new Date(t0)), motivoRichiesta: 'PROT-2024-0001', casoUso: 'C001' },
    });
    expect(res.clientOperationId).toMatch(/^\d+$/);
  });

  it('without a workstation the client IP is the userLocation, and LoA3 the default LoA', async () => {
    const calls: Seen[] = [];
    const token = tokenEndpoint([]);
    const anpr = eservice(C001_PATH, calls, ok);
    await new PdndAnprAdapter().findPersons(byIdAnpr, ctx({ workstation: undefined, clientIp: '10.1.2.3', loa: undefined }));
    expect(token.isDone() && anpr.isDone()).toBe(true);
    const te = decodeJwt(calls[0]!.headers.get('agid-jwt-trackingevidence')!);
    expect(te).toMatchObject({ userID: OPERATOR, userLocation: '10.1.2.3', LoA: 'LoA3' });
  });
});

describe('PDND over nock: answers', () => {
  it('200 RispostaE002OK → NormalisedPerson', async () => {
    const token = tokenEndpoint([]);
    const anpr = eservice(C001_PATH, [], ok);
    const res = await new PdndAnprAdapter().findPersons(byIdAnpr, ctx());
    expect(token.isDone() && anpr.isDone()).toBe(true);
    expect(res.persons).toEqual([MARIO]);
    expect(res.anprOperationId).toBe('4711');
    expect(res.warnings).toEqual([]);
    expect(res.channel).toBe('pdnd');
  });

  it('C030 by codice fiscale: the idANPR, with the EN148 warning surfaced', async () => {
    const tokens: Seen[] = [];
    const calls: Seen[] = [];
    const token = tokenEndpoint(tokens);
    const anpr = eservice(C030_PATH, calls, [
      200,
      {
        idOperazioneANPR: '4712',
        listaSoggetti: { datiSoggetto: [{ identificativi: { idANPR: 'AB12345CV' } }] },
        listaAnomalie: [
          { codiceErroreAnomalia: 'EN148', tipoErroreAnomalia: 'W', testoErroreAnomalia: 'Ricerca effettuata per codice fiscale' },
        ],
      },
    ]);
    const query: PersonQuery = { criterion: { kind: 'codiceFiscale', codiceFiscale: 'rssmra80a01h501u' }, sections: [], motivoRichiesta: 'PROT-7' };
    const res = await new PdndAnprAdapter().findPersons(query, ctx());

    expect(token.isDone() && anpr.isDone()).toBe(true);
    expect(res.persons).toEqual([{ idANPR: 'AB12345CV' }]);
    expect(res.warnings).toEqual([{ code: 'EN148', text: 'Ricerca effettuata per codice fiscale' }]);
    expect(calls[0]!.url).toBe(`${ANPR_ORIGIN}${C030_PATH}`);
    const body = JSON.parse(calls[0]!.body.toString('utf8'));
    expect(body.criteriRicerca).toEqual({ codiceFiscale: 'RSSMRA80A01H501U' });
    expect(body.datiRichiesta).toMatchObject({ motivoRichiesta: 'PROT-7', casoUso: 'C030' });
    expect(decodeJwt(new URLSearchParams(tokens[0]!.body.toString('utf8')).get('client_assertion')!).purposeId).toBe('purpose-c030');
    const te = calls[0]!.headers.get('agid-jwt-trackingevidence')!;
    expect(decodeJwt(te)).toMatchObject({ aud: C030_AUD, purposeId: 'purpose-c030' });
    expect((await verify(calls[0]!.headers.get('agid-jwt-signature')!, C030_AUD)).aud).toBe(C030_AUD);
  });

  const cases: Array<[string, Reply, { kind: AnprError['kind'] } & Partial<AnprError['details']>]> = [
    [
      '404 RispostaKO EN122 → not_found',
      [
        404,
        {
          idOperazioneANPR: '99',
          listaErrori: [{ codiceErroreAnomalia: 'EN122', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'Soggetto non registrato in ANPR' }],
        },
      ],
      { kind: 'not_found', anprCode: 'EN122', anprOperationId: '99', httpStatus: 404 },
    ],
    [
      '400 GovWay InteroperabilityInvalidRequest → security_rejected',
      problem(400, 'InteroperabilityInvalidRequest'),
      { kind: 'security_rejected', httpStatus: 400 },
    ],
    ['400 GovWay InvalidRequestContent → invalid_request', problem(400, 'InvalidRequestContent'), { kind: 'invalid_request', httpStatus: 400 }],
    ['429 with Retry-After → unavailable', [429, '', { 'retry-after': '30' }], { kind: 'unavailable', httpStatus: 429, retryAfterSeconds: 30 }],
    [
      '500 RispostaKO → unavailable',
      [500, { idOperazioneANPR: '98', listaErrori: [{ codiceErroreAnomalia: 'EN999', tipoErroreAnomalia: 'E', testoErroreAnomalia: 'errore' }] }],
      { kind: 'unavailable', httpStatus: 500, anprCode: 'EN999' },
    ],
    ['500 without a body → unavailable', [500, ''], { kind: 'unavailable', httpStatus: 500 }],
  ];

  it.each(cases)('%s', async (_name, reply, expected) => {
    const tokens: Seen[] = [];
    const calls: Seen[] = [];
    const token = tokenEndpoint(tokens);
    const anpr = eservice(C001_PATH, calls, reply);
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, ctx()));
    const { kind, ...details } = expected;
    expect(err.kind).toBe(kind);
    expect(err.details).toMatchObject(details);
    expect(token.isDone() && anpr.isDone()).toBe(true);
    // None of these is retried.
    expect(tokens).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('the GovWay transaction id of a problem+json is kept for support', async () => {
    tokenEndpoint([]);
    eservice(C001_PATH, [], problem(400, 'InteroperabilityInvalidRequest'));
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, ctx()));
    expect(err.details.cause).toMatchObject({ govwayTransactionId: 'gw-42' });
  });

  it('401 once: exactly one retry, with a fresh voucher and the same bytes, then success', async () => {
    const tokens: Seen[] = [];
    const calls: Seen[] = [];
    const token = tokenEndpoint(tokens, 2);
    const anpr = eservice(C001_PATH, calls, problem(401, 'TokenAuthenticationFailed'), ok);
    const adapter = new PdndAnprAdapter();
    const res = await adapter.findPersons(byIdAnpr, ctx());

    expect(res.persons).toEqual([MARIO]);
    expect(token.isDone() && anpr.isDone()).toBe(true);
    expect(tokens).toHaveLength(2);
    expect(adapter.tokenRequests).toBe(2);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer voucher-1', 'Bearer voucher-2']);
    expect(calls[1]!.body.equals(calls[0]!.body)).toBe(true);
    // The fresh voucher comes with its own tracking evidence, whose digest it carries.
    const te = calls.map((c) => c.headers.get('agid-jwt-trackingevidence')!);
    expect(te[1]).not.toBe(te[0]);
    const ca2 = decodeJwt(new URLSearchParams(tokens[1]!.body.toString('utf8')).get('client_assertion')!);
    expect(ca2.digest).toEqual({ alg: 'SHA256', value: sha256(te[1]!, 'hex') });
  });

  it('401 twice: one retry only, then security_rejected', async () => {
    const tokens: Seen[] = [];
    const calls: Seen[] = [];
    const token = tokenEndpoint(tokens, 2);
    const anpr = eservice(C001_PATH, calls, problem(401, 'TokenAuthenticationFailed'), problem(401, 'TokenAuthenticationFailed'));
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, ctx()));
    expect(err.kind).toBe('security_rejected');
    expect(err.details.httpStatus).toBe(401);
    expect(token.isDone() && anpr.isDone()).toBe(true);
    expect(tokens).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it('a reply slower than the adapter deadline → timeout', async () => {
    const token = tokenEndpoint([]);
    // The delay is far beyond both the adapter's 100 ms and Jest's own test timeout: only the
    // adapter's abort can end this test in time. nock sends the headers and the first body byte at
    // once and holds back the rest. The reply carries a Content-Length, as GovWay's do: without one
    // (an EOF-delimited body) aborting mid-body trips an assertion inside Node's undici when the
    // emulated socket closes (`assert(!this.aborted)`, uncaught), with nock 15.0.6 and Node 24.
    const anpr = nock(ANPR_ORIGIN).replyContentLength().post(C001_PATH).delay(60_000).reply(200, RISPOSTA_C001);
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, ctx({}, 100)));
    expect(err.kind).toBe('timeout');
    expect(token.isDone() && anpr.isDone()).toBe(true);
  });

  it('a connection error on the e-service → unavailable', async () => {
    const token = tokenEndpoint([]);
    // An Error instance: a plain `{ code, message }` object is accepted by nock's types but leaves
    // the fetch pending forever with nock 15.0.6.
    const anpr = nock(ANPR_ORIGIN).post(C001_PATH).replyWithError(socketError('ECONNRESET', 'socket hang up'));
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, ctx()));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/^ANPR C001: /);
    expect((rootCause(err) as { code?: string }).code).toBe('ECONNRESET');
    expect(token.isDone() && anpr.isDone()).toBe(true);
  });

  it('a connection error on the token endpoint, twice (the cache retries once) → unavailable, and no e-service call', async () => {
    const token = nock(TOKEN_ORIGIN).post(TOKEN_PATH).times(2).replyWithError(socketError('ECONNREFUSED', 'connect ECONNREFUSED'));
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, ctx()));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/^PDND token endpoint: /);
    expect((rootCause(err) as { code?: string }).code).toBe('ECONNREFUSED');
    expect(token.isDone()).toBe(true);
  });

  it('a host with no interceptor is refused by nock, not reached', async () => {
    const c = ctx();
    c.comune.pdnd!.tokenUrl = 'https://auth.example.invalid/token.oauth2';
    const err = await anprFailure(new PdndAnprAdapter().findPersons(byIdAnpr, c));
    expect(err.kind).toBe('unavailable');
    // nock's NetConnectNotAllowedError reaches undici from Jest's realm, which re-wraps it by name
    // and message; the message is what survives either way.
    expect(String((rootCause(err) as Error).message)).toContain('Disallowed net connect for "auth.example.invalid:443/token.oauth2"');
  });
});

describe('PDND over nock: voucher cache', () => {
  it('two lookups for the same purpose and user share one voucher; another operator gets a new one', async () => {
    const tokens: Seen[] = [];
    const calls: Seen[] = [];
    const adapter = new PdndAnprAdapter();

    const token = tokenEndpoint(tokens);
    const anpr = eservice(C001_PATH, calls, ok, ok);
    await adapter.findPersons(byIdAnpr, ctx());
    await adapter.findPersons(byIdAnpr, ctx());
    expect(token.isDone() && anpr.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(tokens).toHaveLength(1);
    expect(adapter.tokenRequests).toBe(1);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer voucher-1', 'Bearer voucher-1']);
    // The cached voucher travels with the tracking evidence it was issued for.
    expect(calls[1]!.headers.get('agid-jwt-trackingevidence')).toBe(calls[0]!.headers.get('agid-jwt-trackingevidence'));
    // Each call has its own operation id and signature.
    expect(calls[1]!.headers.get('agid-jwt-signature')).not.toBe(calls[0]!.headers.get('agid-jwt-signature'));
    const ids = calls.map((c) => BigInt(JSON.parse(c.body.toString('utf8')).idOperazioneClient as string));
    expect(ids[1]! > ids[0]!).toBe(true);

    const token2 = nock(TOKEN_ORIGIN)
      .post(TOKEN_PATH)
      .reply(async (req: Request) => {
        tokens.push(await capture(req));
        return [200, { access_token: 'voucher-other', token_type: 'Bearer', expires_in: 600 }];
      });
    const anpr2 = eservice(C001_PATH, calls, ok);
    await adapter.findPersons(byIdAnpr, ctx({ operatorId: 'VRDLGU70B02F205V' }));
    expect(token2.isDone() && anpr2.isDone()).toBe(true);
    expect(tokens).toHaveLength(2);
    expect(adapter.tokenRequests).toBe(2);
    expect(calls[2]!.headers.get('authorization')).toBe('Bearer voucher-other');
    expect(decodeJwt(calls[2]!.headers.get('agid-jwt-trackingevidence')!).userID).toBe('VRDLGU70B02F205V');
  });
});
