import { isStorableText } from '../common/validation.js';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService, isAudited } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { WORKSTATION_HEADER } from '../auth/principal.service.js';
import type { ProblemObserver, RenderedProblem } from '../common/problem.filter.js';

/** The lookup endpoints: `POST /v1/persons/search` and `GET /v1/persons/{identifier}`. */
const LOOKUP_PATH = /^\/v1\/persons\/[^/]+\/?$/;

/** Text the request carried, kept only when it is storable: a refused NUL or lone surrogate is not copied into the trail. */
const text = (v: unknown): string | undefined => (typeof v === 'string' && isStorableText(v) && !v.includes('\uFFFD') ? v : undefined);

/**
 * Records every refusal of a lookup endpoint that nothing recorded before it: the validation
 * layer's 400s (thrown before the controller), missing or bad tokens (401), rate limits (429, one
 * event per refused request, not a summary), Idempotency-Key conflicts (409, 422) and any other
 * error. Refusals the lookup itself or the principal check already audited are marked and skipped.
 * It runs in the problem filter, where every error response passes, and the answer waits for the
 * event to be durable.
 */
@Injectable()
export class LookupRefusalAuditor implements ProblemObserver {
  constructor(private readonly audit: AuditService) {}

  async observe(req: Request, exception: unknown, problem: RenderedProblem): Promise<void> {
    if (!LOOKUP_PATH.test(req.path) || isAudited(exception)) return;
    const p = req.user as Principal | undefined;
    const body = (req.method === 'POST' && typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const query = req.query as Record<string, unknown>;
    const criterion = (typeof body.criterion === 'object' && body.criterion !== null ? body.criterion : {}) as Record<string, unknown>;
    const getPerson = req.method === 'GET';
    const criterionType = getPerson ? 'identifier' : text(criterion.type);
    const criterionValue = getPerson
      ? text(decodeURIComponentSafe(req.path.split('/')[3] ?? ''))
      : [criterion.codiceFiscale, criterion.idANPR, criterion.tipoDocumento, criterion.numeroDocumento, criterion.cognome, criterion.nome, criterion.dataNascita].map(text).filter(Boolean).join(' ') || undefined;
    const sections = Array.isArray(body.sections) ? body.sections.map(text).filter((x): x is string => x !== undefined) : text(query.sections)?.split(',');
    await this.audit.record({
      requestId: (req as Request & { id: string }).id,
      userId: p?.user?.id,
      username: p?.user?.username,
      enteId: p?.user?.ente?.id,
      applicationId: p?.application?.id,
      workstation: p?.workstation?.code ?? text(req.header(WORKSTATION_HEADER)),
      clientIp: req.ip,
      targetComune: text(body.comune) ?? text(query.comune),
      operation: getPerson ? 'getPerson' : 'searchPersons',
      purpose: text(body.purpose),
      motivoRichiesta: text(body.motivoRichiesta) ?? text(query.motivoRichiesta),
      criterionType,
      criterionValue,
      sections: sections ?? [],
      outcome: problem.status >= 500 ? 'error' : 'denied',
      outcomeDetail: problem.type,
      monitored: p ? p.role !== 'STANDARDPS' : true,
    });
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
