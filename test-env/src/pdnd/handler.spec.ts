/**
 * The simulated PDND/GovWay/ANPR checked with hand-built requests (jose only, no adapter), so each
 * GovWay check can be broken on its own.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { CompactSign, createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { createPdndSimulatorHandler, type PdndSimulatorHandler, type PdndSimulatorOptions } from './handler.js';
import { makeTestPdndClient, type TestPdndClient } from './test-client.js';
import { createFakeRegistry, type FakeRegistry } from '../fake-registry.testutil.js';
import { listen, PEOPLE, type RunningServer } from './fixtures.testutil.js';
import { loadSharedPdndSpecs, validate } from './openapi-lite.testutil.js';
import { itWithShared } from '../shared-data.testutil.js';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s);

interface Env {
  sim: PdndSimulatorHandler;
  server: RunningServer;
  client: TestPdndClient;
  key: KeyObject;
  registry: FakeRegistry;
  fault: { next?: string };
}
let env: Env | undefined;
afterEach(async () => {
  await env?.server.close();
  env = undefined;
});

async function setup(opts: Partial<PdndSimulatorOptions> = {}): Promise<Env> {
  const registry = createFakeRegistry(Object.values(PEOPLE));
  const fault: Env['fault'] = {};
  const holder: { sim?: PdndSimulatorHandler } = {};
  const server = await listen((req, res) => {
    if (fault.next) (req as unknown as { simFault?: string }).simFault = fault.next;
    fault.next = undefined;
    return holder.sim!(req, res);
  });
  const client = makeTestPdndClient({ simulatorBaseUrl: server.baseUrl, clientId: 'client-A', kid: 'kid-A' });
  const sim = createPdndSimulatorHandler({ registry, clients: [client.client], ...opts });
  holder.sim = sim;
  env = { sim, server, client, key: createPrivateKey(client.privateKeyPem), registry, fault };
  return env;
}

const nowSec = () => Math.floor(Date.now() / 1000);

interface Tokens {
  te: string;
  voucher: string;
}

type Claims = Record<string, unknown>;

async function jws(key: KeyObject, kid: string, claims: Claims): Promise<string> {
  return new CompactSign(Buffer.from(JSON.stringify(claims))).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

/** A tracking evidence and a voucher bound to it. */
async function tokens(e: Env, code: string, teOverride: Claims = {}, assertionOverride: Claims = {}): Promise<Tokens> {
  const aud = `${e.client.settings.audienceBaseUrl}/${code}-${names[code]}/v1`;
  const purposeId = e.client.client.purposes[code]!;
  const te = await jws(e.key, 'kid-A', {
    iss: 'client-A', aud, purposeId, dnonce: 1234567890123, userID: 'OP1', userLocation: 'WS1', LoA: 'LoA3',
    jti: randomUUID(), iat: nowSec(), exp: nowSec() + 600, ...teOverride,
  });
  const assertion = await jws(e.key, 'kid-A', {
    iss: 'client-A', sub: 'client-A', aud: e.client.settings.clientAssertionAudience, purposeId, jti: randomUUID(),
    iat: nowSec(), exp: nowSec() + 60, digest: { alg: 'SHA256', value: sha256(te).digest('hex') }, ...assertionOverride,
  });
  const res = await postToken(e, assertion);
  expect(res.status).toBe(200);
  return { te, voucher: ((await res.json()) as { access_token: string }).access_token };
}

const postToken = (e: Env, assertion: string, extra: Record<string, string> = {}) =>
  fetch(e.client.settings.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: 'client-A',
      client_assertion: assertion,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      grant_type: 'client_credentials',
      ...extra,
    }).toString(),
  });

const names: Record<string, string> = {
  C001: 'servizioNotifica',
  C020: 'servizioAccertamentoResidenza',
  C021: 'servizioAccertamentoStatoFamiglia',
  C030: 'servizioAccertamentoIdUnicoNazionale',
};

let opSeq = 1000;
const richiesta = (code: string, criteri: Claims, extra: Claims = {}) => ({
  idOperazioneClient: String(opSeq++),
  criteriRicerca: criteri,
  datiRichiesta: { dataRiferimentoRichiesta: '2025-01-15', motivoRichiesta: 'PROT-9', casoUso: code },
  ...extra,
});

interface CallOpts {
  code?: string;
  pathSegment?: string;
  body?: unknown;
  rawBody?: Buffer;
  tokens?: Tokens;
  digest?: string;
  signature?: Claims;
  signatureHeader?: string;
  headers?: Record<string, string>;
  omit?: string[];
}

async function call(e: Env, o: CallOpts = {}): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const code = o.code ?? 'C001';
  const t = o.tokens ?? (await tokens(e, code));
  const bytes = o.rawBody ?? Buffer.from(JSON.stringify(o.body ?? richiesta(code, { idANPR: 'AB12345CV' })));
  const digest = o.digest ?? `SHA-256=${sha256(bytes).digest('base64')}`;
  const aud = `${e.client.settings.audienceBaseUrl}/${code}-${names[code]}/v1`;
  const signature =
    o.signatureHeader ??
    (await jws(e.key, 'kid-A', {
      iss: 'client-A', sub: 'client-A', aud, jti: randomUUID(), iat: nowSec(), exp: nowSec() + 60,
      signed_headers: [{ digest }, { 'content-type': 'application/json' }], ...o.signature,
    }));
  const headers: Record<string, string> = {
    authorization: `Bearer ${t.voucher}`,
    'content-type': 'application/json',
    digest,
    'agid-jwt-signature': signature,
    'agid-jwt-trackingevidence': t.te,
    ...o.headers,
  };
  for (const h of o.omit ?? []) delete headers[h];
  const segment = o.pathSegment ?? `${code}-${names[code]}`;
  const res = await fetch(`${e.server.baseUrl}/govway/rest/in/MinInternoPortaANPR-PDND/${encodeURIComponent(segment)}/v1/anpr-service-e002`, {
    method: 'POST',
    headers,
    body: bytes,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

const expectGovWay = (r: { status: number; json: any; headers: Headers }, status: number, title: string) => {
  expect({ status: r.status, title: r.json?.title }).toEqual({ status, title });
  expect(r.json.type).toBe(`https://govway.org/handling-errors/${status}/${title}.html`);
  expect(r.json.govway_id).toBe(r.headers.get('govway-transaction-id'));
};

describe('simulated PDND authorisation server', () => {
  it('issues an RS256 at+jwt voucher with the §3.6 claims, verifiable with the JWKS', async () => {
    const e = await setup();
    const { voucher, te } = await tokens(e, 'C021');
    const jwks = (await (await fetch(`${e.server.baseUrl}/.well-known/jwks.json`)).json()) as { keys: any[] };
    const { payload, protectedHeader } = await jwtVerify(voucher, createLocalJWKSet(jwks));
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      iss: 'uat.interop.pagopa.it',
      aud: `${e.server.baseUrl}/govway/rest/in/MinInternoPortaANPR/C021-servizioAccertamentoStatoFamiglia/v1`,
      sub: 'client-A',
      client_id: 'client-A',
      purposeId: e.client.client.purposes.C021,
      digest: { alg: 'SHA256', value: sha256(te).digest('hex') },
    });
    for (const c of ['producerId', 'consumerId', 'eserviceId', 'descriptorId', 'jti']) expect(typeof payload[c]).toBe('string');
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp).toBe(payload.iat! + 600);
  });

  it.each([
    ['an nbf claim', { nbf: nowSec() }, 400],
    ['a wrong audience', { aud: 'auth.interop.pagopa.it/client-assertion' }, 401],
    ['an unknown purpose', { purposeId: 'not-mine' }, 400],
    ['an expired assertion', { iat: nowSec() - 600, exp: nowSec() - 300 }, 401],
    ['a malformed digest', { digest: { alg: 'SHA1', value: 'abc' } }, 400],
  ])('refuses a client assertion with %s', async (_n, override, status) => {
    const e = await setup();
    const assertion = await jws(e.key, 'kid-A', {
      iss: 'client-A', sub: 'client-A', aud: e.client.settings.clientAssertionAudience, purposeId: e.client.client.purposes.C001,
      jti: randomUUID(), iat: nowSec(), exp: nowSec() + 60, ...override,
    });
    expect((await postToken(e, assertion)).status).toBe(status);
  });

  it('refuses an assertion signed with a key that is not the registered one', async () => {
    const e = await setup();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const assertion = await new SignJWT({ purposeId: e.client.client.purposes.C001 })
      .setProtectedHeader({ alg: 'RS256', kid: 'kid-A' })
      .setIssuer('client-A').setSubject('client-A').setAudience(e.client.settings.clientAssertionAudience)
      .setJti(randomUUID()).setIssuedAt().setExpirationTime('1m')
      .sign(other);
    expect((await postToken(e, assertion)).status).toBe(401);
    expect((await postToken(e, 'not-a-jwt')).status).toBe(400);
  });
});

describe('simulated GovWay checks, in order', () => {
  it('accepts a well-formed call and tags every answer with GovWay-Transaction-ID', async () => {
    const e = await setup();
    const r = await call(e);
    expect(r.status).toBe(200);
    expect(r.headers.get('govway-transaction-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.listaSoggetti.datiSoggetto[0].identificativi.idANPR).toBe('AB12345CV');
  });

  it('accepts the en dash form of C001', async () => {
    const e = await setup();
    const r = await call(e, { pathSegment: 'C001\u2013servizioNotifica' });
    expect(r.status).toBe(200);
    const other = await call(e, { code: 'C030', pathSegment: 'C030\u2013servizioAccertamentoIdUnicoNazionale', body: richiesta('C030', { codiceFiscale: 'RSSMRA80A01H501U' }) });
    expect(other.status).toBe(404);
  });

  it('voucher: missing → 401, revoked → 401, issued for another e-service → 400', async () => {
    const e = await setup();
    expectGovWay(await call(e, { omit: ['authorization'] }), 401, 'AuthenticationRequired');
    const c030 = await tokens(e, 'C030');
    expectGovWay(await call(e, { tokens: c030 }), 400, 'InteroperabilityInvalidRequest');
    const t = await tokens(e, 'C001');
    e.sim.revokeIssuedVouchers();
    expectGovWay(await call(e, { tokens: t }), 401, 'TokenAuthenticationFailed');
  });

  it('voucher: expired → 401', async () => {
    let clock = Date.now();
    const e = await setup({ now: () => clock });
    const t = await tokens(e, 'C001');
    clock += 601_000;
    expectGovWay(await call(e, { tokens: t }), 401, 'TokenAuthenticationFailed');
  });

  it('Digest: a tampered body is refused', async () => {
    const e = await setup();
    const body = Buffer.from(JSON.stringify(richiesta('C001', { idANPR: 'AB12345CV' })));
    const digest = `SHA-256=${sha256(body).digest('base64')}`;
    const tampered = Buffer.from(body.toString('utf8').replace('AB12345CV', 'EF67890GM'));
    const r = await call(e, { rawBody: tampered, digest });
    expectGovWay(r, 400, 'InteroperabilityInvalidRequest');
    expect(r.json.detail).toMatch(/Digest/);
    expectGovWay(await call(e, { omit: ['digest'] }), 400, 'InteroperabilityInvalidRequest');
  });

  it('Agid-JWT-Signature: wrong audience, -PDND audience, digest not signed, non-integer iat, missing', async () => {
    const e = await setup();
    const pdndAud = `${e.server.baseUrl}/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1`;
    for (const signature of [
      { aud: 'https://elsewhere.example/v1' },
      { aud: pdndAud },
      { aud: `${pdndAud}/anpr-service-e002` },
      { signed_headers: [{ 'content-type': 'application/json' }] },
      { signed_headers: [{ digest: 'SHA-256=AAAA' }, { 'content-type': 'application/json' }] },
      { iat: nowSec() + 0.5 },
    ]) {
      const r = await call(e, { signature });
      expect({ signature, status: r.status, title: r.json?.title }).toEqual({ signature, status: 400, title: 'InteroperabilityInvalidRequest' });
    }
    expectGovWay(await call(e, { omit: ['agid-jwt-signature'] }), 400, 'InteroperabilityInvalidRequest');
  });

  it('tracking evidence: must be the one the voucher digest binds, with userID/userLocation/LoA', async () => {
    const e = await setup();
    const a = await tokens(e, 'C001');
    const b = await tokens(e, 'C001');
    const swapped = await call(e, { tokens: { voucher: a.voucher, te: b.te } });
    expectGovWay(swapped, 400, 'InteroperabilityInvalidRequest');
    expect(swapped.json.detail).toMatch(/digest/);
    const noLoA = await tokens(e, 'C001', { LoA: undefined });
    expectGovWay(await call(e, { tokens: noLoA }), 400, 'InteroperabilityInvalidRequest');
    expectGovWay(await call(e, { omit: ['agid-jwt-trackingevidence'] }), 400, 'InteroperabilityInvalidRequest');
  });

  it('tracking evidence digest is compared case-insensitively (PN sends upper-case hex)', async () => {
    const e = await setup();
    const te = await jws(e.key, 'kid-A', {
      iss: 'client-A', aud: `${e.client.settings.audienceBaseUrl}/C001-servizioNotifica/v1`, purposeId: e.client.client.purposes.C001,
      userID: 'OP1', userLocation: 'WS1', LoA: 'LoA3', jti: randomUUID(), iat: nowSec(), exp: nowSec() + 600,
    });
    const assertion = await jws(e.key, 'kid-A', {
      iss: 'client-A', sub: 'client-A', aud: e.client.settings.clientAssertionAudience, purposeId: e.client.client.purposes.C001,
      jti: randomUUID(), iat: nowSec(), exp: nowSec() + 60, digest: { alg: 'SHA256', value: sha256(te).digest('hex').toUpperCase() },
    });
    const voucher = ((await (await postToken(e, assertion)).json()) as { access_token: string }).access_token;
    expect((await call(e, { tokens: { te, voucher } })).status).toBe(200);
  });

  it('body: not JSON, missing required fields, or casoUso for another service → InvalidRequestContent', async () => {
    const e = await setup();
    expectGovWay(await call(e, { rawBody: Buffer.from('{"idOperazioneClient":') }), 400, 'InvalidRequestContent');
    expectGovWay(await call(e, { body: { idOperazioneClient: '1' } }), 400, 'InvalidRequestContent');
    const noMotivo = richiesta('C001', { idANPR: 'AB12345CV' });
    delete (noMotivo.datiRichiesta as Partial<typeof noMotivo.datiRichiesta>).motivoRichiesta;
    expectGovWay(await call(e, { body: noMotivo }), 400, 'InvalidRequestContent');
    const r = await call(e, { body: richiesta('C030', { idANPR: 'AB12345CV' }) });
    expectGovWay(r, 400, 'InvalidRequestContent');
    expect(r.json.detail).toMatch(/casoUso/);
    expectGovWay(await call(e, { code: 'C021', body: { ...richiesta('C021', {}), criteriRicerca: undefined } }), 400, 'InvalidRequestContent');
  });
});

describe('simulated ANPR answers', () => {
  it('C030 by codice fiscale: identificativi only, EN148 warning', async () => {
    const e = await setup();
    const r = await call(e, { code: 'C030', body: richiesta('C030', { codiceFiscale: 'RSSMRA80A01H501U' }) });
    expect(r.status).toBe(200);
    expect(r.json.listaSoggetti.datiSoggetto).toEqual([{ identificativi: { idANPR: 'AB12345CV' } }]);
    expect(r.json.listaAnomalie).toEqual([expect.objectContaining({ codiceErroreAnomalia: 'EN148', tipoErroreAnomalia: 'W' })]);
  });

  it('C021: one datiSoggetto per member with legameSoggetto; datiDecesso for the deceased', async () => {
    const e = await setup();
    const r = await call(e, { code: 'C021', body: richiesta('C021', { idANPR: 'LM24680NZ' }) });
    const list = r.json.listaSoggetti.datiSoggetto;
    expect(list.map((s: any) => [s.identificativi.idANPR, s.legameSoggetto.codiceLegame, s.legameSoggetto.tipoLegame])).toEqual([
      ['AB12345CV', '1', '3'],
      ['EF67890GM', '2', '3'],
      ['LM24680NZ', '3', '3'],
    ]);
    expect(list[1].generalita).toMatchObject({ cognome: 'BIANCHI', nome: 'ANNA', codiceFiscale: { codFiscale: 'BNCNNA82B41F205V' } });
    expect(r.json.listaAnomalie).toBeUndefined();
    const dead = await call(e, { code: 'C021', body: richiesta('C021', { idANPR: 'UV97531WN' }) });
    expect(dead.json.listaSoggetti.datiSoggetto[0].datiDecesso).toEqual({ dataEvento: '2020-11-03', luogoEvento: { localita: { codiceStato: '602', descrizioneStato: 'ARGENTINA' } } });
  });

  it('404 EN122 RispostaKO when nobody matches; EN132 without criteria; EN131 for C021 homonyms', async () => {
    const e = await setup();
    const nf = await call(e, { body: richiesta('C001', { idANPR: 'OR69233LN' }) });
    expect(nf.status).toBe(404);
    expect(nf.json).toEqual({ idOperazioneANPR: expect.stringMatching(/^\d+$/), listaErrori: [expect.objectContaining({ codiceErroreAnomalia: 'EN122', tipoErroreAnomalia: 'E' })] });
    // Like ANPR, the simulator searches whatever it is sent: only the connectors validate criteria.
    for (const criteria of [{ codiceFiscale: 'RSSMRA80A01H501V' }, { idANPR: 'AB12345CD' }]) {
      const odd = await call(e, { body: richiesta('C001', criteria) });
      expect(odd.status).toBe(404);
      expect(odd.json.listaErrori[0].codiceErroreAnomalia).toBe('EN122');
    }
    const none = await call(e, { body: richiesta('C001', {}) });
    expect(none.status).toBe(400);
    expect(none.json.listaErrori[0].codiceErroreAnomalia).toBe('EN132');
    const homonyms = await call(e, { code: 'C021', body: richiesta('C021', { cognome: 'ROSSI', nome: 'LUCA' }) });
    expect(homonyms.status).toBe(400);
    expect(homonyms.json.listaErrori[0].codiceErroreAnomalia).toBe('EN131');
  });

  it('honours dataRiferimentoRichiesta and returns increasing idOperazioneANPR', async () => {
    const e = await setup();
    const a = await call(e, { body: { ...richiesta('C001', { idANPR: 'AB12345CV' }), datiRichiesta: { dataRiferimentoRichiesta: '2011-05-05', motivoRichiesta: 'm', casoUso: 'C001' } } });
    const b = await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }) });
    expect(e.registry.queries.map((q) => q.asOf)).toEqual(['2011-05-05', '2025-01-15']);
    expect(Number(b.json.idOperazioneANPR)).toBeGreaterThan(Number(a.json.idOperazioneANPR));
  });

  it('replays the earlier answer for a known idOperazioneClient', async () => {
    const e = await setup();
    const first = await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }, { idOperazioneClient: '42' }) });
    const again = await call(e, { body: richiesta('C001', { idANPR: 'EF67890GM' }, { idOperazioneClient: '42' }) });
    expect(again.json).toEqual(first.json);
    const notFound = await call(e, { body: richiesta('C001', { idANPR: 'OR69233LN' }, { idOperazioneClient: '43' }) });
    const notFoundAgain = await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }, { idOperazioneClient: '43' }) });
    expect(notFoundAgain.status).toBe(404);
    expect(notFoundAgain.json).toEqual(notFound.json);
  });

  it('C001: an unknown idOperazioneClient not above the last one of the client → RispostaKO SIM002 naming it; the floor does not move', async () => {
    const e = await setup();
    expect((await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }, { idOperazioneClient: '500' }) })).status).toBe(200);
    for (const id of ['499', '17']) {
      const r = await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }, { idOperazioneClient: id }) });
      expect(r.status).toBe(400);
      expect(r.json.listaErrori).toEqual([
        {
          codiceErroreAnomalia: 'SIM002',
          tipoErroreAnomalia: 'E',
          testoErroreAnomalia: `identificativo operazione ${id} non crescente: inferiore o uguale all'ultimo inviato dallo stesso mittente (500)`,
          campoErroreAnomalia: 'idOperazioneClient',
        },
      ]);
    }
    expect((await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }, { idOperazioneClient: '501' }) })).status).toBe(200);
    const letters = await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }, { idOperazioneClient: 'A502' }) });
    expect([letters.status, letters.json.listaErrori[0].codiceErroreAnomalia, letters.json.listaErrori[0].campoErroreAnomalia]).toEqual([400, 'EN132', 'idOperazioneClient']);
  });

  it('C021/C030 ask only for an alphanumeric idOperazioneClient: no order is enforced', async () => {
    const e = await setup();
    expect((await call(e, { code: 'C030', body: richiesta('C030', { cognome: 'ROSSI', nome: 'LUCA' }, { idOperazioneClient: '900' }) })).status).toBe(200);
    expect((await call(e, { code: 'C030', body: richiesta('C030', { cognome: 'ROSSI', nome: 'LUCA' }, { idOperazioneClient: '5' }) })).status).toBe(200);
    expect((await call(e, { code: 'C030', body: richiesta('C030', { cognome: 'ROSSI', nome: 'LUCA' }, { idOperazioneClient: 'WS1T20250115' }) })).status).toBe(200);
  });

  it('answers 429 with Retry-After once the daily quota is used up', async () => {
    const e = await setup({ dailyQuota: 1 });
    expect((await call(e)).status).toBe(200);
    const r = await call(e);
    expectGovWay(r, 429, 'TooManyRequests');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('fault injection: malformed JSON', async () => {
    const e = await setup();
    const t = await tokens(e, 'C001');
    e.fault.next = 'malformed';
    const r = await call(e, { tokens: t });
    expect(r.status).toBe(200);
    expect(r.json).toBeUndefined();
    expect(r.headers.get('govway-transaction-id')).toBeTruthy();
  });

  itWithShared('anpr', 'pdnd')('answers match the official RispostaE002OK / RispostaKO schemas', async (dir) => {
    const specs = loadSharedPdndSpecs(dir);
    const e = await setup();
    const answers: Array<[string, { status: number; json: unknown }]> = [
      ['C001', await call(e, { body: richiesta('C001', { idANPR: 'AB12345CV' }) })],
      ['C001', await call(e, { body: richiesta('C001', { codiceFiscale: 'VRDGPP40E10Z600P' }) })],
      ['C021', await call(e, { code: 'C021', body: richiesta('C021', { idANPR: 'AB12345CV' }) })],
      ['C021', await call(e, { code: 'C021', body: richiesta('C021', { idANPR: 'UV97531WN' }) })],
      ['C030', await call(e, { code: 'C030', body: richiesta('C030', { cognome: 'ROSSI', nome: 'LUCA' }) })],
      ['C001', await call(e, { body: richiesta('C001', { idANPR: 'OR69233LN' }) })],
    ];
    for (const [code, r] of answers) {
      const schema = r.status === 200 ? 'RispostaE002OK' : 'RispostaKO';
      expect({ code, errors: validate(specs.get(code)!, schema, r.json) }).toEqual({ code, errors: [] });
    }
  });
});
