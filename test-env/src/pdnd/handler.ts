/**
 * The simulated PDND authorisation server and the ANPR C0xx e-services behind a simulated GovWay.
 *
 * Routes (mount the handler at the root of a server; see `isPdndSimulatorPath` for routing):
 *   POST /token.oauth2                 client assertion → RS256 `at+jwt` voucher (600 s)
 *   GET  /.well-known/jwks.json        the voucher signing key
 *   POST /govway/rest/in/MinInternoPortaANPR-PDND/<code>-<nome>/v1/anpr-service-e002
 *
 * An e-service request is checked in GovWay's order (REFERENCE.md §6): voucher, Digest,
 * Agid-JWT-Signature, tracking evidence, body; the first failure answers problem+json. Then the
 * quota, the idOperazioneClient replay store and finally the business answer from the registry.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt, decodeProtectedHeader, exportJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { italianDay, secondsToItalianMidnight } from '#libs/clock';
import type { NormalisedPerson, PersonCriterion, PersonQuery } from '#libs/anpr';
import type { SimulatedRegistry } from '../simulated-registry.js';
import { renderFamily, renderIdSubject, renderResidenceSubject } from './render.js';
import { readRequestBody, RequestTooLargeError } from '../http-body.js';
import { SIMULATOR_ERRORS } from '../soap/request.js';

/** The e-services the simulator serves, all with the E002 model. */
export const SIMULATED_ESERVICES: Record<string, string> = {
  C001: 'servizioNotifica',
  C020: 'servizioAccertamentoResidenza',
  C021: 'servizioAccertamentoStatoFamiglia',
  C030: 'servizioAccertamentoIdUnicoNazionale',
};

/** E-services whose idOperazioneClient must be numeric and increasing (their OpenAPI says so). */
const INCREASING_ID_ESERVICES = new Set(['C001']);

export const PDND_SIM_TOKEN_PATH = '/token.oauth2';
export const PDND_SIM_JWKS_PATH = '/.well-known/jwks.json';
export const PDND_SIM_GOVWAY_PREFIX = '/govway/rest/in/MinInternoPortaANPR-PDND/';
/** PDND collaudo's client-assertion audience, used by default so settings look like the real ones. */
export const PDND_SIM_CLIENT_ASSERTION_AUDIENCE = 'auth.uat.interop.pagopa.it/client-assertion';
export const PDND_SIM_DEFAULT_ISSUER = 'uat.interop.pagopa.it';

export const isPdndSimulatorPath = (pathname: string): boolean =>
  pathname === PDND_SIM_TOKEN_PATH || pathname === PDND_SIM_JWKS_PATH || pathname.startsWith(PDND_SIM_GOVWAY_PREFIX);

export interface PdndSimulatorClient {
  clientId: string;
  kid: string;
  publicKeyPem: string;
  /** purposeId per e-service code. */
  purposes: Record<string, string>;
  consumerId?: string;
}

export interface PdndSimulatorOptions {
  registry: SimulatedRegistry;
  clients: PdndSimulatorClient[];
  /** E-service calls per client per (Rome) day before 429. Unlimited when absent. */
  dailyQuota?: number;
  /** Voucher `iss`. */
  issuer?: string;
  clientAssertionAudience?: string;
  /**
   * Base of the e-service audiences (`…/MinInternoPortaANPR`, no `-PDND`). Default: derived from
   * the request's Host, `http://<host>/govway/rest/in/MinInternoPortaANPR`.
   */
  audienceBaseUrl?: string;
  voucherTtlSeconds?: number;
  /** Clock in ms. */
  now?: () => number;
  /** Voucher signing key; generated when absent. */
  signingKey?: { privateKeyPem: string; kid: string };
  /** First idOperazioneANPR handed out. */
  firstOperationId?: number;
}

export interface PdndSimulatorStats {
  tokenRequests: number;
  serviceRequests: number;
}

export type PdndSimulatorHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & {
  readonly stats: PdndSimulatorStats;
  /** Makes every voucher issued so far unacceptable (answers 401), as after a revocation. */
  revokeIssuedVouchers(): void;
  /** The JWKS served at /.well-known/jwks.json. */
  jwks(): Promise<{ keys: JWK[] }>;
};

/** Per-request fault injection, set by the launcher on the request object as `simFault`. */
export type PdndSimFault = 'malformed' | '500' | '503' | '429' | 'reset';

class Reject extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

const sha256 = (data: string | Uint8Array): Buffer => createHash('sha256').update(data).digest();
const normDash = (s: string): string => s.replace(/\u2013/g, '-');

async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<Buffer> {
  try {
    return await readRequestBody(req, limit);
  } catch (e) {
    if (e instanceof RequestTooLargeError) throw new Reject(413, 'RequestTooLarge', 'Body too large');
    throw e;
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

interface StoredAnswer {
  status: number;
  body: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function createPdndSimulatorHandler(opts: PdndSimulatorOptions): PdndSimulatorHandler {
  const now = opts.now ?? Date.now;
  const issuer = opts.issuer ?? PDND_SIM_DEFAULT_ISSUER;
  const assertionAudience = opts.clientAssertionAudience ?? PDND_SIM_CLIENT_ASSERTION_AUDIENCE;
  const voucherTtl = opts.voucherTtlSeconds ?? 600;

  let signingKey: KeyObject;
  let signingPublic: KeyObject;
  let signingKid: string;
  if (opts.signingKey) {
    signingKey = createPrivateKey(opts.signingKey.privateKeyPem);
    signingPublic = createPublicKey(signingKey);
    signingKid = opts.signingKey.kid;
  } else {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    signingKey = pair.privateKey;
    signingPublic = pair.publicKey;
    signingKid = `sim-pdnd-${randomUUID()}`;
  }

  const clients = new Map<string, { client: PdndSimulatorClient; key: KeyObject }>();
  for (const c of opts.clients) clients.set(c.clientId, { client: c, key: createPublicKey(c.publicKeyPem) });

  const stats: PdndSimulatorStats = { tokenRequests: 0, serviceRequests: 0 };
  const issuedJti = new Set<string>();
  const revokedJti = new Set<string>();
  const replay = new Map<string, StoredAnswer>();
  /** Highest C001 idOperazioneClient answered, per PDND client. */
  const highestId = new Map<string, bigint>();
  const quota = new Map<string, number>();
  let nextOperationId = opts.firstOperationId ?? 4_000_000;

  const nowSec = (): number => Math.floor(now() / 1000);
  const audienceBase = (req: IncomingMessage): string =>
    (opts.audienceBaseUrl ?? `http://${header(req, 'host') ?? 'localhost'}/govway/rest/in/MinInternoPortaANPR`).replace(/\/+$/, '');
  const audienceOf = (req: IncomingMessage, code: string): string => `${audienceBase(req)}/${code}-${SIMULATED_ESERVICES[code]}/v1`;

  const send = (res: ServerResponse, status: number, body: unknown, contentType = 'application/json', extra: Record<string, string> = {}): void => {
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(payload), ...extra });
    res.end(payload);
  };

  const problem = (res: ServerResponse, txId: string, r: Reject): void =>
    send(
      res,
      r.status,
      {
        type: `https://govway.org/handling-errors/${r.status}/${r.title}.html`,
        title: r.title,
        status: r.status,
        detail: r.detail,
        govway_id: txId,
      },
      'application/problem+json',
      r.headers,
    );

  // ---------------------------------------------------------------- token endpoint

  async function issueVoucher(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.tokenRequests += 1;
    const fail = (status: number, title: string, detail: string): void =>
      send(res, status, { type: 'about:blank', title, status, detail }, 'application/problem+json');
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return fail(400, 'Bad Request', 'The token request must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'Bad Request', 'grant_type must be client_credentials');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return fail(400, 'Bad Request', 'Unsupported client_assertion_type');
    }
    const assertion = form.get('client_assertion');
    if (!assertion) return fail(400, 'Bad Request', 'client_assertion is missing');

    let claims: JWTPayload;
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(assertion).kid;
      claims = decodeJwt(assertion);
    } catch {
      return fail(400, 'Bad Request', 'client_assertion is not a JWT');
    }
    const entry = isStr(claims.sub) ? clients.get(claims.sub) : undefined;
    if (!entry) return fail(401, 'Unauthorized', 'Unknown client');
    const { client, key } = entry;
    const formClientId = form.get('client_id');
    if (formClientId && formClientId !== client.clientId) return fail(401, 'Unauthorized', 'client_id does not match the assertion');
    if (kid !== client.kid) return fail(401, 'Unauthorized', 'Unknown kid for this client');
    try {
      const verified = await jwtVerify(assertion, key, {
        algorithms: ['RS256'],
        issuer: client.clientId,
        subject: client.clientId,
        audience: assertionAudience,
        currentDate: new Date(now()),
        requiredClaims: ['jti', 'iat', 'exp'],
      });
      claims = verified.payload;
    } catch (err) {
      return fail(401, 'Unauthorized', `Client assertion rejected: ${(err as Error).message}`);
    }
    const allowed = new Set(['iss', 'sub', 'aud', 'jti', 'iat', 'exp', 'purposeId', 'digest']);
    const extra = Object.keys(claims).filter((k) => !allowed.has(k));
    if (extra.length > 0) return fail(400, 'Bad Request', `Claims not allowed in a client assertion: ${extra.join(', ')}`);
    if (!Number.isInteger(claims.iat) || !Number.isInteger(claims.exp)) return fail(400, 'Bad Request', 'iat and exp must be integers');
    const purposeId = claims.purposeId;
    const code = Object.entries(client.purposes).find(([, p]) => p === purposeId)?.[0];
    if (!isStr(purposeId) || !code || !SIMULATED_ESERVICES[code]) return fail(400, 'Bad Request', 'Unknown purposeId for this client');
    const digest = claims.digest;
    if (digest !== undefined) {
      if (!isObj(digest) || digest.alg !== 'SHA256' || !isStr(digest.value) || !/^[0-9a-fA-F]{64}$/.test(digest.value)) {
        return fail(400, 'Bad Request', 'digest must be {alg: "SHA256", value: <64 hex>}');
      }
    }
    const iat = nowSec();
    const jti = randomUUID();
    const voucher = await new SignJWT({
      client_id: client.clientId,
      purposeId,
      producerId: 'sim-producer-ministero-interno',
      consumerId: client.consumerId ?? `sim-consumer-${client.clientId}`,
      eserviceId: `sim-eservice-${code}`,
      descriptorId: `sim-descriptor-${code}-v1`,
      ...(digest !== undefined ? { digest } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: signingKid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(audienceOf(req, code))
      .setSubject(client.clientId)
      .setJti(jti)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + voucherTtl)
      .sign(signingKey);
    issuedJti.add(jti);
    send(res, 200, { access_token: voucher, token_type: 'Bearer', expires_in: voucherTtl });
  }

  // ---------------------------------------------------------------- GovWay checks

  async function checkVoucher(req: IncomingMessage, code: string): Promise<{ client: PdndSimulatorClient; key: KeyObject; voucher: JWTPayload }> {
    const auth = header(req, 'authorization');
    const token = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new Reject(401, 'AuthenticationRequired', 'A Bearer voucher is required');
    let voucher: JWTPayload;
    try {
      const verified = await jwtVerify(token, signingPublic, {
        algorithms: ['RS256'],
        typ: 'at+jwt',
        issuer,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'jti', 'purposeId'],
      });
      voucher = verified.payload;
    } catch (err) {
      throw new Reject(401, 'TokenAuthenticationFailed', `Voucher not valid: ${(err as Error).message}`);
    }
    if (revokedJti.has(voucher.jti!)) throw new Reject(401, 'TokenAuthenticationFailed', 'Voucher revoked');
    const aud = Array.isArray(voucher.aud) ? voucher.aud : [voucher.aud];
    if (!aud.some((a) => isStr(a) && normDash(a) === normDash(audienceOf(req, code)))) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', 'Voucher audience does not match the e-service');
    }
    const entry = isStr(voucher.sub) ? clients.get(voucher.sub) : undefined;
    if (!entry || entry.client.purposes[code] !== voucher.purposeId) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', 'Voucher purposeId is not a purpose for this e-service');
    }
    return { ...entry, voucher };
  }

  function checkDigest(req: IncomingMessage, body: Buffer): string {
    const digest = header(req, 'digest');
    if (!digest) throw new Reject(400, 'InteroperabilityInvalidRequest', 'Digest header missing');
    const m = digest.match(/^SHA-256=(.+)$/);
    if (!m || m[1] !== sha256(body).toString('base64')) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', 'Digest does not match the body');
    }
    return digest;
  }

  async function checkJws(token: string | undefined, what: string, key: KeyObject, kid: string, aud: string): Promise<JWTPayload> {
    if (!token) throw new Reject(400, 'InteroperabilityInvalidRequest', `${what} header missing`);
    let payload: JWTPayload;
    try {
      if (decodeProtectedHeader(token).kid !== kid) throw new Error('unknown kid');
      // Audience compared by hand so the C001 en dash variant is accepted too.
      payload = (await jwtVerify(token, key, { algorithms: ['RS256'], currentDate: new Date(now()), requiredClaims: ['iat', 'exp', 'aud'] })).payload;
    } catch (err) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', `${what} not valid: ${(err as Error).message}`);
    }
    const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!auds.some((a) => isStr(a) && normDash(a) === normDash(aud))) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', `${what}: audience must be ${aud}`);
    }
    if (!Number.isInteger(payload.iat) || !Number.isInteger(payload.exp)) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', `${what}: iat and exp must be integers`);
    }
    return payload;
  }

  async function checkSignatureHeader(req: IncomingMessage, client: PdndSimulatorClient, key: KeyObject, aud: string, digest: string): Promise<void> {
    const payload = await checkJws(header(req, 'agid-jwt-signature'), 'Agid-JWT-Signature', key, client.kid, aud);
    const signed = Array.isArray(payload.signed_headers) ? (payload.signed_headers as unknown[]) : [];
    const valueOf = (name: string): unknown => signed.find((h) => isObj(h) && name in h) as Record<string, unknown> | undefined;
    const d = valueOf('digest') as Record<string, unknown> | undefined;
    if (!d || d.digest !== digest) throw new Reject(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-Signature: signed digest differs from the Digest header');
    const ct = valueOf('content-type') as Record<string, unknown> | undefined;
    const actual = header(req, 'content-type') ?? '';
    if (!ct || !isStr(ct['content-type']) || ct['content-type'].toLowerCase() !== actual.toLowerCase()) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-Signature: signed content-type differs from the Content-Type header');
    }
  }

  async function checkTrackingEvidence(req: IncomingMessage, client: PdndSimulatorClient, key: KeyObject, aud: string, voucher: JWTPayload): Promise<void> {
    const te = header(req, 'agid-jwt-trackingevidence');
    const bound = isObj(voucher.digest) && isStr(voucher.digest.value) ? voucher.digest.value : undefined;
    if (!te) throw new Reject(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-TrackingEvidence header missing');
    if (!bound || sha256(te).toString('hex') !== bound.toLowerCase()) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-TrackingEvidence does not match the voucher digest');
    }
    const payload = await checkJws(te, 'Agid-JWT-TrackingEvidence', key, client.kid, aud);
    for (const claim of ['userID', 'userLocation', 'LoA'] as const) {
      if (!isStr(payload[claim]) || payload[claim] === '') {
        throw new Reject(400, 'InteroperabilityInvalidRequest', `Agid-JWT-TrackingEvidence: claim ${claim} missing`);
      }
    }
    if (payload.iss !== client.clientId || payload.purposeId !== voucher.purposeId) {
      throw new Reject(400, 'InteroperabilityInvalidRequest', 'Agid-JWT-TrackingEvidence: iss/purposeId do not match the voucher');
    }
  }

  function checkBody(body: Buffer, code: string): { idOperazioneClient: string; criteri: Record<string, unknown>; dati: Record<string, string> } {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Reject(400, 'InvalidRequestContent', 'Request body is not JSON');
    }
    const bad = (detail: string): Reject => new Reject(400, 'InvalidRequestContent', detail);
    if (!isObj(json)) throw bad('Request body must be a RichiestaE002 object');
    if (!isStr(json.idOperazioneClient) || json.idOperazioneClient === '') throw bad('idOperazioneClient is required (string)');
    if (!isObj(json.datiRichiesta)) throw bad('datiRichiesta is required');
    const dati = json.datiRichiesta;
    for (const f of ['dataRiferimentoRichiesta', 'motivoRichiesta', 'casoUso']) {
      if (!isStr(dati[f])) throw bad(`datiRichiesta.${f} is required (string)`);
    }
    if (dati.casoUso !== code) throw bad(`datiRichiesta.casoUso must be ${code}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dati.dataRiferimentoRichiesta as string)) throw bad('datiRichiesta.dataRiferimentoRichiesta must be YYYY-MM-DD');
    if (json.criteriRicerca !== undefined && !isObj(json.criteriRicerca)) throw bad('criteriRicerca must be an object');
    if ((code === 'C021' || code === 'C030') && json.criteriRicerca === undefined) throw bad('criteriRicerca is required');
    const criteri = (json.criteriRicerca ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(criteri)) {
      if (k !== 'datiNascita' && !isStr(v)) throw bad(`criteriRicerca.${k} must be a string`);
    }
    return { idOperazioneClient: json.idOperazioneClient, criteri, dati: dati as Record<string, string> };
  }

  // ---------------------------------------------------------------- business

  const ko = (status: number, codice: string, testo: string, campo?: string): StoredAnswer => ({
    status,
    body: {
      idOperazioneANPR: String(nextOperationId++),
      listaErrori: [{ codiceErroreAnomalia: codice, tipoErroreAnomalia: 'E', testoErroreAnomalia: testo, ...(campo ? { campoErroreAnomalia: campo } : {}) }],
    },
  });

  /**
   * C001's idOperazioneClient "Deve essere numerico e crescente … se non esiste ed e' inferiore
   * all'ultimo inviato, l'elaborazione termina con errore" (C001 OpenAPI). The sender is the PDND
   * client (the body, not the Comune, owns the sequence). C021/C030 ask only for an alphanumeric id.
   * ANPR publishes no code for this refusal: SIM002, as on the SOAP side.
   */
  function checkIncreasingId(clientId: string, code: string, id: string): StoredAnswer | undefined {
    if (!INCREASING_ID_ESERVICES.has(code)) return undefined;
    if (!/^\d{1,30}$/.test(id)) return ko(400, 'EN132', 'idOperazioneClient deve essere numerico', 'idOperazioneClient');
    const last = highestId.get(clientId);
    if (last === undefined || BigInt(id) > last) return undefined;
    return ko(
      400,
      SIMULATOR_ERRORS.operationIdNotIncreasing.code,
      SIMULATOR_ERRORS.operationIdNotIncreasing.text(id, last.toString()),
      'idOperazioneClient',
    );
  }

  function answer(code: string, criteri: Record<string, unknown>, dati: Record<string, string>): StoredAnswer {
    let criterion: PersonCriterion;
    const warnings: Array<Record<string, string>> = [];
    const str = (k: string): string | undefined => (isStr(criteri[k]) && (criteri[k] as string).trim() !== '' ? (criteri[k] as string) : undefined);
    const idANPR = code === 'C030' ? undefined : str('idANPR');
    const nascita = isObj(criteri.datiNascita) ? criteri.datiNascita : undefined;
    const luogo = isObj(nascita?.luogoNascita) ? nascita.luogoNascita : undefined;
    if (idANPR) {
      criterion = { kind: 'idANPR', idANPR };
    } else if (str('codiceFiscale')) {
      criterion = { kind: 'codiceFiscale', codiceFiscale: str('codiceFiscale')! };
      warnings.push({
        codiceErroreAnomalia: 'EN148',
        tipoErroreAnomalia: 'W',
        testoErroreAnomalia: "Ricerca per codice fiscale: dal 18/04/2024 la consultazione va effettuata tramite l'identificativo unico nazionale (idANPR)",
      });
    } else if (str('cognome') && str('nome')) {
      const comune = isObj(luogo?.comune) && isStr(luogo.comune.codiceIstat) ? luogo.comune.codiceIstat : undefined;
      const stato = isObj(luogo?.localita) && isStr(luogo.localita.codiceStato) ? luogo.localita.codiceStato : undefined;
      criterion = {
        kind: 'generalita',
        cognome: str('cognome')!,
        nome: str('nome')!,
        ...(isStr(nascita?.dataEvento) ? { dataNascita: nascita.dataEvento } : {}),
        ...(comune || stato ? { luogoNascita: { ...(comune ? { codiceIstatComune: comune } : {}), ...(stato ? { codiceStato: stato } : {}) } } : {}),
      };
    } else {
      return ko(400, 'EN132', 'Campi obbligatori non valorizzati', 'criteriRicerca');
    }

    const asOf = dati.dataRiferimentoRichiesta;
    const query: PersonQuery = {
      criterion,
      sections: ['generalita', 'residenza', 'famiglia', 'decesso'],
      asOf,
      motivoRichiesta: dati.motivoRichiesta ?? '',
    };
    const found = opts.registry.search(query);
    if (found.length === 0) return ko(404, 'EN122', 'Soggetto non registrato in ANPR');
    const unique = criterion.kind !== 'generalita' || code === 'C021';
    if (found.length > 1 && unique) return ko(400, 'EN131', "Piu' soggetti trovati");
    if (found.length > 50) return ko(400, 'EN175', "Esistono piu' di 50 soggetti con le stesse generalita'");

    let soggetti: unknown[];
    if (code === 'C030') soggetti = found.map(renderIdSubject);
    else if (code === 'C021') {
      const lookup = (m: { idANPR?: string; codiceFiscale: string }): NormalisedPerson | undefined => {
        const c: PersonCriterion = m.idANPR ? { kind: 'idANPR', idANPR: m.idANPR } : { kind: 'codiceFiscale', codiceFiscale: m.codiceFiscale };
        return opts.registry.search({ ...query, criterion: c })[0];
      };
      soggetti = renderFamily(found[0]!, lookup);
    } else soggetti = found.map(renderResidenceSubject);

    return {
      status: 200,
      body: {
        idOperazioneANPR: String(nextOperationId++),
        listaSoggetti: { datiSoggetto: soggetti },
        ...(warnings.length > 0 ? { listaAnomalie: warnings } : {}),
      },
    };
  }

  async function serveEservice(req: IncomingMessage, res: ServerResponse, txId: string, pathname: string): Promise<void> {
    stats.serviceRequests += 1;
    const m = pathname.slice(PDND_SIM_GOVWAY_PREFIX.length).match(/^(C\d{3})([-\u2013])([A-Za-z]+)\/v1\/anpr-service-e002$/);
    const code = m?.[1];
    if (!m || !code || SIMULATED_ESERVICES[code] !== m[3] || (m[2] === '\u2013' && code !== 'C001')) {
      throw new Reject(404, 'UnknownResource', `No e-service at ${pathname}`);
    }
    if (req.method !== 'POST') throw new Reject(405, 'MethodNotAllowed', 'Only POST');

    const fault = (req as unknown as { simFault?: PdndSimFault }).simFault;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'malformed') return send(res, 200, '{"idOperazioneANPR": "1", "listaSoggetti": {"datiSoggetto": [');
    if (fault === '500') return send(res, 500, ko(500, 'EN999', 'Errore interno simulato').body, 'application/problem+json');
    if (fault === '503') throw new Reject(503, 'APIUnavailable', 'Simulated outage');
    if (fault === '429') throw new Reject(429, 'TooManyRequests', 'Simulated rate limit', { 'retry-after': '30' });

    const body = await readBody(req);
    const { client, key, voucher } = await checkVoucher(req, code);
    const aud = audienceOf(req, code);
    const digest = checkDigest(req, body);
    await checkSignatureHeader(req, client, key, aud, digest);
    await checkTrackingEvidence(req, client, key, aud, voucher);
    const { idOperazioneClient, criteri, dati } = checkBody(body, code);

    // ANPR returns the earlier answer for a known idOperazioneClient, whatever the new body says.
    const replayKey = JSON.stringify([client.clientId, code, idOperazioneClient]);
    const earlier = replay.get(replayKey);
    if (earlier) return send(res, earlier.status, earlier.body, earlier.status === 200 ? 'application/json' : 'application/problem+json');
    const refusal = checkIncreasingId(client.clientId, code, idOperazioneClient);
    if (refusal) return send(res, refusal.status, refusal.body, 'application/problem+json');

    if (opts.dailyQuota !== undefined) {
      const quotaKey = `${client.clientId}|${italianDay(new Date(now()))}`;
      const used = quota.get(quotaKey) ?? 0;
      if (used >= opts.dailyQuota) {
        throw new Reject(429, 'TooManyRequests', `Daily quota of ${opts.dailyQuota} calls exceeded`, {
          'retry-after': String(secondsToItalianMidnight(new Date(now()))),
        });
      }
      quota.set(quotaKey, used + 1);
    }

    const out = answer(code, criteri, dati);
    replay.set(replayKey, out);
    if (INCREASING_ID_ESERVICES.has(code)) highestId.set(client.clientId, BigInt(idOperazioneClient));
    send(res, out.status, out.body, out.status === 200 ? 'application/json' : 'application/problem+json');
  }

  async function jwks(): Promise<{ keys: JWK[] }> {
    const jwk = await exportJWK(signingPublic);
    return { keys: [{ ...jwk, kid: signingKid, alg: 'RS256', use: 'sig' }] };
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const txId = randomUUID();
    res.setHeader('GovWay-Transaction-ID', txId);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://simulator').pathname);
    } catch {
      pathname = req.url ?? '/';
    }
    try {
      if (pathname === PDND_SIM_TOKEN_PATH && req.method === 'POST') return await issueVoucher(req, res);
      if (pathname === PDND_SIM_JWKS_PATH && req.method === 'GET') return send(res, 200, await jwks());
      if (pathname.startsWith(PDND_SIM_GOVWAY_PREFIX)) return await serveEservice(req, res, txId, pathname);
      throw new Reject(404, 'UnknownResource', `Nothing at ${pathname}`);
    } catch (err) {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof Reject) return problem(res, txId, err);
      problem(res, txId, new Reject(500, 'InternalError', (err as Error)?.message ?? 'error'));
    }
  };

  return Object.assign(handler, {
    stats,
    revokeIssuedVouchers(): void {
      for (const jti of issuedJti) revokedJti.add(jti);
    },
    jwks,
  });
}
