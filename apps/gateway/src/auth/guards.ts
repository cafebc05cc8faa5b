import { CallHandler, ExecutionContext, Injectable, type CanActivate, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { tap } from 'rxjs';
import type { Role } from '#libs/domain';
import { problem } from '../common/problem.js';
import { AccessLogService } from '../audit/access-log.service.js';
import { IS_PUBLIC, ROLES_KEY, type Principal } from './principal.js';

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    return super.canActivate(ctx);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err) throw err;
    if (!user) {
      const reason = info instanceof Error ? info.message : undefined;
      if (reason === 'No auth token') throw problem('unauthenticated', 'Send an access token in the Authorization header');
      throw problem('invalid-token', reason);
    }
    return user;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles) return true;
    const p = ctx.switchToHttp().getRequest().user as Principal | undefined;
    if (!p || !roles.includes(p.role)) throw problem('forbidden', `This function is reserved to ${roles.join(', ')}`);
    return true;
  }
}

/** Records each function an authenticated caller uses (R-TRACE-2), named by its operation id. */
@Injectable()
export class FunctionUseInterceptor implements NestInterceptor {
  constructor(private readonly accessLog: AccessLogService) {}

  intercept(ctx: ExecutionContext, next: CallHandler) {
    const req = ctx.switchToHttp().getRequest();
    const p = req.user as Principal | undefined;
    const operation = ctx.getHandler().name;
    const log = () => {
      if (!p?.user) return;
      void this.accessLog
        .record({
          event: 'function',
          userId: p.user.id,
          username: p.user.username,
          enteId: p.user.ente?.id,
          comune: p.user.comune?.codiceIstat,
          applicationId: p.application?.id,
          detail: operation,
          clientIp: req.ip,
          requestId: req.id,
          monitored: p.role !== 'STANDARDPS',
        })
        .catch(() => undefined);
    };
    return next.handle().pipe(tap({ next: log, error: log }));
  }
}
