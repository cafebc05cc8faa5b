import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { PrincipalService } from './principal.service.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { accessClaimsViolation, SigningKeysService, TOKEN_CLOCK_SKEW_SECONDS } from './signing-keys.service.js';
import type { Principal } from './principal.js';

/** Bearer access tokens signed by this gateway, for people and applications alike. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    keys: SigningKeysService,
    private readonly principals: PrincipalService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject (typed as a string by passport-jwt): no PEM parsing per request.
      secretOrKeyProvider: (_req: Request, _raw: string, done: (err: unknown, key?: string) => void) => done(null, keys.verificationKey as unknown as string),
      algorithms: ['ES256', 'RS256'],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      jsonWebTokenOptions: { clockTolerance: TOKEN_CLOCK_SKEW_SECONDS },
      passReqToCallback: true,
    });
  }

  validate(req: Request, payload: { sub?: string; typ?: string; jti?: string; iss?: unknown; aud?: unknown; iat?: unknown; exp?: unknown; act?: { sub?: unknown }; med?: unknown }): Promise<Principal> {
    // jsonwebtoken checks exp only when present: absence, and an over-long lifetime, are refused here.
    const violation = accessClaimsViolation(payload, this.config, Math.floor(Date.now() / 1000));
    if (violation) throw problem('invalid-token', violation);
    return this.principals.resolve(payload, req);
  }
}
