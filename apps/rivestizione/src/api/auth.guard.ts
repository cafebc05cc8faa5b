import { type CanActivate, type ExecutionContext, Inject, Injectable, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { type Caller, GATEWAY_PORT, type GatewayPort, GatewayUnavailableError, UnauthenticatedError } from '../gateway/gateway.port.js';
import { rivProblem } from './problem.js';

export interface AuthenticatedRequest extends Request {
  caller: Caller;
  accessToken: string;
}

/**
 * The person's own access token, as the gateway issued it: the gateway says who it is (`GET /v1/me`),
 * so a suspended user or a revoked token is refused here at once.
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(@Inject(GATEWAY_PORT) private readonly gateway: GatewayPort) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/.exec(req.headers.authorization ?? '');
    if (!m) throw rivProblem('unauthenticated', 'Send your GeRes access token as Authorization: Bearer');
    try {
      req.caller = await this.gateway.whoAmI(m[1]);
    } catch (e) {
      if (e instanceof UnauthenticatedError) throw rivProblem('invalid-token', 'The gateway does not accept this token');
      if (e instanceof GatewayUnavailableError) throw rivProblem('service-unavailable', 'The gateway cannot be reached; try again shortly');
      throw e;
    }
    req.accessToken = m[1];
    return true;
  }
}

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller);
export const CurrentToken = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthenticatedRequest>().accessToken);
