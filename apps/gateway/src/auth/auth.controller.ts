import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { EntityManager } from '@mikro-orm/core';
import { Profile, User } from '#libs/domain';
import { problem } from '../common/problem.js';
import { mapProfile, mapUser } from '../governance/mappers.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, ClientCredentialsDto, LoginDto, RefreshDto } from './auth.dto.js';
import { hashSecret, passwordViolations, verifySecret } from './password.js';
import { CurrentPrincipal, CurrentRequest, Public, type Principal, type RequestMeta } from './principal.js';
import { SigningKeysService } from './signing-keys.service.js';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly keys: SigningKeysService,
    private readonly em: EntityManager,
  ) {}

  /** Username and password → short-lived access token and a refresh token. */
  @Public()
  @Post('v1/auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @CurrentRequest() meta: RequestMeta) {
    return this.auth.issueUserTokens(await this.auth.validateLogin(dto.username, dto.password, meta));
  }

  @Public()
  @Post('v1/auth/refresh')
  @HttpCode(200)
  refreshToken(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta) {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('v1/auth/logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto, @CurrentPrincipal() p: Principal, @CurrentRequest() meta: RequestMeta) {
    await this.auth.logout(dto.refreshToken, p.user, meta);
  }

  /** OAuth2 client-credentials grant for applications (JSON, form-encoded, or HTTP Basic). */
  @Public()
  @Post('v1/oauth/token')
  @HttpCode(200)
  issueApplicationToken(@Body() dto: ClientCredentialsDto, @Req() req: Request) {
    let { client_id: id, client_secret: secret } = dto;
    const basic = req.header('authorization');
    if (basic?.startsWith('Basic ')) {
      const [u, ...rest] = Buffer.from(basic.slice(6), 'base64').toString().split(':');
      id = decodeURIComponent(u);
      secret = decodeURIComponent(rest.join(':'));
    }
    if (!id || !secret) throw problem('invalid-client', 'client_id and client_secret are required', { error: 'invalid_client' });
    return this.auth.clientCredentials(id, secret);
  }

  /** Public keys that verify GeRes access tokens. */
  @Public()
  @Get('.well-known/jwks.json')
  getJwks() {
    return this.keys.jwks();
  }

  @Get('v1/me')
  async getMe(@CurrentPrincipal() p: Principal) {
    const profile = await this.em.fork().findOne(Profile, { user: p.user.id }, { populate: ['user', 'updatedBy'] });
    return {
      user: mapUser(p.user),
      profile: profile ? mapProfile(profile) : null,
      application: p.application ? { id: p.application.id, name: p.application.name, clientId: p.application.clientId } : null,
      workstation: p.workstation ? { id: p.workstation.id, code: p.workstation.code, authorised: p.workstation.authorised } : null,
    };
  }

  @Post('v1/me/password')
  @HttpCode(204)
  async changeMyPassword(@Body() dto: ChangePasswordDto, @CurrentPrincipal() p: Principal) {
    if (p.application) throw problem('forbidden', 'Applications cannot change an operator password');
    const em = this.em.fork();
    const user = await em.findOneOrFail(User, { id: p.user.id });
    if (!(await verifySecret(user.passwordHash, dto.currentPassword))) throw problem('invalid-credentials', 'The current password is wrong');
    const violations = passwordViolations(dto.newPassword, user.username);
    if (violations.length) throw problem('weak-password', violations.join('; '), { errors: violations.map((m) => ({ field: 'newPassword', message: m })) });
    user.passwordHash = await hashSecret(dto.newPassword);
    user.passwordChangedAt = new Date();
    await em.flush();
  }
}
