import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { isAnprError, validateCodiceFiscale, validateIdAnpr, type LookupResult, type PersonCriterion, type PersonQuery, type Section } from '#libs/anpr';
import { Comune, Convenzione, Profile, type AuditOutcome } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { ProblemException, problem, type ProblemType } from '../common/problem.js';
import { AuditService, markAudited } from '../audit/audit.service.js';
import { logger } from '../common/logger.js';
import { AnprConfigurationError } from '../anpr/secret-ref.js';
import { IdempotencyService } from './idempotency.service.js';
import { AnprConnectorService } from '../anpr/anpr-connector.service.js';
import type { Principal, RequestMeta } from '../auth/principal.js';
import { COUNTER_STORE, type CounterStore } from './counter-store.js';
import { GovernanceCache } from '../auth/governance-cache.js';
import type { CriterionDto, SearchPersonsDto } from './lookup.dto.js';
import { residenceComune, subjectIds, trimPerson } from './person-view.js';

export interface LookupResponse {
  persons: ReturnType<typeof trimPerson>[];
  anprOperationId: string;
  warnings: Array<{ code: string; text: string }>;
  comune: string;
  asOf: string;
  requestId: string;
}

/** Today in Italy, and the seconds until the next Italian midnight (when daily quotas reset). */
const ITALIAN_CLOCK = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export function italianDay(now = new Date()): { day: string; secondsToMidnight: number } {
  const parts = ITALIAN_CLOCK.formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const day = `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}-${parts.find((p) => p.type === 'day')!.value}`;
  return { day, secondsToMidnight: 86400 - (get('hour') * 3600 + get('minute') * 60 + get('second')) };
}

class Denial extends ProblemException {
  constructor(
    type: ProblemType,
    readonly rule: string,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(type, detail, { rule, ...extensions });
  }
}

/**
 * An ANPR failure as the caller sees it (`problem`), and as the log and the audit event record it
 * (`internal`: the raw cause, which may name hosts, ports or files).
 */
class AnprFailure extends ProblemException {
  constructor(
    type: ProblemType,
    detail: string,
    extensions: Record<string, unknown>,
    readonly internal: string,
  ) {
    super(type, detail, extensions);
  }
}

const ANPR_UNAVAILABLE = 'ANPR is unavailable or did not answer in time; try again later';
const ANPR_MISCONFIGURED = 'The connection of this Comune to ANPR is not working; the registry office must check its ANPR settings';
/** `invalid_request` fields that name the Comune's or gateway's ANPR wiring rather than the caller's request. */
const CONFIGURATION_FIELD = /^(comune\.|soap\.|pdnd\.|operatorId$|workstation$)|keystore/i;

/** What an idempotent request keeps besides the answer, to re-check it when replayed. */
interface StoredAnswer {
  answer: LookupResponse;
  /** The residence Comune of each person of the answer (null when unknown), in order. */
  residences: Array<string | null>;
}

/**
 * The lookup chain, the same for every caller: principal → ANPR operator acted for → workstation
 * policy → convenzione with the target Comune → profile (Comune, scope, sections, purpose) → daily
 * quota → durable audit intent → ANPR with the Comune's credentials → answer trimmed to what the
 * profile allows → audit event (denials and failures too) → response. An idempotent replay goes
 * through the same authorisation (not the quota: ANPR is not called) before the stored answer.
 */
@Injectable()
export class LookupService {
  constructor(
    private readonly em: EntityManager,
    private readonly connector: AnprConnectorService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly governance: GovernanceCache,
  ) {}

  async search(p: Principal, dto: SearchPersonsDto, meta: RequestMeta, operation = 'searchPersons'): Promise<LookupResponse> {
    return (await this.run(p, dto, meta, operation)).answer;
  }

  /**
   * `POST /v1/persons/search` with an Idempotency-Key: the first request runs and its answer is
   * stored (encrypted); a repeat is re-authorised against the caller's current profile, Comune,
   * convenzione and workstation, then answered from the store. Refusals of the key itself (409,
   * 422) reach the refusal auditor like every other error of the lookup endpoints.
   */
  async searchIdempotent(p: Principal, dto: SearchPersonsDto, meta: RequestMeta, key: string, request: { method: string; path: string; body: unknown }): Promise<{ answer: LookupResponse; replayed: boolean }> {
    const caller = p.application ? `app:${p.application.id}:${p.user.id}` : `user:${p.user.id}`;
    const start = await this.idempotency.begin(caller, key, request.method, request.path, request.body);
    if ('replay' in start) return { answer: await this.replay(p, dto, meta, start.replay.body as StoredAnswer), replayed: true };
    try {
      const stored = await this.run(p, dto, meta, 'searchPersons');
      await this.idempotency.complete(start.recordId, 200, stored);
      return { answer: stored.answer, replayed: false };
    } catch (e) {
      await this.idempotency.abandon(start.recordId);
      throw e;
    }
  }

  private async run(p: Principal, dto: SearchPersonsDto, meta: RequestMeta, operation: string): Promise<StoredAnswer> {
    const started = process.hrtime.bigint();
    const criterion = toCriterion(dto.criterion);
    const asOf = dto.asOf ?? italianDay().day;
    let anprOperatorId: string | undefined;
    let anprOperationId: string | undefined;
    let subjects: string[] = [];
    const request = requestAudit(p, dto, meta, operation, criterion);
    const record = (outcome: AuditOutcome, detail?: string, operationId = anprOperationId) =>
      this.audit.record({
        ...request,
        anprOperatorId,
        subjects,
        outcome,
        outcomeDetail: detail,
        anprOperationId: operationId,
        latencyMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
      });

    try {
      const { comune, profile } = await this.authorise(p, dto, this.em.fork());
      anprOperatorId = this.operatorFor(p, comune);
      await this.chargeQuota(p, profile);

      const scoped = profile.scope === 'agreed';
      // Residence is needed to apply an `agreed` scope even when the caller did not ask for it.
      const asked: Section[] = scoped && !dto.sections.includes('residenza') ? [...dto.sections, 'residenza'] : dto.sections;
      const query: PersonQuery = { criterion, sections: asked, asOf, motivoRichiesta: dto.motivoRichiesta };
      let result: LookupResult;
      try {
        result = await this.connector.lookup(comune, query, {
          operatorId: anprOperatorId,
          workstationCode: p.workstation?.code,
          clientIp: meta.clientIp,
          requestId: meta.requestId,
          user: p.user,
          // The intent is durable before ANPR hears of the request: after a crash, every call ANPR
          // received has its record, with the operation id ANPR saw.
          beforeCall: async (id) => {
            anprOperationId = id;
            await record('pending', 'anpr_call', id);
          },
        });
      } catch (e) {
        throw this.anprProblem(e, meta);
      }
      anprOperationId = result.anprOperationId;
      subjects = subjectIds(result.persons);
      let persons = result.persons;
      if (scoped) {
        persons = persons.filter((x) => profile.allowedComuni.includes(residenceComune(x) ?? ''));
        if (!persons.length) {
          throw new Denial('forbidden-by-profile', 'scope_agreed_comuni', `Your profile covers residents of ${profile.allowedComuni.join(', ')} only`);
        }
      }
      await record('ok');
      return {
        answer: {
          persons: persons.map((x) => trimPerson(x, dto.sections)),
          anprOperationId: result.anprOperationId,
          warnings: result.warnings,
          comune: comune.codiceIstat,
          asOf,
          requestId: meta.requestId,
        },
        residences: persons.map((x) => residenceComune(x) ?? null),
      };
    } catch (e) {
      const [outcome, detail] = auditOutcomeOf(e);
      await record(outcome, detail);
      throw typeof e === 'object' && e !== null ? markAudited(e) : e;
    }
  }

  /** A replayed answer is a request too: re-authorised now, and audited, without a second ANPR call. */
  private async replay(p: Principal, dto: SearchPersonsDto, meta: RequestMeta, stored: StoredAnswer): Promise<LookupResponse> {
    const request = requestAudit(p, dto, meta, 'searchPersons', toCriterion(dto.criterion));
    const subjects = subjectIds(stored.answer.persons);
    try {
      const { profile } = await this.authorise(p, dto, this.em.fork());
      if (profile.scope === 'agreed' && !stored.residences.every((r) => r !== null && profile.allowedComuni.includes(r))) {
        throw new Denial('forbidden-by-profile', 'scope_agreed_comuni', `Your profile covers residents of ${profile.allowedComuni.join(', ')} only`);
      }
    } catch (e) {
      const [outcome, detail] = auditOutcomeOf(e);
      await this.audit.record({ ...request, subjects, outcome, outcomeDetail: `replay:${detail}`, anprOperationId: stored.answer.anprOperationId });
      throw typeof e === 'object' && e !== null ? markAudited(e) : e;
    }
    await this.audit.record({ ...request, subjects, outcome: 'ok', outcomeDetail: 'idempotent_replay', anprOperationId: stored.answer.anprOperationId });
    return stored.answer;
  }

  /** Workstation policy, convenzione (or, for TOP, their own Comune) and profile checks, in that order. */
  private async authorise(p: Principal, dto: SearchPersonsDto, em: EntityManager): Promise<{ comune: Comune; profile: Profile }> {
    const comune = await this.governance.get(`comune:${dto.comune}`, () => em.findOne(Comune, { codiceIstat: dto.comune }));
    if (!comune) throw new Denial('comune-not-agreed', 'unknown_comune', `Comune ${dto.comune} is not served by this gateway`);
    if (comune.workstationPolicy === 'authorised' && p.role !== 'TOP' && !p.workstation?.authorised) {
      throw new Denial('workstation-not-authorised', 'workstation_required_by_comune', `Comune ${comune.nome} accepts requests from authorised workstations only`);
    }
    if (p.role === 'TOP') {
      if (p.user.comune?.id !== comune.id) throw new Denial('comune-not-agreed', 'other_comune', `You are a registry officer of another Comune`);
    } else {
      const conv = p.convenzioni
        ? p.convenzioni.filter((c) => c.comune.id === comune.id)
        : await em.find(Convenzione, { ente: p.user.ente!.id, comune: comune.id });
      const day = italianDay().day;
      if (!conv.some((c) => c.isActiveOn(day))) throw new Denial('comune-not-agreed', 'no_active_convenzione', `Your ente has no active convenzione with ${comune.nome}`);
    }
    const profile = await this.governance.get(`profile:${p.user.id}`, () => em.findOne(Profile, { user: p.user.id }));
    if (!profile) throw new Denial('forbidden-by-profile', 'no_profile', 'You have no profile yet; ask who manages you');
    if (!profile.allowedComuni.includes(comune.codiceIstat)) {
      throw new Denial('forbidden-by-profile', 'comune_not_in_profile', `Your profile does not include Comune ${comune.nome}`);
    }
    const denied = dto.sections.filter((s) => !profile.sections.includes(s));
    if (denied.length) throw new Denial('forbidden-by-profile', `section_not_allowed:${denied.join(',')}`, `Your profile does not allow the sections ${denied.join(', ')}`);
    if (dto.purpose === 'visura' && !profile.visuraTypes.includes(dto.visuraType!)) {
      throw new Denial('forbidden-by-profile', `visura_type_not_allowed:${dto.visuraType}`, `Your profile does not allow visure of type ${dto.visuraType}`);
    }
    if (dto.purpose === 'rivestizione' && !profile.rivestizioneFields.length) {
      throw new Denial('forbidden-by-profile', 'rivestizione_not_allowed', 'Your profile does not allow rivestizione');
    }
    return { comune, profile };
  }

  /**
   * A mediator of the Comune uses their own ANPR identity, and so does a grant that carries a
   * mediator's approval of this Comune (R-ACC-1); everyone else the Comune's operator.
   */
  private operatorFor(p: Principal, comune: Comune): string {
    if (p.mediator?.anprOperatorId && p.mediator.comune?.id === comune.id) return p.mediator.anprOperatorId;
    if (p.role === 'TOP' && p.user.mediator && p.user.anprOperatorId && p.user.comune?.id === comune.id) return p.user.anprOperatorId;
    if (!comune.defaultAnprOperatorId) throw problem('anpr-unavailable', `Comune ${comune.nome} has no ANPR operator configured`);
    return comune.defaultAnprOperatorId;
  }

  private async chargeQuota(p: Principal, profile: Profile) {
    const { day, secondsToMidnight } = italianDay();
    const key = `geres:quota:${p.user.id}:${day}`;
    const used = await this.counters.incr(key, 2 * 86400);
    if (used > profile.dailyQuota) {
      await this.counters.incr(key, 2 * 86400, -1);
      throw new Denial('quota-exceeded', 'daily_quota', `You have used your ${profile.dailyQuota} lookups for today`, { retryAfterSeconds: secondsToMidnight, dailyQuota: profile.dailyQuota });
    }
  }

  async usage(p: Principal) {
    const { day, secondsToMidnight } = italianDay();
    const profile = await this.em.fork().findOne(Profile, { user: p.user.id });
    const used = await this.counters.get(`geres:quota:${p.user.id}:${day}`);
    const dailyQuota = profile?.dailyQuota ?? 0;
    return { day, dailyQuota, used, remaining: Math.max(0, dailyQuota - used), resetsInSeconds: secondsToMidnight };
  }

  /**
   * ANPR's own answers keep their meaning (not found, ambiguous, invalid criteria, refused
   * credentials). Connection failures, timeouts, unreadable secrets and a broken ANPR wiring of the
   * Comune become `anpr-unavailable` with a generic detail: the cause goes to the log and to the
   * audit event, never to the caller. Anything else is a fault of ours and goes on, unchanged, to
   * the problem filter (a logged 500 internal-error).
   */
  private anprProblem(e: unknown, meta: RequestMeta): unknown {
    if (e instanceof ProblemException) return e;
    const unavailable = (detail: string, internal: string, ext: Record<string, unknown> = {}) => {
      logger.warn({ requestId: meta.requestId, cause: internal }, 'ANPR call failed');
      return new AnprFailure('anpr-unavailable', detail, { retryAfterSeconds: 5, ...ext }, internal);
    };
    if (e instanceof AnprConfigurationError) return unavailable(ANPR_MISCONFIGURED, e.message);
    if (!isAnprError(e)) return e;
    const d = e.details;
    const ext = { anprCode: d.anprCode, anprOperationId: d.anprOperationId };
    switch (e.kind) {
      case 'not_found':
        return problem('subject-not-found', e.message, ext);
      case 'ambiguous':
        return problem('more-than-one-subject', e.message, ext);
      case 'invalid_request':
        if (d.field && CONFIGURATION_FIELD.test(d.field)) return unavailable(ANPR_MISCONFIGURED, e.message, ext);
        return problem('invalid-criteria', e.message, { ...ext, errors: [{ field: d.field ?? 'criterion', message: e.message }] });
      case 'security_rejected':
        logger.warn({ requestId: meta.requestId, cause: e.message }, 'ANPR refused the gateway credentials');
        return problem('anpr-rejected', 'ANPR refused this gateway\'s credentials for the Comune; the registry office must check them', ext);
      default:
        return unavailable(ANPR_UNAVAILABLE, e.message, { ...ext, retryAfterSeconds: d.retryAfterSeconds ?? 5 });
    }
  }
}

/** What the audit trail records about the request itself, whatever its outcome. */
function requestAudit(p: Principal, dto: SearchPersonsDto, meta: RequestMeta, operation: string, criterion: PersonCriterion) {
  return {
    requestId: meta.requestId,
    userId: p.user.id,
    username: p.user.username,
    enteId: p.user.ente?.id,
    applicationId: p.application?.id,
    actingService: p.actingService,
    mediatorId: p.mediator?.id,
    workstation: p.workstation?.code,
    clientIp: meta.clientIp,
    targetComune: dto.comune,
    operation,
    purpose: dto.purpose === 'visura' ? `visura:${dto.visuraType}` : (dto.purpose ?? 'lookup'),
    motivoRichiesta: dto.motivoRichiesta,
    criterionType: criterion.kind,
    criterionValue: criterionValue(criterion),
    sections: dto.sections,
    monitored: p.role !== 'STANDARDPS',
  };
}

function auditOutcomeOf(e: unknown): [AuditOutcome, string] {
  if (e instanceof Denial) return ['denied', e.rule];
  if (e instanceof AnprFailure) return ['error', `${e.problemType}: ${e.internal}`];
  if (e instanceof ProblemException) {
    if (e.problemType === 'subject-not-found') return ['not_found', 'EN122'];
    return ['error', e.problemType];
  }
  return ['error', `internal: ${(e as Error)?.name ?? typeof e}`];
}

/** Checks identifiers (check characters included) before anything else; builds the port's criterion. */
export function toCriterion(c: CriterionDto): PersonCriterion {
  const invalid = (field: string, message: string) => problem('invalid-criteria', message, { errors: [{ field, message }] });
  switch (c.type) {
    case 'codiceFiscale': {
      const cf = c.codiceFiscale!.trim().toUpperCase();
      const v = validateCodiceFiscale(cf);
      if (!v.valid) throw invalid('criterion.codiceFiscale', `codiceFiscale ${cf}: ${v.message}`);
      return { kind: 'codiceFiscale', codiceFiscale: cf };
    }
    case 'idANPR': {
      const id = c.idANPR!.trim().toUpperCase();
      const v = validateIdAnpr(id) as { valid: boolean; message?: string };
      if (!v.valid) throw invalid('criterion.idANPR', `idANPR ${id}: ${v.message ?? 'not valid'}`);
      return { kind: 'idANPR', idANPR: id };
    }
    case 'documento':
      return { kind: 'documento', tipo: c.tipoDocumento!, numero: c.numeroDocumento!.trim().toUpperCase() };
    case 'generalita':
      if (c.luogoNascita && !c.dataNascita) throw invalid('criterion.luogoNascita', 'luogoNascita needs dataNascita too');
      return {
        kind: 'generalita',
        cognome: c.cognome!.trim().toUpperCase(),
        nome: c.nome!.trim().toUpperCase(),
        dataNascita: c.dataNascita,
        luogoNascita: c.luogoNascita ? { codiceIstatComune: c.luogoNascita.codiceIstatComune, codiceStato: c.luogoNascita.codiceStato } : undefined,
      };
  }
}

function criterionValue(c: PersonCriterion): string {
  switch (c.kind) {
    case 'codiceFiscale':
      return c.codiceFiscale;
    case 'idANPR':
      return c.idANPR;
    case 'documento':
      return `${c.tipo}:${c.numero}`;
    case 'generalita':
      return [c.cognome, c.nome, c.dataNascita, c.luogoNascita?.codiceIstatComune ?? c.luogoNascita?.codiceStato].filter(Boolean).join(' ');
  }
}
