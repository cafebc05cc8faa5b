import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { User } from '#libs/domain';
import { AuthService } from './auth.service.js';
import { PrincipalService } from './principal.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import type { Principal } from './principal.js';

/** Username + password, for POST /v1/auth/login. */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, username: string, password: string): Promise<User> {
    return this.auth.validateLogin(username, password, { requestId: (req as any).id, clientIp: req.ip });
  }
}

/** Bearer access tokens signed by this gateway, for people and applications alike. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    keys: SigningKeysService,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_req: Request, _raw: string, done: (err: unknown, key?: string) => void) => done(null, keys.publicKeyPem),
      algorithms: ['ES256', 'RS256'],
      passReqToCallback: true,
    });
  }

  validate(req: Request, payload: { sub?: string; typ?: string; jti?: string }): Promise<Principal> {
    return this.principals.resolve(payload, req);
  }
}
