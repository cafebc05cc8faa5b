import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EntityManager } from '@mikro-orm/core';
import { Comune, Convenzione, Ente, Profile } from '#libs/domain';
import { ApiCaller, ApiProblems } from '../common/api-docs.js';
import { problem } from '../common/problem.js';
import { mapProfile, mapUser } from '../governance/mappers.js';
import { AuthService } from './auth.service.js';
import { DelegationService } from './delegation.service.js';
import { ApplicationAllowed } from './guards.js';
import { ChangePasswordDto, ClientCredentialsDto, LoginDto, RefreshDto } from './auth.dto.js';
import { ClientCredentialsToken, Jwks, Me, TokenPair } from './auth.models.js';
import { hasControlCharacters, parseBasicClientCredentials } from './client-authentication.js';
import { CurrentPrincipal, CurrentRequest, Public, type Principal, type RequestMeta } from './principal.js';
import { SigningKeysService } from './signing-keys.service.js';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly keys: SigningKeysService,
    private readonly em: EntityManager,
    private readonly delegation: DelegationService,
  ) {}

  /** Username and password → short-lived access token and a refresh token. */
  @ApiTags('Auth')
  @ApiOperation({
    summary: 'Log in a person',
    description:
      'Exchanges a username and password for a short-lived access token and a single-use refresh token. ' +
      'Repeated failures for one username from one address make that address wait, longer after each failure ' +
      '(`rate-limited`, with Retry-After); attempts from other addresses are not slowed, and the person sees a ' +
      '`login_throttled` entry in their access log. When `passwordChangeRequired` is true, the person must change ' +
      'their password (POST /v1/me/password) before anything else.',
  })
  @ApiOkResponse({ type: TokenPair, description: 'Logged in.' })
  @ApiProblems('validation-failed', 'bad-request', 'invalid-credentials', 'account-suspended', 'rate-limited')
  @Public()
  @Post('v1/auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @CurrentRequest() meta: RequestMeta) {
    return this.auth.issueUserTokens(await this.auth.validateLogin(dto.username, dto.password, meta));
  }

  @ApiTags('Auth')
  @ApiOperation({
    summary: 'Refresh a person\'s tokens',
    description:
      'Exchanges a refresh token for a new token pair. Each refresh token works once: presenting a used one again ' +
      'is taken as a leak and closes every session of that login. A login lasts at most REFRESH_FAMILY_MAX_SECONDS ' +
      '(12 h by default) however often it is refreshed; a password change or a suspension ends every login.',
  })
  @ApiOkResponse({ type: TokenPair, description: 'A new token pair.' })
  @ApiProblems('validation-failed', 'bad-request', 'invalid-token', 'account-suspended')
  @Public()
  @Post('v1/auth/refresh')
  @HttpCode(200)
  refreshToken(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta) {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @ApiTags('Auth')
  @ApiOperation({ summary: 'Log out', description: 'Revokes the refresh token and every token refreshed from the same login. Access tokens already issued expire on their own.' })
  @ApiNoContentResponse({ description: 'Logged out.' })
  @ApiCaller('validation-failed', 'bad-request')
  @Post('v1/auth/logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto, @CurrentPrincipal() p: Principal, @CurrentRequest() meta: RequestMeta) {
    await this.auth.logout(dto.refreshToken, p.user, meta);
  }

  /** OAuth2 client-credentials grant for applications (JSON, form-encoded, or HTTP Basic). */
  @ApiTags('Auth')
  @ApiOperation({
    summary: 'Get an access token for an application',
    description:
      'OAuth2 client-credentials grant (RFC 6749 §4.4). The body may be JSON or form-encoded; the client may ' +
      'authenticate with `client_id` and `client_secret` in the body or with HTTP Basic. With the token, every call ' +
      'names the operator the application acts for in X-GeRes-Operator. With HTTP Basic, client id and secret are ' +
      'each form-urlencoded before being joined and base64-encoded (RFC 6749 §2.3.1). Repeated failures for one client ' +
      'id from one address make that address wait, longer after each failure (`rate-limited`, with Retry-After).\n\n' +
      'The consumer services (visure, rivestizione, console; configured with SERVICE_CLIENTS) use the token-exchange ' +
      'grant (RFC 8693) here: `subject_token` is the token of the person who asked, and the answer is a delegation ' +
      'grant for that person only, whose `act` claim names the service. It works only on the lookup and self-service ' +
      'routes. A grant stored for a deferred request (`requested_lifetime` up to DELEGATION_MAX_SECONDS) may be ' +
      'exchanged again, never extended: with a mediator\'s own token as `actor_token` the new grant carries that ' +
      'mediator\'s approval; with `mediation=silent` and `comune`, once the Comune\'s silent-consent hours have passed ' +
      'since the first grant, it carries the Comune\'s designated mediator. Lookups under a mediated grant in the ' +
      'mediator\'s Comune use the mediator\'s ANPR operator id; the audit trail names person, service and mediator. ' +
      'A grant that cannot be given is `invalid-grant` (with `error: invalid_grant`).',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: ClientCredentialsToken, description: 'An access token (or, for token exchange, a delegation grant).' })
  @ApiProblems('validation-failed', 'bad-request', 'invalid-client', 'invalid-grant', 'rate-limited')
  @Public()
  @Post('v1/oauth/token')
  @HttpCode(200)
  async issueApplicationToken(@Body() dto: ClientCredentialsDto, @Req() req: Request, @CurrentRequest() meta: RequestMeta): Promise<ClientCredentialsToken> {
    const basic = parseBasicClientCredentials(req.header('authorization'));
    const id = basic?.clientId ?? dto.client_id;
    const secret = basic?.clientSecret ?? dto.client_secret;
    if (!id || !secret) throw problem('invalid-client', 'client_id and client_secret are required', { error: 'invalid_client' });
    if (hasControlCharacters(id) || id.length > 200) throw problem('invalid-client', 'The client id is not valid', { error: 'invalid_client' });
    if (dto.grant_type === 'client_credentials') return this.auth.clientCredentials(id, secret, meta);
    // Token exchange: only the consumer services, never an application.
    if (!this.delegation.isService(id)) throw problem('invalid-client', 'This client may not exchange tokens', { error: 'unauthorized_client' });
    await this.delegation.authenticateService(id, secret, meta);
    if (!dto.subject_token) throw problem('invalid-grant', 'subject_token is required', { error: 'invalid_request' });
    return this.delegation.exchange(id, {
      subjectToken: dto.subject_token,
      subjectTokenType: dto.subject_token_type,
      actorToken: dto.actor_token,
      actorTokenType: dto.actor_token_type,
      requestedLifetime: dto.requested_lifetime === undefined ? undefined : Number(dto.requested_lifetime),
      mediation: dto.mediation,
      comune: dto.comune,
    }, meta);
  }

  /** Public keys that verify GeRes access tokens. */
  @ApiTags('Auth')
  @ApiOperation({ summary: 'Get the token-signing keys', description: 'The JSON Web Key Set that verifies GeRes access tokens, for services that check tokens themselves.' })
  @ApiOkResponse({ type: Jwks, description: 'The current keys.' })
  @Public()
  @Get('.well-known/jwks.json')
  getJwks() {
    return this.keys.jwks();
  }

  @ApiTags('Me')
  @ApiOperation({ summary: 'Who am I', description: 'The user behind the token (for an application, the operator it acts for), their profile, their Ente, the Comuni they work with today (with the policies that decide how their visure are handled there), the calling application, the recognised workstation and, under a delegation grant, the acting service.' })
  @ApiOkResponse({ type: Me, description: 'The caller.' })
  @ApiCaller()
  @ApplicationAllowed()
  @Get('v1/me')
  async getMe(@CurrentPrincipal() p: Principal) {
    const em = this.em.fork();
    const profile = await em.findOne(Profile, { user: p.user.id }, { populate: ['user', 'updatedBy'] });
    const ente = p.user.ente ? await em.findOne(Ente, { id: p.user.ente.id }, { populate: ['comune'] }) : null;
    const today = new Date().toISOString().slice(0, 10);
    const agreed = p.user.ente
      ? (p.convenzioni ?? (await em.find(Convenzione, { ente: p.user.ente.id }, { populate: ['comune'] }))).filter((c) => c.isActiveOn(today)).map((c) => c.comune)
      : [];
    const own = p.user.comune ? [await em.findOneOrFail(Comune, { id: p.user.comune.id })] : [];
    const comuni = [...own.map((c) => ({ c, own: true })), ...agreed.map((c) => ({ c, own: false }))].map(({ c, own: isOwn }) => ({
      codiceIstat: c.codiceIstat,
      nome: c.nome,
      own: isOwn,
      nonResidentVisuraPolicy: c.nonResidentVisuraPolicy,
      silentConsentHours: c.silentConsentHours,
    }));
    return {
      ente: ente ? { id: ente.id, name: ente.name, kind: ente.kind, comune: ente.comune?.codiceIstat ?? null } : null,
      comuni,
      actingService: p.actingService ?? null,
      user: mapUser(p.user),
      profile: profile ? mapProfile(profile) : null,
      application: p.application ? { id: p.application.id, name: p.application.name, clientId: p.application.clientId } : null,
      workstation: p.workstation ? { id: p.workstation.id, code: p.workstation.code, authorised: p.workstation.authorised } : null,
    };
  }

  @ApiTags('Me')
  @ApiOperation({
    summary: 'Change my password',
    description:
      'Changes the caller\'s own password; the new one must differ from the current one. Every refresh token of the ' +
      'caller is revoked: other sessions end at their next refresh. Clears a forced change (`password-change-required`). ' +
      'Wrong current passwords are throttled like logins (`rate-limited`). Not available to applications (`forbidden`).',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'weak-password', 'invalid-credentials', 'forbidden', 'rate-limited')
  @Post('v1/me/password')
  @HttpCode(204)
  async changeMyPassword(@Body() dto: ChangePasswordDto, @CurrentPrincipal() p: Principal, @CurrentRequest() meta: RequestMeta) {
    if (p.application) throw problem('forbidden', 'Applications cannot change an operator password');
    await this.auth.changePassword(p.user, dto.currentPassword, dto.newPassword, meta);
  }
}
