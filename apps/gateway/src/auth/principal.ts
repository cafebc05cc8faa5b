import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Application, Convenzione, Role, User, Workstation } from '#libs/domain';

/** Who is calling: always a user (for an application, the operator it names) plus the context. */
export interface Principal {
  user: User;
  role: Role;
  application?: Application;
  workstation?: Workstation;
  /** Users of an Ente: the Ente's convenzioni (with their Comune), as read for this request. */
  convenzioni?: Convenzione[];
  /** Token id (jti), for logs. */
  tokenId?: string;
  /** Under a delegation grant (RFC 8693): the consumer service acting for `user`. */
  actingService?: string;
  /** Under a grant that carries a mediator's approval (or silent consent): that mediator. */
  mediator?: User;
}

export const IS_PUBLIC = 'geres:isPublic';
/** Marks a route that needs no token (login, token endpoint, JWKS, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_KEY = 'geres:roles';
/** Restricts a route to some roles; finer area checks happen in the services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().user as Principal;
});

export interface RequestMeta {
  requestId: string;
  clientIp?: string;
}

export const CurrentRequest = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest();
  return { requestId: req.id, clientIp: req.ip };
});
