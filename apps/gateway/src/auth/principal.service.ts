import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Application, Convenzione, User, Workstation } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem, type ProblemType } from '../common/problem.js';
import { AuditService, markAudited } from '../audit/audit.service.js';
import type { Principal } from './principal.js';
import { recognises } from './workstation-match.js';
import { GovernanceCache } from './governance-cache.js';

export const OPERATOR_HEADER = 'x-geres-operator';
export const WORKSTATION_HEADER = 'x-geres-workstation';
export const DEVICE_TOKEN_HEADER = 'x-geres-device-token';
export const CERT_FINGERPRINT_HEADER = 'x-ssl-client-fingerprint';

const today = () => new Date().toISOString().slice(0, 10);

/** What a person with a one-time password may do: see who they are, choose a password, log out. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['GET /v1/me', 'POST /v1/me/password', 'POST /v1/auth/logout']);

/**
 * The lookup routes, which only read governance data: their callers' user, application, mediator and
 * convenzioni come from GovernanceCache (shared, read-only entities). Every other route reads afresh.
 */
const readsGovernanceOnly = (req: Request) => req.path.startsWith('/v1/persons/') || req.path === '/v1/persons';

/**
 * Turns a verified token into a Principal: a person, or an application plus the operator it names,
 * plus the workstation when the Comune's policy asks for authorised ones. Every refusal is audited.
 */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly cache: GovernanceCache,
  ) {}

  /** Through the cache on the lookup routes, afresh elsewhere. */
  private read<T>(req: Request, key: string, load: () => Promise<T>): Promise<T> {
    return readsGovernanceOnly(req) ? this.cache.get(key, load) : load();
  }

  async resolve(payload: { sub?: string; typ?: string; jti?: string; act?: { sub?: unknown }; med?: unknown }, req: Request): Promise<Principal> {
    const em = this.em.fork();
    let user: User | null;
    let application: Application | undefined;
    if (payload.typ === 'user') {
      user = await this.read(req, `user:${payload.sub}`, () => em.findOne(User, { id: payload.sub }, { populate: ['ente', 'comune'] }));
      if (!user) throw problem('invalid-token', 'The user of this token no longer exists');
      if (user.status !== 'active') await this.deny(req, 'account-suspended', 'user_suspended', { user });
    } else if (payload.typ === 'app') {
      const named = req.header(OPERATOR_HEADER);
      // Only the operator named is loaded with the application, whatever the number of its operators
      // (populateWhere filters the joined collection: its one item, or none when not registered).
      const app = await this.read(req, `app:${payload.sub}:${named ?? ''}`, () =>
        named
          ? em.findOne(Application, { id: payload.sub }, {
              populate: ['ente', 'operators', 'operators.ente', 'operators.comune'],
              populateWhere: { operators: { $or: [{ username: named }, { id: named }] } },
            })
          : em.findOne(Application, { id: payload.sub }, { populate: ['ente'] }),
      );
      if (!app || app.status !== 'active') throw problem('invalid-token', 'The application of this token is revoked');
      application = app;
      if (!named) await this.deny(req, 'operator-required', 'operator_missing', { application: app }, `Send the operator's username in ${OPERATOR_HEADER}`);
      user = app.operators.getItems().find((u) => u.username === named || u.id === named) ?? null;
      if (!user || user.ente?.id !== app.ente.id) {
        await this.deny(req, 'operator-not-allowed', 'operator_not_registered', { application: app }, `The application may not act for "${named}"`);
      }
      if (user!.status !== 'active') await this.deny(req, 'operator-not-allowed', 'operator_suspended', { application: app, user: user! });
    } else {
      throw problem('invalid-token', 'Unknown token type');
    }
    if (user!.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.route?.path ?? req.path}`)) {
      throw problem('password-change-required', 'Change your password with POST /v1/me/password first');
    }
    const principal: Principal = { user: user!, role: user!.role, application, tokenId: payload.jti };
    if (payload.act !== undefined) await this.delegation(principal, payload, em, req);
    principal.workstation = await this.checkWorkstation(em, principal, req);
    return principal;
  }

  /**
   * A delegation grant: the acting service must still be configured, and a mediator it carries must
   * still be an active mediator with an ANPR identity, at every request.
   */
  private async delegation(p: Principal, payload: { act?: { sub?: unknown }; med?: unknown; typ?: string }, em: EntityManager, req: Request) {
    const service = typeof payload.act?.sub === 'string' ? payload.act.sub : undefined;
    if (payload.typ !== 'user' || !service || !this.config.serviceClients.has(service)) {
      throw problem('invalid-token', 'The service this grant was issued to is not registered');
    }
    p.actingService = service;
    if (payload.med === undefined) return;
    const m = await this.read(req, `mediator:${String(payload.med)}`, () => em.findOne(User, { id: String(payload.med) }, { populate: ['comune'] }));
    if (!m || m.status !== 'active' || !m.mediator || !m.anprOperatorId) throw problem('invalid-token', 'The mediator of this grant is no longer an active mediator');
    p.mediator = m;
  }

  /**
   * Workstation policy: for users of an Ente, if any Comune the Ente works with requires authorised
   * workstations, the call must come from a recognised, authorised workstation of that Ente. TOP
   * users are the Comune's own registry officers and are not subject to it.
   */
  private async checkWorkstation(em: EntityManager, p: Principal, req: Request): Promise<Workstation | undefined> {
    const code = req.header(WORKSTATION_HEADER);
    const ente = p.user.ente;
    let ws: Workstation | null = null;
    if (code && ente) ws = await em.findOne(Workstation, { code, ente: ente.id });
    const evidence = {
      deviceToken: req.header(DEVICE_TOKEN_HEADER),
      certFingerprint: this.config.trustProxy ? req.header(CERT_FINGERPRINT_HEADER) : undefined,
      clientIp: req.ip,
    };
    const recognised = ws && recognises(ws, evidence) ? ws : undefined;
    if (!ente) return recognised;
    const convenzioni = await this.read(req, `convenzioni:${ente.id}`, () => em.find(Convenzione, { ente: ente.id }, { populate: ['comune'] }));
    // Read once per request: the lookup chain checks the convenzione with the target Comune on these.
    p.convenzioni = convenzioni;
    const day = today();
    const strict = convenzioni.some((c) => c.isActiveOn(day) && c.comune.workstationPolicy === 'authorised');
    if (!strict) return recognised;
    if (!recognised) {
      await this.deny(req, 'workstation-not-authorised', code ? 'workstation_not_recognised' : 'workstation_missing', p, code ? `Workstation "${code}" was not recognised` : `Send the workstation code in ${WORKSTATION_HEADER}`);
    }
    if (!recognised!.authorised) await this.deny(req, 'workstation-not-authorised', 'workstation_not_authorised', p, `Workstation "${code}" is not authorised`);
    return recognised;
  }

  private async deny(
    req: Request,
    type: ProblemType,
    rule: string,
    who: { user?: User; application?: Application },
    detail?: string,
  ): Promise<never> {
    await this.audit.record({
      requestId: (req as any).id,
      userId: who.user?.id,
      username: who.user?.username,
      enteId: who.user?.ente?.id ?? who.application?.ente?.id,
      applicationId: who.application?.id,
      clientIp: req.ip,
      workstation: req.header(WORKSTATION_HEADER),
      operation: `${req.method} ${req.route?.path ?? req.path}`,
      outcome: 'denied',
      outcomeDetail: rule,
      monitored: who.user?.role !== 'STANDARDPS',
    });
    throw markAudited(problem(type, detail, { rule }));
  }
}
