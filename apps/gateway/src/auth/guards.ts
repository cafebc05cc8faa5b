import { CallHandler, ExecutionContext, Injectable, SetMetadata, type CanActivate, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { tap } from 'rxjs';
import type { Role } from '#libs/domain';
import { problem } from '../common/problem.js';
import { AccessLogService } from '../audit/access-log.service.js';
import { AuditService } from '../audit/audit.service.js';
import { IS_PUBLIC, ROLES_KEY, type Principal } from './principal.js';

export const APPLICATION_ALLOWED = 'geres:applicationAllowed';
/**
 * Marks a route (or a whole controller) that an application token may call for its operator: the
 * lookup and self-service endpoints only. Every other route needs a person's token, so a new
 * endpoint is "person only" until someone decides otherwise.
 */
export const ApplicationAllowed = () => SetMetadata(APPLICATION_ALLOWED, true);

/** The roles an application may act for (issue 9, finding 5): never someone who governs. */
export const APPLICATION_OPERATOR_ROLES: readonly Role[] = ['STANDARD', 'STANDARDPS'];

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

/**
 * What an application token may do, enforced here for every route: act only for a STANDARD or
 * STANDARDPS operator (checked again at each request, whatever the operators registered), and only
 * on routes marked @ApplicationAllowed(). Runs after JwtAuthGuard; refusals are audited.
 */
@Injectable()
export class ApplicationScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest();
    const p = req.user as Principal | undefined;
    if (p?.actingService) return this.checkDelegation(ctx, req, p);
    if (!p?.application) return true;
    if (!APPLICATION_OPERATOR_ROLES.includes(p.role)) {
      await this.deny(req, p, 'operator_role_not_allowed');
      throw problem('operator-not-allowed', `An application acts only for ${APPLICATION_OPERATOR_ROLES.join(' or ')} operators`, { rule: 'operator_role_not_allowed' });
    }
    const allowed = this.reflector.getAllAndOverride<boolean>(APPLICATION_ALLOWED, [ctx.getHandler(), ctx.getClass()]);
    if (!allowed) {
      await this.deny(req, p, 'person_token_required');
      throw problem('forbidden', 'This function needs a person\'s token: applications may use only the lookup and self-service endpoints', { rule: 'person_token_required' });
    }
    return true;
  }

  /** A delegation grant works where an application's token would: the lookup and self-service routes. */
  private async checkDelegation(ctx: ExecutionContext, req: any, p: Principal): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<boolean>(APPLICATION_ALLOWED, [ctx.getHandler(), ctx.getClass()]);
    if (allowed) return true;
    await this.deny(req, p, 'delegation_scope');
    throw problem('forbidden', `A grant for ${p.actingService} may use only the lookup and self-service endpoints`, { rule: 'delegation_scope' });
  }

  private deny(req: any, p: Principal, rule: string) {
    return this.audit.record({
      requestId: req.id,
      userId: p.user.id,
      username: p.user.username,
      enteId: p.user.ente?.id,
      applicationId: p.application?.id,
      actingService: p.actingService,
      clientIp: req.ip,
      operation: `${req.method} ${req.route?.path ?? req.path}`,
      outcome: 'denied',
      outcomeDetail: rule,
      monitored: p.role !== 'STANDARDPS',
    });
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
