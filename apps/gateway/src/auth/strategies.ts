import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { PrincipalService } from './principal.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import type { Principal } from './principal.js';

/** Bearer access tokens signed by this gateway, for people and applications alike. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    keys: SigningKeysService,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject (typed as a string by passport-jwt): no PEM parsing per request.
      secretOrKeyProvider: (_req: Request, _raw: string, done: (err: unknown, key?: string) => void) => done(null, keys.verificationKey as unknown as string),
      algorithms: ['ES256', 'RS256'],
      passReqToCallback: true,
    });
  }

  validate(req: Request, payload: { sub?: string; typ?: string; jti?: string }): Promise<Principal> {
    return this.principals.resolve(payload, req);
  }
}
