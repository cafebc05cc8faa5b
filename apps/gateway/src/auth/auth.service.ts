import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Application, RefreshToken, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { AccessLogService } from '../audit/access-log.service.js';
import { hashSecret, verifySecret } from './password.js';
import { SigningKeysService } from './signing-keys.service.js';
import type { RequestMeta } from './principal.js';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
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
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit() {
    this.dummyHash = await hashSecret(randomUUID());
  }

  /** Checks a username and password, applying the lockout after repeated failures. */
  async validateLogin(username: string, password: string, meta: RequestMeta): Promise<User> {
    const em = this.em.fork();
    const user = await em.findOne(User, { username }, { populate: ['ente', 'comune'] });
    const fail = async (reason: string, type: 'invalid-credentials' | 'account-locked' | 'account-suspended', extra?: Record<string, unknown>) => {
      await this.accessLog.record({
        event: 'login_failure',
        userId: user?.id,
        username,
        enteId: user?.ente?.id,
        comune: user?.comune?.codiceIstat,
        detail: reason,
        clientIp: meta.clientIp,
        requestId: meta.requestId,
        monitored: user?.role !== 'STANDARDPS',
      });
      return problem(type, undefined, extra);
    };
    if (!user) {
      await verifySecret(this.dummyHash, password);
      throw await fail('unknown_user', 'invalid-credentials');
    }
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      const retryAfter = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
      throw await fail('locked', 'account-locked', { retryAfterSeconds: retryAfter });
    }
    const ok = await verifySecret(user.passwordHash, password);
    if (!ok) {
      user.failedLogins += 1;
      if (user.failedLogins >= this.config.loginMaxFailures) {
        user.lockedUntil = new Date(now.getTime() + this.config.loginLockoutSeconds * 1000);
        user.failedLogins = 0;
      }
      await em.flush();
      throw await fail('wrong_password', 'invalid-credentials');
    }
    if (user.status !== 'active') throw await fail('suspended', 'account-suspended');
    user.failedLogins = 0;
    user.lockedUntil = undefined;
    user.lastLoginAt = now;
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

  async issueUserTokens(user: User, family: string = randomUUID()): Promise<TokenPair> {
    const accessToken = await this.keys.sign(
      { sub: user.id, typ: 'user', role: user.role, username: user.username, jti: randomUUID() },
      this.config.accessTokenTtlSeconds,
    );
    const refreshToken = randomBytes(32).toString('base64url');
    const em = this.em.fork();
    em.create(RefreshToken, {
      user: em.getReference(User, user.id),
      tokenHash: sha256(refreshToken),
      family,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      createdAt: new Date(),
    });
    await em.flush();
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresIn: this.config.refreshTokenTtlSeconds,
    };
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
    return this.issueUserTokens(rt.user, rt.family);
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
  async clientCredentials(clientId: string, clientSecret: string): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    const em = this.em.fork();
    const app = await em.findOne(Application, { clientId }, { populate: ['secrets'] });
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
    if (!app || !ok) throw problem('invalid-client', undefined, { error: 'invalid_client' });
    const token = await this.keys.sign({ sub: app.id, typ: 'app', client_id: app.clientId, jti: randomUUID() }, this.config.accessTokenTtlSeconds);
    return { access_token: token, token_type: 'Bearer', expires_in: this.config.accessTokenTtlSeconds };
  }
}
