import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { VISURA_TYPES, type VisuraType } from '#libs/domain';
import type { Person } from '../../../../sdk/src/index.js';
import { renderVisura, sealPdf, VISURA_TITLES, type SealKeystore } from '../document/index.js';
import { isRegistryOfficer, route, type Requester } from '../domain/routing.js';
import { documentSections, placeName, ROUTING_SECTIONS, VISURA_RULES, whereSubjectLives, type Section } from '../domain/visura-rules.js';
import { GatewayProblem, type Criterion, type DirectoryPort, type GatewayPort, type GatewayUser } from '../gateway/gateway.port.js';
import { visureProblem } from '../http/problem.js';
import { VisuraDocument, VisuraRequest, VisuraSearch, VisuraVerification, type RequestState } from '../persistence/entities.js';
import { Sealer, type DocumentStore } from '../storage/document-store.js';

export interface VisureSettings {
  /** Public verification page printed on documents (`…/v1/verifica`). */
  verificationBaseUrl: string;
  /** Days a document stays verifiable online (printed). */
  verificationDays: number;
  /** Lifetime asked for the stored grant of a request deferred to a mediator. */
  deferredGrantSeconds: number;
  /** Retries of a request ANPR did not answer, and the pause between them. */
  maxAttempts: number;
  retryDelaySeconds: number;
  /** Verifications allowed per client address per minute. */
  verificationsPerMinute: number;
}

export const DEFAULT_SETTINGS: Omit<VisureSettings, 'verificationBaseUrl'> = {
  verificationDays: 180,
  deferredGrantSeconds: 7 * 86400,
  maxAttempts: 3,
  retryDelaySeconds: 60,
  verificationsPerMinute: 20,
};

export interface VisureDeps {
  orm: MikroORM;
  gateway: GatewayPort;
  directory: DirectoryPort;
  store: DocumentStore;
  /** The Comune's seal (its certificate signs documents and the offline payload). */
  seal(comune: string): SealKeystore | null;
  /** 32-byte key: documents at rest and stored grants (separate subkeys). */
  dataKey: Uint8Array;
  settings: VisureSettings;
  now?: () => Date;
}

/** The caller: their own token (to exchange again for a stored grant), the grant, who they are. */
export interface Caller {
  token: string;
  grant: string;
  user: GatewayUser;
  requester: Requester;
  enteName: string | null;
}

export interface VisuraRequestInput {
  type: VisuraType;
  comune: string;
  motivoRichiesta: string;
  criterion?: Criterion;
  searchId?: string;
  candidate?: number;
}

export interface Candidate {
  index: number;
  cognome: string;
  nome: string;
  dataNascita: string;
  luogoNascita: string;
}

export interface ArchiveFilter {
  state?: RequestState;
  type?: VisuraType;
  from?: Date;
  to?: Date;
  username?: string;
  page?: number;
  pageSize?: number;
}

const SEARCH_MINUTES = 15;
const CACHE_SECONDS = 60;

/**
 * The visure service: search, type, routing, the document, the archive, the mediator queue, silent
 * consent, verification. It acts for the person who asked only, through the grants the gateway gives.
 */
export class VisureService {
  private readonly grants: Sealer;
  private readonly now: () => Date;
  private readonly callers = new Map<string, { caller: Caller; until: number }>();
  private readonly throttle = new Map<string, { count: number; windowStart: number }>();

  constructor(private readonly deps: VisureDeps) {
    this.grants = new Sealer(deps.dataKey, 'grants');
    this.now = deps.now ?? (() => new Date());
  }

  private em(): EntityManager {
    return this.deps.orm.em.fork();
  }

  // ── Who asks ──────────────────────────────────────────────────────────────────────────────

  /** The person's bearer token → a grant for them (cached a minute) and who they are. */
  async authenticate(token: string): Promise<Caller> {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = this.callers.get(key);
    if (hit && hit.until > Date.now()) return hit.caller;
    let grant;
    try {
      grant = await this.deps.gateway.exchange({ subjectToken: token });
    } catch (e) {
      if (e instanceof GatewayProblem && (e.status === 400 || e.status === 401)) throw visureProblem('unauthenticated', 'Accesso non valido o scaduto: accedere di nuovo.');
      throw this.gatewayFailure(e);
    }
    const user = await this.deps.gateway.me(grant.token).catch((e) => {
      throw this.gatewayFailure(e);
    });
    // The gateway says what the Ente is (GET /v1/me); the directory only fills in for an older gateway.
    const ente = user.ente ?? (user.enteId ? await this.deps.directory.ente(user.enteId) : null);
    const caller: Caller = {
      token,
      grant: grant.token,
      user,
      enteName: ente?.name ?? null,
      requester: { role: user.role, mediator: user.mediator, comune: user.comune, enteKind: ente?.kind ?? null, scope: user.profile?.scope ?? 'agreed' },
    };
    if (this.callers.size > 10_000) this.callers.clear();
    this.callers.set(key, { caller, until: Date.now() + Math.min(CACHE_SECONDS, Math.max(0, grant.expiresIn - 5)) * 1000 });
    return caller;
  }

  private checkType(c: Caller, type: VisuraType) {
    if (!VISURA_TYPES.includes(type)) throw visureProblem('validation-failed', `Tipo di visura sconosciuto: ${type}`);
    if (!c.user.profile?.visuraTypes.includes(type)) throw visureProblem('visura-type-not-allowed', `Il profilo assegnato non consente la ${VISURA_TITLES[type]}.`, { visuraType: type });
  }

  /**
   * The Comune's visura policy: as the gateway tells the caller (GET /v1/me: policy, silent-consent
   * hours, name), completed by the directory (designated mediator's name, logo); the directory alone
   * when there is no caller (sweeps) or an older gateway.
   */
  private async comune(istat: string, c?: Caller) {
    const known = await this.deps.directory.comune(istat);
    const told = c?.user.comuni?.find((x) => x.codiceIstat === istat);
    const entry = told
      ? { silentConsentMediator: null, ...known, name: told.nome, nonResidentVisuraPolicy: told.nonResidentVisuraPolicy, silentConsentHours: told.silentConsentHours }
      : known;
    if (!entry) throw visureProblem('comune-not-served', `Il Comune ${istat} non è servito dal modulo visure.`);
    return entry;
  }

  // ── Search ────────────────────────────────────────────────────────────────────────────────

  /** R-VIS-3: finds the subject; several matches come back as candidates with the minimum shown. */
  async search(c: Caller, input: { type: VisuraType; comune: string; motivoRichiesta: string; criterion: Criterion }) {
    this.checkType(c, input.type);
    await this.comune(input.comune, c);
    let answer;
    try {
      answer = await this.deps.gateway.search(c.grant, { comune: input.comune, criterion: input.criterion, sections: ['generalita'], motivoRichiesta: input.motivoRichiesta, visuraType: input.type });
    } catch (e) {
      throw this.gatewayFailure(e);
    }
    const s = await this.saveSearch(c, input, answer.persons, answer.anprOperationId);
    return { searchId: s.id, candidates: candidatesOf(s) };
  }

  private async saveSearch(c: Caller, input: { type: VisuraType; comune: string; motivoRichiesta: string; criterion: Criterion }, persons: Person[], protocol?: string) {
    const em = this.em();
    const now = this.now();
    const s = em.create(VisuraSearch, {
      requesterId: c.user.id,
      comune: input.comune,
      type: input.type,
      criterionKind: input.criterion.type,
      motivoRichiesta: input.motivoRichiesta,
      anprProtocol: protocol,
      candidates: persons.map((p) => ({
        codiceFiscale: p.generalita?.codiceFiscale ?? '',
        cognome: p.generalita?.cognome ?? '',
        nome: p.generalita?.nome ?? '',
        dataNascita: p.generalita?.dataNascita ?? '',
        luogoNascita: placeName(p.generalita?.luogoNascita),
      })),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SEARCH_MINUTES * 60_000),
    } as never) as VisuraSearch;
    await em.flush();
    return s;
  }

  // ── Request ───────────────────────────────────────────────────────────────────────────────

  /**
   * A visura request: 201 issued | 202 deferred | 200 Comune of residence only. Refusals are
   * problems (422 cannot-issue, 403 type not in profile); every outcome is recorded.
   */
  async request(c: Caller, input: VisuraRequestInput): Promise<{ status: 200 | 201 | 202; request: VisuraRequest }> {
    this.checkType(c, input.type);
    const comune = await this.comune(input.comune, c);
    let criterion = input.criterion;
    let search: VisuraSearch | null = null;
    const em = this.em();
    if (input.searchId) {
      search = await em.findOne(VisuraSearch, { id: input.searchId, requesterId: c.user.id });
      if (!search || search.expiresAt < this.now()) throw visureProblem('not-found', 'Ricerca non trovata o scaduta: ripetere la ricerca.');
      const cand = search.candidates[input.candidate ?? 0];
      if (!cand || (search.candidates.length > 1 && input.candidate === undefined)) throw visureProblem('validation-failed', 'Indicare quale dei soggetti trovati (candidate).');
      if (search.comune !== input.comune || search.type !== input.type) throw visureProblem('validation-failed', 'La richiesta non corrisponde alla ricerca (Comune o tipo di visura diversi).');
      search.chosenIndex = input.candidate ?? 0;
      criterion = { type: 'codiceFiscale', codiceFiscale: cand.codiceFiscale };
    }
    if (!criterion) throw visureProblem('validation-failed', 'Indicare un criterio di ricerca (criterion) o una ricerca (searchId).');

    const now = this.now();
    const req = em.create(VisuraRequest, {
      type: input.type,
      state: 'received',
      comune: input.comune,
      criterionKind: search ? search.criterionKind : criterion.type,
      searchId: search?.id,
      candidateIndex: search ? search.chosenIndex : undefined,
      motivoRichiesta: input.motivoRichiesta,
      requesterId: c.user.id,
      requesterUsername: c.user.username,
      requesterName: c.enteName ? `${c.user.name} (${c.enteName})` : c.user.name,
      requesterRole: c.user.role,
      enteId: c.user.enteId ?? undefined,
      standardPs: c.user.role === 'STANDARDPS',
      createdAt: now,
      updatedAt: now,
    } as never) as VisuraRequest;
    await em.flush();

    const sections = [...new Set<Section>([...VISURA_RULES[input.type].sections, ...ROUTING_SECTIONS])];
    let answer;
    try {
      answer = await this.deps.gateway.search(c.grant, { comune: input.comune, criterion, sections, motivoRichiesta: input.motivoRichiesta, visuraType: input.type });
    } catch (e) {
      return { status: 200, request: await this.lookupFailed(em, req, c, criterion, e) };
    }
    if (answer.persons.length > 1) {
      const s = await this.saveSearch(c, { type: input.type, comune: input.comune, motivoRichiesta: input.motivoRichiesta, criterion }, answer.persons, answer.anprOperationId);
      await this.finish(em, req, 'failed', { reason: 'Più soggetti corrispondono al criterio: scegliere tra i candidati.', anprProtocol: answer.anprOperationId });
      throw visureProblem('more-than-one-subject', 'Più soggetti corrispondono al criterio: scegliere uno dei candidati e ripetere la richiesta con searchId e candidate.', { searchId: s.id, candidates: candidatesOf(s) });
    }
    const person = answer.persons[0];
    this.identify(req, person);
    const where = whereSubjectLives(person);
    const decision = route(c.requester, input.comune, where, comune);
    req.route = decision.route;
    req.routeReason = decision.reason;
    switch (decision.route) {
      case 'real_time':
        await this.issueOrRefuse(em, req, person, answer.anprOperationId, null);
        return { status: req.state === 'issued' ? 201 : 200, request: req };
      case 'comune_of_residence_only':
        await this.finish(em, req, 'comune_only', { residenceComuneName: where.residenceName ?? undefined, anprProtocol: answer.anprOperationId });
        return { status: 200, request: req };
      case 'deferred_mediator':
      case 'deferred_silent_consent': {
        // The data found is not kept: the lookup is made again under the approval.
        const lifetime = decision.route === 'deferred_silent_consent' ? Math.max(this.deps.settings.deferredGrantSeconds, comune.silentConsentHours * 3600 + 86400) : this.deps.settings.deferredGrantSeconds;
        const stored = await this.deps.gateway.exchange({ subjectToken: c.token, lifetimeSeconds: lifetime }).catch((e) => {
          throw this.gatewayFailure(e);
        });
        this.storeGrant(req, stored.token, stored.expiresIn);
        await this.finish(em, req, decision.route === 'deferred_mediator' ? 'pending_mediator' : 'pending_silent_consent', { anprProtocol: answer.anprOperationId });
        return { status: 202, request: req };
      }
    }
  }

  private identify(req: VisuraRequest, p: Person) {
    const g = p.generalita;
    if (!g) return;
    req.subjectCf = g.codiceFiscale;
    req.subjectName = `${g.cognome} ${g.nome}`;
    req.subjectBirthDate = g.dataNascita;
  }

  /** The rules of the type, then the document; a refusal is recorded with its Italian reason and thrown. */
  private async issueOrRefuse(em: EntityManager, req: VisuraRequest, person: Person, protocol: string, mediatorName: string | null) {
    const refusal = VISURA_RULES[req.type].refusal(person);
    if (refusal) {
      await this.finish(em, req, 'refused', { reason: refusal, anprProtocol: protocol, grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null });
      throw visureProblem('cannot-issue', refusal, { visuraId: req.id, visuraType: req.type });
    }
    await this.issue(em, req, person, protocol, mediatorName);
  }

  /** Renders, seals and archives the document; one document per request, ever. */
  private async issue(em: EntityManager, req: VisuraRequest, person: Person, protocol: string, mediatorName: string | null) {
    const existing = await em.findOne(VisuraDocument, { requestId: req.id });
    if (existing) return;
    const comune = await this.comune(req.comune);
    const seal = this.deps.seal(req.comune);
    if (!seal) throw visureProblem('comune-not-served', `Il Comune ${req.comune} non ha un sigillo configurato per le visure.`);
    const issuedAt = this.now();
    const documentId = `VIS-${issuedAt.getUTCFullYear()}-${base32(randomBytes(8)).slice(0, 10)}`;
    const cvd = base32(randomBytes(8)).slice(0, 12).replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
    const expiresOn = new Date(issuedAt.getTime() + this.deps.settings.verificationDays * 86400_000);
    const unsealed = await renderVisura(
      {
        comune: { name: comune.name, istatCode: req.comune, logo: comune.logo ?? null },
        type: req.type,
        sections: documentSections(req.type, person),
        anpr: { protocol, date: issuedAt },
        requestedBy: req.requesterName,
        mediator: mediatorName,
        documentId,
        verification: { baseUrl: this.deps.settings.verificationBaseUrl, code: cvd, expiresOn },
        issuedAt,
      },
      { seal },
    );
    const pdf = await sealPdf(unsealed, seal, { signingTime: issuedAt });
    const storageKey = `${issuedAt.getUTCFullYear()}/${documentId}`;
    await this.deps.store.put(storageKey, pdf);
    em.create(VisuraDocument, {
      id: documentId,
      requestId: req.id,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      cvdHash: hashCvd(cvd),
      comune: req.comune,
      type: req.type,
      anprProtocol: protocol,
      storageKey,
      size: pdf.length,
      expiresAt: expiresOn,
      issuedAt,
    } as never);
    await this.finish(em, req, 'issued', { reason: null, documentId, anprProtocol: protocol, mediatorName: mediatorName ?? req.mediatorName, grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null });
  }

  private async finish(em: EntityManager, req: VisuraRequest, state: RequestState, fields: Partial<VisuraRequest> = {}) {
    Object.assign(req, fields, { state, updatedAt: this.now() });
    if (state !== 'received' && state !== 'retrying' && state !== 'pending_mediator' && state !== 'pending_silent_consent') req.decidedAt = this.now();
    await em.flush();
  }

  private storeGrant(req: VisuraRequest, token: string, expiresIn: number) {
    req.grantCiphertext = this.grants.encrypt(Buffer.from(token), req.id).toString('base64');
    req.grantExpiresAt = new Date(this.now().getTime() + expiresIn * 1000);
  }

  private async storedGrant(_em: EntityManager, req: VisuraRequest): Promise<string | null> {
    if (!req.grantCiphertext) return null;
    return this.grants.decrypt(Buffer.from(req.grantCiphertext, 'base64'), req.id).toString();
  }

  /** A lookup that failed: not found and refusals are recorded and returned; ANPR down keeps the request for a retry. */
  private async lookupFailed(em: EntityManager, req: VisuraRequest, c: Caller, criterion: Criterion, e: unknown): Promise<VisuraRequest> {
    if (e instanceof GatewayProblem && e.transient) {
      try {
        const stored = await this.deps.gateway.exchange({ subjectToken: c.token, lifetimeSeconds: this.deps.settings.retryDelaySeconds * (this.deps.settings.maxAttempts + 1) + 600 });
        this.storeGrant(req, stored.token, stored.expiresIn);
        req.criterionCiphertext = this.grants.encrypt(Buffer.from(JSON.stringify(criterion)), `${req.id}:criterion`).toString('base64');
        req.attempts = 1;
        req.nextAttemptAt = new Date(this.now().getTime() + this.deps.settings.retryDelaySeconds * 1000);
        await this.finish(em, req, 'retrying', { reason: 'ANPR non disponibile: la richiesta sarà ritentata.' });
      } catch {
        await this.finish(em, req, 'failed', { reason: 'ANPR non disponibile.' });
      }
      throw visureProblem('anpr-unavailable', req.state === 'retrying' ? 'ANPR non è disponibile: la richiesta è conservata e sarà ritentata automaticamente; consultarne lo stato nell\'archivio.' : 'ANPR non è disponibile: riprovare più tardi.', {
        visuraId: req.id,
        state: req.state,
        retryAfterSeconds: this.deps.settings.retryDelaySeconds,
      });
    }
    const problem = this.gatewayFailure(e);
    if (problem.problemType === 'forbidden-by-profile' && c.requester.scope === 'agreed' && /residents of/i.test(problem.detail)) {
      // The gateway hides subjects living outside the Comuni of an `agreed` profile: the Comune of residence cannot be named.
      req.route = 'comune_of_residence_only';
      req.routeReason = c.requester.enteKind === 'municipal_office' ? 'no_national_permission' : 'external_body';
      await this.finish(em, req, 'comune_only', { reason: 'Il soggetto non risiede nei Comuni convenzionati; il profilo assegnato non consente di conoscerne il Comune di residenza.' });
      return req;
    }
    await this.finish(em, req, problem.problemType === 'forbidden-by-profile' || problem.problemType === 'visura-type-not-allowed' ? 'refused' : 'failed', { reason: problem.detail });
    throw problem;
  }

  /** Maps a gateway refusal or failure to the service's problem (Italian detail, stable type). */
  gatewayFailure(e: unknown) {
    if (!(e instanceof GatewayProblem)) return e instanceof Error && 'problemType' in e ? (e as ReturnType<typeof visureProblem>) : visureProblem('internal-error', 'Errore interno del servizio visure');
    switch (e.problemType) {
      case 'subject-not-found':
        return visureProblem('subject-not-found', 'Nessun soggetto in ANPR corrisponde al criterio indicato.');
      case 'more-than-one-subject':
        return visureProblem('more-than-one-subject', 'Più soggetti corrispondono al criterio: aggiungere data e luogo di nascita, o usare il codice fiscale.');
      case 'invalid-criteria':
      case 'validation-failed':
        return visureProblem('validation-failed', `Criterio di ricerca non valido: ${e.message}`);
      case 'forbidden-by-profile':
        return visureProblem('forbidden-by-profile', `Il profilo assegnato non consente la richiesta (${e.message}).`);
      case 'comune-not-agreed':
      case 'workstation-not-authorised':
      case 'forbidden':
        return visureProblem('forbidden', `Richiesta non consentita dal gateway: ${e.message}`);
      case 'quota-exceeded':
      case 'rate-limited':
        return visureProblem('rate-limited', 'Limite di richieste raggiunto: riprovare più tardi.', e.retryAfterSeconds ? { retryAfterSeconds: e.retryAfterSeconds } : {});
      case 'invalid-grant':
      case 'invalid-token':
      case 'unauthenticated':
        return visureProblem('unauthenticated', 'Accesso non valido o scaduto: accedere di nuovo.');
      default:
        if (e.transient) return visureProblem('anpr-unavailable', 'ANPR o il gateway non sono disponibili: riprovare più tardi.', { retryAfterSeconds: e.retryAfterSeconds ?? 5 });
        return visureProblem('gateway-unavailable', 'Il gateway GeRes ha rifiutato la richiesta.');
    }
  }

  // ── Mediation ─────────────────────────────────────────────────────────────────────────────

  /** Deferred requests of the mediator's Comune (STANDARDPS requesters and subjects masked). */
  async queue(c: Caller) {
    if (!c.requester.comune || !isRegistryOfficer(c.requester, c.requester.comune)) throw visureProblem('forbidden', 'La coda è riservata ai mediatori del Comune.');
    const rows = await this.em().find(VisuraRequest, { comune: c.requester.comune, state: { $in: ['pending_mediator', 'pending_silent_consent'] } }, { orderBy: { createdAt: 'asc' } });
    return rows.map((r) => this.view(r, c));
  }

  async approve(c: Caller, id: string) {
    const em = this.em();
    const req = await this.pendingFor(em, c, id);
    const stored = await this.storedGrant(em, req);
    if (!stored) throw visureProblem('conflict', 'La richiesta non ha più un\'autorizzazione del richiedente.');
    let mediated;
    try {
      mediated = await this.deps.gateway.exchange({ subjectToken: stored, actorToken: c.token });
    } catch (e) {
      if (e instanceof GatewayProblem && e.problemType === 'invalid-grant') {
        await this.finish(em, req, 'expired', { reason: 'L\'autorizzazione del richiedente è scaduta prima dell\'approvazione.', grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null });
        throw visureProblem('conflict', 'L\'autorizzazione del richiedente è scaduta: la richiesta non può più essere approvata.', { visuraId: req.id, state: req.state });
      }
      throw this.gatewayFailure(e);
    }
    req.mediatorId = c.user.id;
    req.mediatorName = c.user.name;
    await this.processDeferred(em, req, mediated.token, c.user.name);
    return req;
  }

  async reject(c: Caller, id: string, reason: string) {
    const em = this.em();
    const req = await this.pendingFor(em, c, id);
    await this.finish(em, req, 'rejected', { reason, mediatorId: c.user.id, mediatorName: c.user.name, grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null });
    return req;
  }

  private async pendingFor(em: EntityManager, c: Caller, id: string) {
    const req = await em.findOne(VisuraRequest, { id });
    if (!req || !isRegistryOfficer(c.requester, req.comune)) throw visureProblem('not-found', 'Richiesta non trovata tra quelle del Comune.');
    if (req.state !== 'pending_mediator' && req.state !== 'pending_silent_consent') throw visureProblem('conflict', `La richiesta non è in attesa (stato: ${req.state}).`, { state: req.state });
    return req;
  }

  /** The lookup again under the approved grant (the mediator's ANPR operator id), then the rules and the document. */
  private async processDeferred(em: EntityManager, req: VisuraRequest, grant: string, mediatorName: string) {
    const criterion: Criterion = { type: 'codiceFiscale', codiceFiscale: req.subjectCf! };
    const sections = [...new Set<Section>([...VISURA_RULES[req.type].sections, ...ROUTING_SECTIONS])];
    let answer;
    try {
      answer = await this.deps.gateway.search(grant, { comune: req.comune, criterion, sections, motivoRichiesta: req.motivoRichiesta, visuraType: req.type });
    } catch (e) {
      throw this.gatewayFailure(e);
    }
    await this.issueOrRefuse(em, req, answer.persons[0], answer.anprOperationId, mediatorName);
  }

  /** Silent consent: pending requests whose Comune's hours have passed, under its designated mediator. */
  async sweepSilentConsent(): Promise<{ processed: number; notDue: number; failed: number }> {
    const em = this.em();
    const out = { processed: 0, notDue: 0, failed: 0 };
    const pending = await em.find(VisuraRequest, { state: 'pending_silent_consent' }, { orderBy: { createdAt: 'asc' }, limit: 100 });
    for (const req of pending) {
      const comune = await this.deps.directory.comune(req.comune);
      if (!comune || req.createdAt.getTime() + comune.silentConsentHours * 3600_000 > this.now().getTime()) {
        out.notDue++;
        continue;
      }
      const stored = await this.storedGrant(em, req);
      if (!stored) continue;
      try {
        const silent = await this.deps.gateway.exchange({ subjectToken: stored, silentComune: req.comune });
        const mediator = comune.silentConsentMediator ? `${comune.silentConsentMediator} (silenzio-assenso)` : 'Silenzio-assenso del Comune';
        req.mediatorName = mediator;
        await this.processDeferred(em, req, silent.token, mediator);
        out.processed++;
      } catch (e) {
        if (e instanceof GatewayProblem && e.problemType === 'invalid-grant' && req.grantExpiresAt && req.grantExpiresAt < this.now()) {
          await this.finish(em, req, 'expired', { reason: 'L\'autorizzazione del richiedente è scaduta.', grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null });
        } else if (e instanceof GatewayProblem && e.problemType === 'invalid-grant') {
          out.notDue++;
          continue;
        }
        // A refusal (cannot-issue) is recorded on the request by issueOrRefuse.
        out.failed++;
      }
    }
    return out;
  }

  /** Requests kept because ANPR did not answer: tried again with the stored grant, then given up clearly. */
  async sweepRetries(): Promise<{ issued: number; failed: number; waiting: number }> {
    const em = this.em();
    const out = { issued: 0, failed: 0, waiting: 0 };
    const due = await em.find(VisuraRequest, { state: 'retrying', nextAttemptAt: { $lte: this.now() } }, { limit: 100 });
    for (const req of due) {
      const grant = await this.storedGrant(em, req);
      const giveUp = async (reason: string) => {
        await this.finish(em, req, 'failed', { reason, grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null, nextAttemptAt: null });
        out.failed++;
      };
      if (!grant) {
        await giveUp('ANPR non disponibile: richiesta non completata.');
        continue;
      }
      req.attempts++;
      const sections = [...new Set<Section>([...VISURA_RULES[req.type].sections, ...ROUTING_SECTIONS])];
      try {
        const answer = await this.deps.gateway.search(grant, { comune: req.comune, criterion: await this.retryCriterion(em, req), sections, motivoRichiesta: req.motivoRichiesta, visuraType: req.type });
        const person = answer.persons[0];
        this.identify(req, person);
        const comune = await this.comune(req.comune);
        const user = await this.deps.gateway.me(grant);
        const ente = user.ente ?? (user.enteId ? await this.deps.directory.ente(user.enteId) : null);
        const decision = route({ role: user.role, mediator: user.mediator, comune: user.comune, enteKind: ente?.kind ?? null, scope: user.profile?.scope ?? 'agreed' }, req.comune, whereSubjectLives(person), comune);
        req.route = decision.route;
        req.routeReason = decision.reason;
        if (decision.route === 'real_time') {
          await this.issueOrRefuse(em, req, person, answer.anprOperationId, null).catch(() => undefined);
          out.issued += req.state === 'issued' ? 1 : 0;
        } else if (decision.route === 'comune_of_residence_only') {
          await this.finish(em, req, 'comune_only', { residenceComuneName: whereSubjectLives(person).residenceName ?? undefined, anprProtocol: answer.anprOperationId, reason: null, grantCiphertext: null, grantExpiresAt: null, criterionCiphertext: null });
        } else {
          await giveUp('ANPR non disponibile al momento della richiesta: ripetere la richiesta.');
        }
      } catch (e) {
        if (e instanceof GatewayProblem && e.transient && req.attempts < this.deps.settings.maxAttempts) {
          req.nextAttemptAt = new Date(this.now().getTime() + this.deps.settings.retryDelaySeconds * 1000);
          await em.flush();
          out.waiting++;
        } else {
          await giveUp(e instanceof GatewayProblem && e.transient ? `ANPR non disponibile dopo ${req.attempts} tentativi: richiesta non completata.` : 'Richiesta non completata.');
        }
      }
    }
    return out;
  }

  private async retryCriterion(_em: EntityManager, req: VisuraRequest): Promise<Criterion> {
    if (req.subjectCf) return { type: 'codiceFiscale', codiceFiscale: req.subjectCf };
    if (!req.criterionCiphertext) throw new GatewayProblem(422, 'gone', 'criterion not kept');
    return JSON.parse(this.grants.decrypt(Buffer.from(req.criterionCiphertext, 'base64'), `${req.id}:criterion`).toString()) as Criterion;
  }

  // ── Archive ───────────────────────────────────────────────────────────────────────────────

  /** Who sees a request: its requester; an ADMIN their Ente's; a TOP their Comune's; never others' STANDARDPS requests. */
  private visibility(c: Caller): Record<string, unknown> {
    const own = { requesterId: c.user.id };
    if (c.user.role === 'TOP' && c.user.comune) return { $or: [own, { comune: c.user.comune, standardPs: false }] };
    if (c.user.role === 'ADMIN' && c.user.enteId) return { $or: [own, { enteId: c.user.enteId, standardPs: false }] };
    return own;
  }

  async list(c: Caller, f: ArchiveFilter) {
    const where: Record<string, unknown> = { ...this.visibility(c) };
    if (f.state) where.state = f.state;
    if (f.type) where.type = f.type;
    if (f.username) where.requesterUsername = f.username;
    if (f.from || f.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
    const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 1000);
    const page = Math.max(f.page ?? 1, 1);
    const [rows, total] = await this.em().findAndCount(VisuraRequest, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: rows.map((r) => this.view(r, c)), page, pageSize, total };
  }

  /** One request as its viewer may see it. */
  async get(c: Caller, id: string) {
    const em = this.em();
    const r = await em.findOne(VisuraRequest, { $and: [{ id }, this.visibility(c)] } as never);
    if (r) return this.view(r, c);
    // Mediators of the Comune see the deferred requests of their queue.
    const pending = await em.findOne(VisuraRequest, { id, state: { $in: ['pending_mediator', 'pending_silent_consent'] } });
    if (pending && isRegistryOfficer(c.requester, pending.comune)) return this.view(pending, c);
    throw visureProblem('not-found', 'Richiesta non trovata.');
  }

  /** The stored original, byte for byte. */
  async download(c: Caller, id: string) {
    const em = this.em();
    const r = await em.findOne(VisuraRequest, { $and: [{ id }, this.visibility(c)] } as never);
    if (!r?.documentId) throw visureProblem('not-found', 'Documento non trovato.');
    return this.original(em, r.documentId);
  }

  private async original(em: EntityManager, documentId: string) {
    const doc = await em.findOneOrFail(VisuraDocument, { id: documentId });
    const bytes = await this.deps.store.get(doc.storageKey);
    if (!bytes) throw visureProblem('internal-error', 'Il documento archiviato non è leggibile.');
    if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) throw visureProblem('internal-error', 'Il documento archiviato non corrisponde alla sua impronta.');
    return { documentId: doc.id, bytes };
  }

  view(r: VisuraRequest, c: Caller) {
    const masked = r.standardPs && r.requesterId !== c.user.id;
    return {
      id: r.id,
      type: r.type,
      title: VISURA_TITLES[r.type],
      state: r.state,
      route: r.route ?? null,
      comune: r.comune,
      criterionKind: r.criterionKind,
      subject: masked ? null : r.subjectCf ? { codiceFiscale: r.subjectCf, name: r.subjectName ?? null, birthDate: r.subjectBirthDate ?? null } : null,
      requester: masked ? null : { id: r.requesterId, username: r.requesterUsername, name: r.requesterName, role: r.requesterRole },
      mediator: r.mediatorName ?? null,
      reason: r.reason ?? null,
      comuneResidenza: r.residenceComuneName ?? null,
      anprProtocol: masked ? null : (r.anprProtocol ?? null),
      documentId: r.documentId ?? null,
      motivoRichiesta: masked ? null : r.motivoRichiesta,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    };
  }

  // ── Verification (public) ─────────────────────────────────────────────────────────────────

  /** id + CVD → the archived original until its expiry; throttled per address; every attempt logged. */
  async verify(documentId: string, cvd: string, clientIp: string) {
    const em = this.em();
    const log = async (outcome: VisuraVerification['outcome']) => {
      em.create(VisuraVerification, { documentId: documentId.slice(0, 40), outcome, clientIp: clientIp.slice(0, 64), at: this.now() } as never);
      await em.flush();
    };
    if (!this.allow(clientIp)) {
      await log('throttled');
      throw visureProblem('rate-limited', 'Troppe verifiche da questo indirizzo: riprovare tra un minuto.', { retryAfterSeconds: 60 });
    }
    const doc = await em.findOne(VisuraDocument, { id: documentId });
    if (!doc) {
      await log('unknown');
      throw visureProblem('not-found', 'Nessun documento corrisponde a identificativo e codice di verifica.');
    }
    const expected = Buffer.from(doc.cvdHash, 'hex');
    const given = Buffer.from(hashCvd(cvd), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await log('wrong_code');
      throw visureProblem('not-found', 'Nessun documento corrisponde a identificativo e codice di verifica.');
    }
    if (doc.expiresAt < this.now()) {
      await log('expired');
      throw visureProblem('document-expired', `Il documento era verificabile fino al ${doc.expiresAt.toISOString().slice(0, 10)}.`);
    }
    await log('ok');
    return this.original(em, doc.id);
  }

  private allow(ip: string): boolean {
    const now = Date.now();
    const slot = this.throttle.get(ip);
    if (!slot || now - slot.windowStart >= 60_000) {
      if (this.throttle.size > 50_000) this.throttle.clear();
      this.throttle.set(ip, { count: 1, windowStart: now });
      return true;
    }
    slot.count++;
    return slot.count <= this.deps.settings.verificationsPerMinute;
  }

  /** The Comune's seal certificate (PEM), for the offline check of the signed compact payload. */
  sealCertificate(comune: string): string {
    const seal = this.deps.seal(comune);
    if (!seal) throw visureProblem('not-found', `Nessun sigillo per il Comune ${comune}.`);
    const b64 = Buffer.from(seal.certificate).toString('base64').replace(/(.{64})/g, '$1\n');
    return `-----BEGIN CERTIFICATE-----\n${b64.trim()}\n-----END CERTIFICATE-----\n`;
  }
}

function candidatesOf(s: VisuraSearch): Candidate[] {
  return s.candidates.map((c, index) => ({ index, cognome: c.cognome, nome: c.nome, dataNascita: c.dataNascita, luogoNascita: c.luogoNascita }));
}

const hashCvd = (cvd: string) => createHash('sha256').update(cvd.toUpperCase().replace(/[^A-Z0-9]/g, '')).digest('hex');

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function base32(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31] + ALPHABET[(b >> 3) & 31];
  return out;
}
