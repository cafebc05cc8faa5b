import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Application, RefreshToken, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { AccessLogService } from '../audit/access-log.service.js';
import { hashSecret, passwordViolations, verifySecret } from './password.js';
import { SigningKeysService } from './signing-keys.service.js';
import { LoginThrottleService, type ThrottleScope } from './login-throttle.service.js';
import { SessionsService } from './sessions.service.js';
import type { RequestMeta } from './principal.js';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  passwordChangeRequired: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the username is unknown, so that timing does not reveal which users exist. */
  private dummyHash = '';

  constructor(
    private readonly em: EntityManager,
    private readonly keys: SigningKeysService,
    private readonly accessLog: AccessLogService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit() {
    this.dummyHash = await hashSecret(randomUUID());
  }

  /**
   * Checks a username and password. Failures slow down further attempts for that username from that
   * address (see LoginThrottleService); they never lock the person out from elsewhere.
   */
  async validateLogin(username: string, password: string, meta: RequestMeta): Promise<User> {
    await this.throttle.check('login', username, meta.clientIp);
    const em = this.em.fork();
    const user = await em.findOne(User, { username }, { populate: ['ente', 'comune'] });
    const record = (event: 'login_failure' | 'login_throttled', detail: string) =>
      this.accessLog.record({
        event,
        userId: user?.id,
        username,
        enteId: user?.ente?.id,
        comune: user?.comune?.codiceIstat,
        detail,
        clientIp: meta.clientIp,
        requestId: meta.requestId,
        monitored: user?.role !== 'STANDARDPS',
      });
    if (!user || !user.passwordHash) {
      await verifySecret(this.dummyHash, password);
      await record('login_failure', 'unknown_user');
      await this.countFailure('login', username, meta, (detail) => record('login_throttled', detail));
      throw problem('invalid-credentials');
    }
    if (!(await verifySecret(user.passwordHash, password))) {
      await record('login_failure', 'wrong_password');
      await this.countFailure('login', username, meta, (detail) => record('login_throttled', detail));
      throw problem('invalid-credentials');
    }
    if (user.status !== 'active') {
      await record('login_failure', 'suspended');
      throw problem('account-suspended');
    }
    await this.throttle.succeed('login', username, meta.clientIp);
    user.lastLoginAt = new Date();
    await em.flush();
    await this.accessLog.record({
      event: 'login_success',
      userId: user.id,
      username,
      enteId: user.ente?.id,
      comune: user.comune?.codiceIstat,
      clientIp: meta.clientIp,
      requestId: meta.requestId,
      monitored: user.role !== 'STANDARDPS',
    });
    return user;
  }

  /**
   * Counts a failed attempt; when it starts a delay, the person (or the application's managers) is
   * told through the access log: which address, how many failures.
   */
  private async countFailure(scope: ThrottleScope, subject: string, meta: RequestMeta, notify: (detail: string) => Promise<void>) {
    const { failures, delaySeconds } = await this.throttle.fail(scope, subject, meta.clientIp);
    if (delaySeconds > 0) await notify(`${failures} failures from ${meta.clientIp ?? 'unknown'}; next in ${delaySeconds} s`.slice(0, 80));
  }

  /**
   * A new token pair. A login starts a family whose end (REFRESH_FAMILY_MAX_SECONDS) every token
   * refreshed from it inherits: rotation renews the refresh token, never the login.
   */
  async issueUserTokens(user: User, family: { id: string; expiresAt: Date } = this.newFamily()): Promise<TokenPair> {
    const accessToken = await this.keys.sign(
      { sub: user.id, typ: 'user', role: user.role, username: user.username, jti: randomUUID() },
      this.config.accessTokenTtlSeconds,
    );
    const refreshToken = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = new Date(Math.min(now + this.config.refreshTokenTtlSeconds * 1000, family.expiresAt.getTime()));
    const em = this.em.fork();
    em.create(RefreshToken, {
      user: em.getReference(User, user.id),
      tokenHash: sha256(refreshToken),
      family: family.id,
      expiresAt,
      familyExpiresAt: family.expiresAt,
      createdAt: new Date(now),
    });
    await em.flush();
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresIn: Math.max(1, Math.floor((expiresAt.getTime() - now) / 1000)),
      passwordChangeRequired: user.mustChangePassword,
    };
  }

  private newFamily() {
    return { id: randomUUID(), expiresAt: new Date(Date.now() + this.config.refreshFamilyMaxSeconds * 1000) };
  }

  /**
   * Rotates a refresh token. Presenting one that was already used means it leaked: the whole
   * family is revoked and the person has to log in again.
   */
  async refresh(token: string, meta: RequestMeta): Promise<TokenPair> {
    const em = this.em.fork();
    const rt = await em.findOne(RefreshToken, { tokenHash: sha256(token) }, { populate: ['user', 'user.ente', 'user.comune'] });
    const now = new Date();
    if (!rt || rt.revokedAt || rt.expiresAt <= now) throw problem('invalid-token', 'The refresh token is not valid or has expired');
    if (rt.usedAt) {
      await em.nativeUpdate(RefreshToken, { family: rt.family, revokedAt: null }, { revokedAt: now });
      throw problem('invalid-token', 'The refresh token was already used; every session of this login has been closed');
    }
    // Rows from before families had an end: their own expiry is the end.
    const familyExpiresAt = rt.familyExpiresAt ?? rt.expiresAt;
    if (familyExpiresAt <= now) throw problem('invalid-token', 'This login has reached its maximum duration; log in again');
    if (rt.user.status !== 'active') throw problem('account-suspended');
    rt.usedAt = now;
    await em.flush();
    await this.accessLog.record({
      event: 'token_refresh',
      userId: rt.user.id,
      username: rt.user.username,
      enteId: rt.user.ente?.id,
      comune: rt.user.comune?.codiceIstat,
      clientIp: meta.clientIp,
      requestId: meta.requestId,
      monitored: rt.user.role !== 'STANDARDPS',
    });
    return this.issueUserTokens(rt.user, { id: rt.family, expiresAt: familyExpiresAt });
  }

  async logout(token: string, user: User, meta: RequestMeta): Promise<void> {
    const em = this.em.fork();
    const rt = await em.findOne(RefreshToken, { tokenHash: sha256(token), user: user.id });
    if (rt) await em.nativeUpdate(RefreshToken, { family: rt.family, revokedAt: null }, { revokedAt: new Date() });
    await this.accessLog.record({
      event: 'logout',
      userId: user.id,
      username: user.username,
      enteId: user.ente?.id,
      comune: user.comune?.codiceIstat,
      clientIp: meta.clientIp,
      requestId: meta.requestId,
      monitored: user.role !== 'STANDARDPS',
    });
  }

  /** OAuth2 client credentials for third-party applications. */
  async clientCredentials(clientId: string, clientSecret: string, meta: RequestMeta): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    await this.throttle.check('client', clientId, meta.clientIp);
    const em = this.em.fork();
    const app = await em.findOne(Application, { clientId }, { populate: ['secrets', 'ente'] });
    const now = new Date();
    let ok = false;
    if (app && app.status === 'active') {
      for (const s of app.secrets.getItems().filter((x) => x.isUsableAt(now))) {
        if (await verifySecret(s.hash, clientSecret)) {
          ok = true;
          break;
        }
      }
    } else {
      await verifySecret(this.dummyHash, clientSecret);
    }
    if (!app || !ok) {
      await this.countFailure('client', clientId, meta, (detail) =>
        this.accessLog.record({
          event: 'login_throttled',
          username: clientId.slice(0, 80),
          enteId: app?.ente?.id,
          applicationId: app?.id,
          detail,
          clientIp: meta.clientIp,
          requestId: meta.requestId,
        }),
      );
      throw problem('invalid-client', undefined, { error: 'invalid_client' });
    }
    await this.throttle.succeed('client', clientId, meta.clientIp);
    const token = await this.keys.sign({ sub: app.id, typ: 'app', client_id: app.clientId, jti: randomUUID() }, this.config.accessTokenTtlSeconds);
    return { access_token: token, token_type: 'Bearer', expires_in: this.config.accessTokenTtlSeconds };
  }

  /**
   * Changes a person's own password: the current one is checked (and wrong guesses are throttled
   * like logins), the new one must follow the rules and differ from it; every refresh token of the
   * person is revoked, and a forced change is cleared.
   */
  async changePassword(user: User, currentPassword: string, newPassword: string, meta: RequestMeta): Promise<void> {
    await this.throttle.check('password', user.id, meta.clientIp);
    const em = this.em.fork();
    const fresh = await em.findOneOrFail(User, { id: user.id });
    if (!fresh.passwordHash || !(await verifySecret(fresh.passwordHash, currentPassword))) {
      await this.countFailure('password', user.id, meta, (detail) =>
        this.accessLog.record({
          event: 'login_throttled',
          userId: user.id,
          username: user.username,
          enteId: user.ente?.id,
          comune: user.comune?.codiceIstat,
          detail,
          clientIp: meta.clientIp,
          requestId: meta.requestId,
          monitored: user.role !== 'STANDARDPS',
        }),
      );
      throw problem('invalid-credentials', 'The current password is wrong');
    }
    await this.throttle.succeed('password', user.id, meta.clientIp);
    const violations = passwordViolations(newPassword, fresh.username);
    if (newPassword === currentPassword) violations.push('must differ from the current password');
    if (violations.length) throw problem('weak-password', violations.join('; '), { errors: violations.map((m) => ({ field: 'newPassword', message: m })) });
    fresh.passwordHash = await hashSecret(newPassword);
    fresh.passwordChangedAt = new Date();
    fresh.mustChangePassword = false;
    await em.flush();
    await this.sessions.revokeAll(fresh.id, 'password_changed');
  }
}
