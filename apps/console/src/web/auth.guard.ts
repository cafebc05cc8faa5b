import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GatewayPort } from '../gateway/gateway.port.js';
import { GATEWAY } from '../gateway/gateway.port.js';
import { SessionEndedError, type SessionService } from '../session/session.service.js';
import type { ConsoleRequest } from './http.js';
import { SESSIONS } from './tokens.js';

const IS_PUBLIC = 'console:public';
const DURING_PASSWORD_CHANGE = 'console:password-change';

/** Pages anyone may open (login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Pages open while the gateway demands a new password (the change page, logout). */
export const AllowedDuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE, true);

/** The person must change their one-time password before anything else. */
export class PasswordChangeRequired extends Error {}

/**
 * Every page but the public ones needs a logged-in session; it gets the SDK with the person's
 * token (renewed when needed) and marks the session used. The gateway alone decides what the
 * person may see: the console adds no rule of its own.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSIONS) private readonly sessions: SessionService,
    @Inject(GATEWAY) private readonly gateway: GatewayPort,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
    const session = req.consoleSession;
    if (!session?.auth) throw new SessionEndedError(req.sessionIdle ? 'idle' : 'missing');
    const token = await this.sessions.accessToken(session);
    await this.sessions.touch(session);
    if (session.auth.passwordChangeRequired && !this.reflector.getAllAndOverride<boolean>(DURING_PASSWORD_CHANGE, [ctx.getHandler(), ctx.getClass()])) {
      throw new PasswordChangeRequired();
    }
    req.gatewayApi = this.gateway.api(token);
    return true;
  }
}
