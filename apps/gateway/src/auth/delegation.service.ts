import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Comune, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { AccessLogService } from '../audit/access-log.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import type { RequestMeta } from './principal.js';

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** What a consumer service asks for (RFC 8693 §2.1, plus GeRes's mediation parameters). */
export interface ExchangeRequest {
  subjectToken: string;
  subjectTokenType?: string;
  actorToken?: string;
  actorTokenType?: string;
  requestedLifetime?: number;
  mediation?: 'silent';
  comune?: string;
}

export interface ExchangedToken {
  access_token: string;
  issued_token_type: typeof ACCESS_TOKEN_TYPE;
  token_type: 'Bearer';
  expires_in: number;
}

/** The claims of a delegation grant, besides iss/aud/iat/exp. */
interface GrantClaims {
  sub: string;
  typ: 'user';
  role: string;
  username: string;
  jti: string;
  /** RFC 8693 §4.1: the service acting for the subject. */
  act: { sub: string };
  /** When the first grant of this chain was issued (epoch seconds): the request's submission. */
  gat: number;
  /** The mediator whose approval this grant carries. */
  med?: string;
  /** How the mediation was given. */
  cns?: 'mediator' | 'silent';
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const invalidGrant = (detail: string) => problem('invalid-grant', detail, { error: 'invalid_grant' });

/**
 * Delegation grants for the consumer services (visure, rivestizione, console): a service that
 * proves who it is exchanges the token of the person who asked for a grant to act for that person
 * only (the `act` claim names the service). A grant kept for a deferred request can later be
 * exchanged again, never extended, to carry a mediator's approval (the mediator's own token as the
 * actor token) or, once the Comune's silent-consent hours have passed since the request, its
 * designated mediator. Lookups under a grant use the mediator's ANPR operator id in the mediator's
 * Comune, and the audit trail names person, service and mediator.
 */
@Injectable()
export class DelegationService {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: SigningKeysService,
    private readonly accessLog: AccessLogService,
    private readonly throttle: LoginThrottleService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** True when `clientId` names a configured consumer service (its secret is checked separately). */
  isService(clientId: string): boolean {
    return this.config.serviceClients.has(clientId);
  }

  /** Checks a service's secret in constant time; failures are throttled like application secrets. */
  async authenticateService(clientId: string, secret: string, meta: RequestMeta): Promise<void> {
    await this.throttle.check('client', clientId, meta.clientIp);
    const expected = this.config.serviceClients.get(clientId);
    if (!expected || !timingSafeEqual(digest(expected), digest(secret))) {
      await this.throttle.fail('client', clientId, meta.clientIp);
      throw problem('invalid-client', undefined, { error: 'invalid_client' });
    }
    await this.throttle.succeed('client', clientId, meta.clientIp);
  }

  async exchange(service: string, req: ExchangeRequest, meta: RequestMeta): Promise<ExchangedToken> {
    if (req.subjectTokenType !== undefined && req.subjectTokenType !== ACCESS_TOKEN_TYPE) throw invalidGrant(`subject_token_type must be ${ACCESS_TOKEN_TYPE}`);
    if (req.actorToken !== undefined && req.actorTokenType !== undefined && req.actorTokenType !== ACCESS_TOKEN_TYPE) throw invalidGrant(`actor_token_type must be ${ACCESS_TOKEN_TYPE}`);
    if (req.actorToken && req.mediation) throw invalidGrant('Give either a mediator\'s actor_token or mediation=silent, not both');
    const subject = await this.verified(req.subjectToken, 'subject_token');
    if (subject.typ !== 'user') throw invalidGrant('The subject_token must be a person\'s token');
    const previous = subject.act as { sub?: unknown } | undefined;
    if (previous !== undefined && previous.sub !== service) throw invalidGrant('The subject_token is a grant of another service');
    if (previous === undefined && (req.actorToken || req.mediation)) {
      throw invalidGrant('A mediation is added to a stored grant: give the grant issued when the request was made as subject_token');
    }
    const em = this.em.fork();
    const user = await em.findOne(User, { id: String(subject.sub) }, { populate: ['ente', 'comune'] });
    if (!user || user.status !== 'active') throw invalidGrant('The person of the subject_token is not active');
    if (user.mustChangePassword) throw invalidGrant('The person must change their one-time password first');

    const now = Math.floor(Date.now() / 1000);
    const gat = previous === undefined ? now : Number(subject.gat);
    let mediator: User | undefined;
    let consent: GrantClaims['cns'];
    if (req.actorToken) {
      mediator = await this.mediatorFromToken(req.actorToken, em);
      consent = 'mediator';
    } else if (req.mediation === 'silent') {
      mediator = await this.silentConsentMediator(req.comune, gat, now, em);
      consent = 'silent';
    } else if (subject.med !== undefined) {
      // Re-exchanging a mediated grant keeps its mediation (revalidated when it is used).
      mediator = (await em.findOne(User, { id: String(subject.med) })) ?? undefined;
      consent = subject.cns as GrantClaims['cns'];
    }

    const asked = req.requestedLifetime ?? this.config.accessTokenTtlSeconds;
    if (!Number.isInteger(asked) || asked < 1) throw invalidGrant('requested_lifetime must be a positive whole number of seconds');
    let expiresAt = now + Math.min(asked, this.config.delegationMaxSeconds);
    // A stored grant is never extended: its exchanges end when it does.
    if (previous !== undefined) expiresAt = Math.min(expiresAt, Number(subject.exp), gat + this.config.delegationMaxSeconds);
    const ttl = expiresAt - now;
    if (ttl < 1) throw invalidGrant('The stored grant has expired');

    const claims: GrantClaims = { sub: user.id, typ: 'user', role: user.role, username: user.username, jti: randomUUID(), act: { sub: service }, gat };
    if (mediator) {
      claims.med = mediator.id;
      claims.cns = consent;
    }
    const token = await this.keys.sign({ ...claims }, ttl);
    await this.accessLog.record({
      event: 'delegation',
      userId: user.id,
      username: user.username,
      enteId: user.ente?.id,
      comune: user.comune?.codiceIstat,
      detail: `${service}${consent ? ` ${consent}:${mediator!.username}` : ''}`.slice(0, 80),
      clientIp: meta.clientIp,
      requestId: meta.requestId,
      monitored: user.role !== 'STANDARDPS',
    });
    return { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: ttl };
  }

  private async verified(token: string, field: string) {
    try {
      return await this.keys.verify(token);
    } catch (e) {
      throw invalidGrant(`The ${field} is not valid: ${(e as Error).message}`);
    }
  }

  /** The actor is a mediator acting with their own token (not a grant), active, with an ANPR identity. */
  private async mediatorFromToken(actorToken: string, em: EntityManager): Promise<User> {
    const actor = await this.verified(actorToken, 'actor_token');
    if (actor.typ !== 'user' || actor.act !== undefined) throw invalidGrant('The actor_token must be the mediator\'s own token');
    const m = await em.findOne(User, { id: String(actor.sub) }, { populate: ['comune'] });
    if (!m || m.status !== 'active' || !m.mediator || !m.anprOperatorId || !m.comune) {
      throw invalidGrant('The actor is not an active mediator of a Comune with an ANPR operator id');
    }
    return m;
  }

  /** Silent consent: the Comune's hours have passed since the request, under its designated mediator. */
  private async silentConsentMediator(istat: string | undefined, gat: number, now: number, em: EntityManager): Promise<User> {
    if (!istat || !/^\d{6}$/.test(istat)) throw invalidGrant('mediation=silent needs the comune (ISTAT code) whose silent consent applies');
    const comune = await em.findOne(Comune, { codiceIstat: istat });
    if (!comune) throw invalidGrant(`Comune ${istat} is not served by this gateway`);
    const due = gat + comune.silentConsentHours * 3600;
    if (now < due) throw invalidGrant(`Silent consent of Comune ${istat} is due at ${new Date(due * 1000).toISOString()}`);
    const m = comune.silentConsentMediator
      ? await em.findOne(User, { username: comune.silentConsentMediator, comune: comune.id }, { populate: ['comune'] })
      : null;
    if (!m || m.status !== 'active' || !m.mediator || !m.anprOperatorId) {
      throw invalidGrant(`Comune ${istat} has no active designated mediator for silent consent`);
    }
    return m;
  }
}
