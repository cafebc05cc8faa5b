import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import tls from 'node:tls';
import { AnprError } from '../errors.js';
import type { LookupResult, PersonQuery } from '../model.js';
import type { AnprCallContext, AnprPort, ComuneAnprSettings, KeystoreRef } from '../port.js';
import { KeystoreCache, type LoadedKeystore } from '../pki/keystore.js';
import { createIdPostazioneFirmato } from '../pki/pkcs7.js';
import { validatePersonQuery } from '../validate-query.js';
import { SOAP_SERVICES, type SoapServiceDescriptor } from './constants.js';
import type { OperationIdSource } from './operation-id.js';
import { assertExpressible, buildRequestBody, type PlaceResolver } from './request-builder.js';
import { interpretResponse } from './response-parser.js';
import { httpSoapTransport, type SoapTransport } from './transport.js';
import { buildSignedAssertion, buildSignedEnvelope, type SignatureAlgorithms } from './wssecurity.js';

export interface SoapAnprAdapterOptions {
  operationIds: OperationIdSource;
  /** Names for ISTAT codes (birth place, comuneResidenza criteria); without it those criteria are refused. */
  places?: PlaceResolver;
  transport?: SoapTransport;
  /** E002 casoUso; default C001. */
  casoUso?: string;
  /** Used when the Comune settings have no timeoutMs. Default 30 s. */
  defaultTimeoutMs?: number;
  /** SAML assertion validity. Default 300 s, as in ANPR's samples. */
  assertionLifetimeSeconds?: number;
  /** A cached assertion is replaced when less than this is left of its validity. Default 60 s. */
  assertionRefreshMarginSeconds?: number;
  /** wsu:Timestamp window. Default 300 s. */
  timestampTtlSeconds?: number;
  /** IdApplicazione when the Comune settings have none. */
  defaultIdApplicazione?: string;
  /** SubjectLocality when the caller gives no client address. */
  defaultClientIp?: string;
  application?: { nome?: string; versione?: string; fornitore?: string };
  maxCachedAssertions?: number;
  now?: () => Date;
}

interface CachedAssertion {
  xml: string;
  refreshAt: number;
}

/** Attempts of one lookup whose operation id ANPR refused as not increasing (see findPersons). */
const MAX_ID_ORDER_ATTEMPTS = 3;

/**
 * ANPR refuses an idOperazioneComune/idOperazioneClient that is not greater than the last one it
 * received from the sender, but publishes no code for it; the simulated ANPR answers SIM002 with the
 * XSD's wording ("non crescente"). Either is recognised.
 */
export function isOperationIdOrderRefusal(e: unknown): boolean {
  return e instanceof AnprError && (e.details.anprCode === 'SIM002' || /non crescente/i.test(e.message));
}

const refId = (ref: KeystoreRef): string => ref.path ?? `sha256:${createHash('sha256').update(ref.data ?? Buffer.alloc(0)).digest('hex')}`;

/**
 * AnprPort over ANPR's legacy SOAP services (3002 for Comuni, E002 for enti) with the WS-Security
 * profile of DPCM 194/2014. Warm calls cost one RSA operation: keystores, each workstation's
 * IdPostazioneFirmato and the signed SAML assertion are cached; only the message signature over
 * Timestamp and Body is made per call.
 */
export class SoapAnprAdapter implements AnprPort {
  private readonly keystores = new KeystoreCache();
  private readonly pkcs7 = new Map<string, string>();
  private readonly assertions = new Map<string, CachedAssertion>();
  private readonly agents = new Map<string, Promise<https.Agent>>();
  private readonly transport: SoapTransport;
  private readonly now: () => Date;

  constructor(private readonly options: SoapAnprAdapterOptions) {
    this.transport = options.transport ?? httpSoapTransport;
    this.now = options.now ?? (() => new Date());
  }

  async findPersons(query: PersonQuery, ctx: AnprCallContext): Promise<LookupResult> {
    // Before anything costly or visible: no operation id is spent, no key is touched, nothing is sent.
    validatePersonQuery(query);
    const soap = ctx.comune.soap;
    if (!soap) throw new AnprError('invalid_request', `Comune ${ctx.comune.codiceIstat} has no SOAP settings`, { field: 'comune.soap' });
    assertExpressible(soap.service, query);
    if (!ctx.operatorId) throw new AnprError('invalid_request', 'An ANPR operator id is required', { field: 'operatorId' });
    const ws = ctx.workstation;
    if (!ws?.id || !ws.keystore) {
      throw new AnprError('invalid_request', 'A workstation id and keystore are required for IdPostazione/IdPostazioneFirmato', { field: 'workstation' });
    }
    const service = SOAP_SERVICES[soap.service];
    const algs: SignatureAlgorithms = { signature: soap.signatureAlgorithm ?? 'rsa-sha1', digest: soap.digestAlgorithm ?? 'sha1' };

    const [comuneKs, agent] = await Promise.all([this.keystore(soap.keystore, 'comune'), this.agentFor(ctx.comune)]);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.send(query, ctx, soap, service, algs, comuneKs, agent);
      } catch (e) {
        // Concurrent calls of one Comune draw increasing ids but may reach ANPR in another order; a
        // call refused only because a later id arrived first was not processed: send it again, with
        // a new id (and, through the id source, a new audit intent), instead of failing the lookup.
        if (attempt >= MAX_ID_ORDER_ATTEMPTS || !isOperationIdOrderRefusal(e)) throw e;
      }
    }
  }

  private async send(
    query: PersonQuery,
    ctx: AnprCallContext,
    soap: NonNullable<ComuneAnprSettings['soap']>,
    service: SoapServiceDescriptor,
    algs: SignatureAlgorithms,
    comuneKs: LoadedKeystore,
    agent: https.Agent | undefined,
  ): Promise<LookupResult> {
    const clientOperationId = await this.options.operationIds.next(ctx.comune.codiceIstat);
    const now = this.now();
    const bodyXml = buildRequestBody(
      soap.service,
      query,
      { idOperazione: clientOperationId, codMittente: ctx.comune.codiceIstat, environment: ctx.comune.environment, dataOraRichiesta: now },
      {
        places: this.options.places,
        casoUso: this.options.casoUso,
        nomeApplicativo: this.options.application?.nome,
        versioneApplicativo: this.options.application?.versione,
        fornitoreApplicativo: this.options.application?.fornitore,
      },
    );
    const assertionXml = await this.assertion(ctx, comuneKs, algs, now);
    const envelope = buildSignedEnvelope({
      bodyXml,
      signedAssertionXml: assertionXml,
      comune: comuneKs,
      algs,
      now,
      timestampTtlSeconds: this.options.timestampTtlSeconds ?? 300,
    });
    const res = await this.transport({
      url: soap.baseUrl.replace(/\/+$/, '') + service.path,
      body: envelope,
      timeoutMs: ctx.comune.timeoutMs ?? this.options.defaultTimeoutMs ?? 30_000,
      agent,
    });
    return interpretResponse({ service: soap.service, httpStatus: res.status, body: res.body, query, clientOperationId });
  }

  /** Drops cached assertions, PKCS#7 and keystores (e.g. after a certificate rotation). */
  clearCaches(): void {
    this.assertions.clear();
    this.pkcs7.clear();
    this.keystores.clear();
    this.agents.clear();
  }

  private async keystore(ref: KeystoreRef, what: string): Promise<LoadedKeystore> {
    try {
      return await this.keystores.get(ref);
    } catch (e) {
      throw new AnprError('invalid_request', `Cannot open the ${what} keystore: ${(e as Error).message}`, { field: `${what}.keystore`, cause: e });
    }
  }

  private async idPostazioneFirmato(id: string, ref: KeystoreRef): Promise<string> {
    const key = `${refId(ref)}\u0000${id}`;
    let v = this.pkcs7.get(key);
    if (!v) {
      v = createIdPostazioneFirmato(id, await this.keystore(ref, 'workstation'));
      this.pkcs7.set(key, v);
    }
    return v;
  }

  private async assertion(ctx: AnprCallContext, comuneKs: LoadedKeystore, algs: SignatureAlgorithms, now: Date): Promise<string> {
    const soap = ctx.comune.soap!;
    const ws = ctx.workstation!;
    const idSede = soap.idSede ?? ctx.comune.codiceIstat;
    const idApplicazione = soap.idApplicazione ?? this.options.defaultIdApplicazione ?? 'GeRes';
    const clientIp = ctx.clientIp ?? this.options.defaultClientIp ?? '127.0.0.1';
    // SubjectLocality is in the assertion, so the client address is part of what we cache on.
    const key = [ctx.comune.codiceIstat, refId(soap.keystore), ctx.operatorId, ws.id, refId(ws.keystore!), clientIp, idSede, idApplicazione, algs.signature, algs.digest].join('\u0000');
    const hit = this.assertions.get(key);
    if (hit && hit.refreshAt > now.getTime()) return hit.xml;

    const lifetime = this.options.assertionLifetimeSeconds ?? 300;
    const margin = Math.min(this.options.assertionRefreshMarginSeconds ?? 60, lifetime / 2);
    const signed = buildSignedAssertion(
      {
        operatorId: ctx.operatorId,
        idSede,
        idPostazione: ws.id,
        idPostazioneFirmato: await this.idPostazioneFirmato(ws.id, ws.keystore!),
        idApplicazione,
        clientIp,
        // A little in the past so that a server clock slightly behind ours still accepts it.
        issueInstant: new Date(now.getTime() - 5_000),
        lifetimeSeconds: lifetime,
      },
      comuneKs,
      algs,
    );
    this.assertions.delete(key);
    this.assertions.set(key, { xml: signed.xml, refreshAt: signed.notOnOrAfter.getTime() - margin * 1000 });
    this.evict(now.getTime());
    return signed.xml;
  }

  private evict(nowMs: number): void {
    const max = this.options.maxCachedAssertions ?? 10_000;
    if (this.assertions.size <= max) return;
    for (const [k, v] of this.assertions) if (v.refreshAt <= nowMs) this.assertions.delete(k);
    // Still full: drop the oldest insertions (Map keeps insertion order).
    for (const k of this.assertions.keys()) {
      if (this.assertions.size <= max) break;
      this.assertions.delete(k);
    }
  }

  private agentFor(comune: ComuneAnprSettings): Promise<https.Agent | undefined> {
    const soap = comune.soap!;
    if (!soap.baseUrl.startsWith('https:') || (!soap.tlsKeystore && !soap.tlsCaPem)) return Promise.resolve(undefined);
    const key = `${comune.codiceIstat}\u0000${soap.tlsKeystore ? refId(soap.tlsKeystore) : ''}\u0000${soap.tlsCaPem ?? ''}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = (async () => {
        let pfx: Buffer | undefined;
        if (soap.tlsKeystore) pfx = soap.tlsKeystore.data ?? (await readFile(soap.tlsKeystore.path!));
        let secureContext: tls.SecureContext;
        try {
          // The secure context keeps the client key inside OpenSSL; the passphrase is not retained.
          secureContext = tls.createSecureContext({ pfx, passphrase: soap.tlsKeystore?.password, ca: soap.tlsCaPem });
        } catch (e) {
          throw new AnprError('invalid_request', `Cannot open the TLS keystore of Comune ${comune.codiceIstat}`, { field: 'soap.tlsKeystore', cause: e });
        }
        return new https.Agent({ keepAlive: true, secureContext });
      })();
      agent.catch(() => this.agents.delete(key));
      this.agents.set(key, agent);
    }
    return agent;
  }
}
