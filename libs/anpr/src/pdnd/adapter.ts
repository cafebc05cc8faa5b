/**
 * The PDND REST adapter: ANPR's e-services C001/C020 (residence), C021 (family) and C030 (idANPR),
 * reached through GovWay with a PDND voucher and the ModI headers (REFERENCE.md §3).
 *
 * Choice of e-service. Each e-service returns a fixed set of sections (§3.4):
 *   - generalita and/or residenza  → the residence service (C001, or C020; see `residenceService`);
 *   - famiglia and/or decesso      → C021 (it also carries generalita);
 *   - both groups                  → residence service first, then C021 by the idANPR the first call
 *                                    returned, merged into one person (the second call names the
 *                                    subject unambiguously and avoids a second EN148 warning);
 *   - no section at all            → C030, which returns only the idANPR (or, when the criterion is
 *                                    already an idANPR, the residence service, as C030 cannot take one).
 * Sections no PDND e-service here carries (cittadinanza, statoCivile, matrimonio, documenti, aire,
 * storici) are reported as a `GERES-PDND-SECTIONS` warning, or refused when `unsupportedSections`
 * is 'reject'. Criteria no e-service takes (identity documents, a comuneResidenza restriction) are
 * refused as invalid_request before anything is signed. For merged calls `anprOperationId` and
 * `clientOperationId` list every call's id, comma-separated, in call order.
 */
import { AnprError } from '../errors.js';
import type { AnprWarning, LookupResult, NormalisedPerson, PersonCriterion, PersonQuery, Section } from '../model.js';
import type { AnprCallContext, AnprPort, ComuneAnprSettings } from '../port.js';
import { eserviceAudience, eserviceEndpoint, type PdndEserviceCode } from './eservices.js';
import { httpExchange, parseJson, parseRetryAfter, type FetchLike, type HttpAnswer } from './http.js';
import { personFromC021, personFromSoggetto, toWarnings } from './mapping.js';
import { digestHeader, makePdndSigner, signAgidJwtSignature, type PdndSigner } from './modi.js';
import { assertQueryUsable, buildRichiestaE002 } from './request.js';
import { PdndVoucherCache, type VoucherRequest } from './voucher.js';
import type { GovWayProblem, RispostaE002OK, RispostaKO, TipoErroriAnomalia } from './wire.js';

export type PdndSettings = NonNullable<ComuneAnprSettings['pdnd']>;

/** Where `idOperazioneClient` comes from. C001 wants it numeric, increasing and replay-safe. */
export interface ClientOperationIdSource {
  next(scope: { codiceIstat: string; eservice: PdndEserviceCode }): string | Promise<string>;
}

/**
 * Numeric ids, strictly increasing within this process (milliseconds × 1000 + a counter). Only
 * for tests and single-instance setups: a cluster needs a persisted sequence.
 */
export class MonotonicClientOperationIds implements ClientOperationIdSource {
  private last = 0;
  constructor(private readonly now: () => number = Date.now) {}
  next(): string {
    this.last = Math.max(this.last + 1, Math.floor(this.now()) * 1000);
    return String(this.last);
  }
}

export interface PdndAdapterOptions {
  operationIds?: ClientOperationIdSource;
  /** Clock in ms; injectable so voucher expiry is testable. */
  now?: () => number;
  fetch?: FetchLike;
  /** LoA claim when the context has none. Default 'LoA3'. */
  defaultLoA?: string;
  /** Which residence e-service to use; default C001 if a purpose is configured for it, else C020. */
  residenceService?: 'C001' | 'C020';
  /** What to do with sections no PDND e-service carries. Default 'warn'. */
  unsupportedSections?: 'warn' | 'reject';
  /** Per-exchange deadline when the Comune sets none. Default 10 s. */
  defaultTimeoutMs?: number;
  /** Refresh vouchers this long before they expire. Default 60 s. */
  voucherRefreshMarginSeconds?: number;
  /** Lifetime of each Agid-JWT-Signature. Default 120 s. */
  signatureTtlSeconds?: number;
}

const RESIDENCE_SECTIONS: readonly Section[] = ['generalita', 'residenza'];
const FAMILY_SECTIONS: readonly Section[] = ['famiglia', 'decesso'];
const SUPPORTED: readonly Section[] = [...RESIDENCE_SECTIONS, ...FAMILY_SECTIONS];

const NOT_FOUND_CODES = new Set(['EN122', 'EN130', 'EN133']);
const AMBIGUOUS_CODES = new Set(['EN131', 'EN043', 'EN067', 'EN175']);

export const UNSUPPORTED_SECTIONS_WARNING = 'GERES-PDND-SECTIONS';

export interface PdndPlan {
  calls: PdndEserviceCode[];
  unsupported: Section[];
}

/** Which e-services answer these sections; see the file comment. */
export function planEservices(
  sections: readonly Section[],
  criterion: PersonCriterion,
  purposes: Record<string, string>,
  preferred?: 'C001' | 'C020',
): PdndPlan {
  const has = (s: Section): boolean => sections.includes(s);
  const residence = (): PdndEserviceCode => {
    if (preferred) return preferred;
    if (purposes.C001) return 'C001';
    if (purposes.C020) return 'C020';
    return 'C001';
  };
  const calls: PdndEserviceCode[] = [];
  const needResidenza = has('residenza');
  const needFamily = FAMILY_SECTIONS.some(has);
  if (needResidenza) calls.push(residence());
  if (needFamily) calls.push('C021');
  if (has('generalita') && calls.length === 0) calls.push(residence());
  if (calls.length === 0) calls.push(criterion.kind === 'idANPR' ? residence() : 'C030');
  return { calls, unsupported: sections.filter((s) => !SUPPORTED.includes(s)) };
}

function firstError(list: TipoErroriAnomalia[] | undefined): TipoErroriAnomalia | undefined {
  return list?.find((e) => e.tipoErroreAnomalia !== 'W') ?? list?.[0];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Maps a non-200 answer (or a 200 we cannot read) onto the port's error kinds. */
export function errorFromAnswer(answer: HttpAnswer, code: PdndEserviceCode, nowMs: number): AnprError {
  const govwayId = answer.headers.get('govway-transaction-id') ?? undefined;
  const json = parseJson(answer.body);
  const status = answer.status;
  const where = `${code}${govwayId ? ` (GovWay-Transaction-ID ${govwayId})` : ''}`;
  const cause = { govwayTransactionId: govwayId, body: json };

  if (status === 429) {
    return new AnprError('unavailable', `${where}: rate limited by ANPR/PDND`, {
      httpStatus: 429,
      retryAfterSeconds: parseRetryAfter(answer.headers.get('retry-after'), nowMs),
      cause,
    });
  }
  if (isObject(json) && Array.isArray(json.listaErrori)) {
    const ko = json as RispostaKO;
    const err = firstError(ko.listaErrori);
    const anprCode = err?.codiceErroreAnomalia;
    const details = {
      anprCode,
      anprOperationId: ko.idOperazioneANPR,
      field: err?.campoErroreAnomalia || undefined,
      httpStatus: status,
      cause,
    };
    const text = `${where}: ${anprCode ?? 'KO'} ${err?.testoErroreAnomalia ?? ''}`.trim();
    if (status >= 500) return new AnprError('unavailable', text, details);
    if (status === 404 || (anprCode && NOT_FOUND_CODES.has(anprCode))) return new AnprError('not_found', text, details);
    if (anprCode && AMBIGUOUS_CODES.has(anprCode)) return new AnprError('ambiguous', text, details);
    if (status === 401 || status === 403) return new AnprError('security_rejected', text, details);
    return new AnprError('invalid_request', text, details);
  }
  if (isObject(json) && typeof json.title === 'string') {
    const problem = json as GovWayProblem;
    const text = `${where}: GovWay ${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`;
    const details = { httpStatus: status, cause: { ...cause, govwayTransactionId: problem.govway_id ?? govwayId } };
    if (status >= 500) return new AnprError('unavailable', text, details);
    if (status === 400 && problem.title === 'InvalidRequestContent') return new AnprError('invalid_request', text, details);
    if (status === 404) return new AnprError('unavailable', text, details);
    return new AnprError('security_rejected', text, details);
  }
  if (status === 401 || status === 403) return new AnprError('security_rejected', `${where}: HTTP ${status}`, { httpStatus: status, cause });
  if (status === 404) return new AnprError('not_found', `${where}: HTTP 404`, { httpStatus: status, cause });
  if (status === 400) return new AnprError('invalid_request', `${where}: HTTP 400`, { httpStatus: status, cause });
  return new AnprError('unavailable', `${where}: HTTP ${status}${status === 200 ? ' with an unreadable body' : ''}`, {
    httpStatus: status,
    cause,
  });
}

interface CallOutcome {
  persons: NormalisedPerson[];
  warnings: AnprWarning[];
  anprOperationId: string;
  clientOperationId: string;
}

export class PdndAnprAdapter implements AnprPort {
  private readonly now: () => number;
  private readonly fetchImpl: FetchLike;
  private readonly operationIds: ClientOperationIdSource;
  private readonly vouchers: PdndVoucherCache;
  private readonly signers = new Map<string, { pem: string; signer: PdndSigner }>();

  constructor(private readonly options: PdndAdapterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
    this.operationIds = options.operationIds ?? new MonotonicClientOperationIds(this.now);
    this.vouchers = new PdndVoucherCache({
      fetch: this.fetchImpl,
      now: this.now,
      refreshMarginSeconds: options.voucherRefreshMarginSeconds,
    });
  }

  /** Token endpoint calls made so far (for metrics). */
  get tokenRequests(): number {
    return this.vouchers.tokenRequests;
  }

  async findPersons(query: PersonQuery, ctx: AnprCallContext): Promise<LookupResult> {
    // Before any voucher, signature or operation id: a bad query costs nothing and reaches no one.
    assertQueryUsable(query);
    const settings = ctx.comune.pdnd;
    if (!settings) {
      throw new AnprError('invalid_request', `Comune ${ctx.comune.codiceIstat} has no PDND settings`, { field: 'comune.pdnd' });
    }
    const plan = planEservices(query.sections, query.criterion, settings.purposes, this.options.residenceService);
    const warnings: AnprWarning[] = [];
    if (plan.unsupported.length > 0) {
      const text = `Not available through the PDND e-services: ${plan.unsupported.join(', ')}`;
      if (this.options.unsupportedSections === 'reject') throw new AnprError('invalid_request', text, { field: 'sections' });
      warnings.push({ code: UNSUPPORTED_SECTIONS_WARNING, text });
    }
    for (const code of plan.calls) {
      if (!settings.purposes[code]) {
        throw new AnprError('invalid_request', `No PDND purpose configured for ${code} (Comune ${ctx.comune.codiceIstat})`, {
          field: `comune.pdnd.purposes.${code}`,
        });
      }
    }

    const outcomes: CallOutcome[] = [];
    let persons: NormalisedPerson[] = [];
    for (const [i, code] of plan.calls.entries()) {
      let criterion = query.criterion;
      if (i > 0) {
        if (persons.length !== 1) {
          throw new AnprError('ambiguous', `${persons.length} subjects match; narrow the search before asking for more sections`, {
            anprOperationId: outcomes.map((o) => o.anprOperationId).join(','),
          });
        }
        if (persons[0]!.idANPR) criterion = { kind: 'idANPR', idANPR: persons[0]!.idANPR };
      }
      const outcome = await this.call(code, query, criterion, ctx, settings);
      outcomes.push(outcome);
      persons = i === 0 ? outcome.persons : mergePersons(persons, outcome.persons);
    }

    const sections = new Set(query.sections);
    return {
      persons: persons.map((p) => trimToSections(p, sections)),
      anprOperationId: outcomes.map((o) => o.anprOperationId).join(','),
      clientOperationId: outcomes.map((o) => o.clientOperationId).join(','),
      warnings: [...warnings, ...outcomes.flatMap((o) => o.warnings)],
      channel: 'pdnd',
    };
  }

  private signerFor(settings: PdndSettings): PdndSigner {
    const key = `${settings.clientId}\u0000${settings.kid}`;
    const cached = this.signers.get(key);
    if (cached && cached.pem === settings.privateKeyPem) return cached.signer;
    let signer: PdndSigner;
    try {
      signer = makePdndSigner(settings);
    } catch (err) {
      // Never echo the key material.
      throw new AnprError('invalid_request', `Unreadable PDND private key for client ${settings.clientId}`, {
        field: 'comune.pdnd.privateKeyPem',
        cause: (err as Error)?.name,
      });
    }
    this.signers.set(key, { pem: settings.privateKeyPem, signer });
    return signer;
  }

  private async call(
    code: PdndEserviceCode,
    query: PersonQuery,
    criterion: PersonCriterion,
    ctx: AnprCallContext,
    settings: PdndSettings,
  ): Promise<CallOutcome> {
    const timeoutMs = ctx.comune.timeoutMs ?? this.options.defaultTimeoutMs ?? 10_000;
    const signer = this.signerFor(settings);
    const audience = eserviceAudience(settings.audienceBaseUrl, code);
    const url = eserviceEndpoint(settings.baseUrl, code);
    const clientOperationId = await this.operationIds.next({ codiceIstat: ctx.comune.codiceIstat, eservice: code });
    const body = buildRichiestaE002(query, code, clientOperationId, this.now(), criterion);
    // Serialised once: the Digest, the signature and the wire must all see the same bytes.
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const digest = digestHeader(bytes);
    const voucherRequest: VoucherRequest = {
      tokenUrl: settings.tokenUrl,
      clientAssertionAudience: settings.clientAssertionAudience,
      signer,
      purposeId: settings.purposes[code]!,
      audience,
      userID: ctx.operatorId,
      userLocation: ctx.workstation?.id ?? ctx.clientIp ?? `GERES-${ctx.comune.codiceIstat}`,
      LoA: ctx.loa ?? this.options.defaultLoA ?? 'LoA3',
    };

    let answer: HttpAnswer | undefined;
    // A 401 means GovWay no longer accepts the voucher (expired early, revoked, clock skew):
    // the whole call is made once more with a fresh voucher, as PN does.
    for (let attempt = 0; attempt < 2; attempt++) {
      const voucher = await this.vouchers.obtain(voucherRequest, timeoutMs, attempt > 0);
      const signature = await signAgidJwtSignature(
        signer,
        { aud: audience, digest, contentType: 'application/json' },
        this.now(),
        this.options.signatureTtlSeconds ?? 120,
      );
      answer = await httpExchange(
        this.fetchImpl,
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${voucher.accessToken}`,
            'content-type': 'application/json',
            accept: 'application/json',
            digest,
            'agid-jwt-signature': signature,
            'agid-jwt-trackingevidence': voucher.trackingEvidence,
          },
          body: bytes,
        },
        timeoutMs,
        `ANPR ${code}`,
      );
      if (answer.status !== 401) break;
      this.vouchers.invalidate(voucherRequest);
    }
    const final = answer!;
    const json = final.status === 200 ? parseJson(final.body) : undefined;
    if (final.status !== 200 || !isObject(json)) throw errorFromAnswer(final, code, this.now());

    const ok = json as RispostaE002OK;
    const soggetti = Array.isArray(ok.listaSoggetti?.datiSoggetto) ? ok.listaSoggetti.datiSoggetto : [];
    let persons: NormalisedPerson[];
    if (code === 'C021') {
      const p = personFromC021(soggetti, criterion);
      persons = p ? [p] : [];
    } else {
      persons = soggetti.map(personFromSoggetto);
    }
    const anprOperationId = ok.idOperazioneANPR ?? '';
    if (persons.length === 0) {
      throw new AnprError('not_found', `${code}: no subject in the answer`, { anprOperationId, httpStatus: 200 });
    }
    return { persons, warnings: toWarnings(ok.listaAnomalie), anprOperationId, clientOperationId };
  }
}

/** The later call adds what the earlier did not return (C021's famiglia and decesso). */
function mergePersons(first: NormalisedPerson[], later: NormalisedPerson[]): NormalisedPerson[] {
  return first.map((p) => {
    const extra = later.find((q) => q.idANPR === p.idANPR) ?? (first.length === 1 ? later[0] : undefined);
    if (!extra) return p;
    const merged: NormalisedPerson = { ...extra, ...p, idANPR: p.idANPR || extra.idANPR };
    if (!p.generalita && extra.generalita) merged.generalita = extra.generalita;
    if (extra.famiglia) merged.famiglia = extra.famiglia;
    if (extra.decesso) merged.decesso = extra.decesso;
    return merged;
  });
}

function trimToSections(p: NormalisedPerson, sections: Set<Section>): NormalisedPerson {
  const out: NormalisedPerson = { idANPR: p.idANPR };
  if (sections.has('generalita') && p.generalita) out.generalita = p.generalita;
  if (sections.has('residenza') && p.residenza) out.residenza = p.residenza;
  if (sections.has('famiglia') && p.famiglia) out.famiglia = p.famiglia;
  if (sections.has('decesso') && p.decesso) out.decesso = p.decesso;
  return out;
}
