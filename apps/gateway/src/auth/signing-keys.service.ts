import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SignJWT, calculateJwkThumbprint, exportJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';

/** Clock difference tolerated between this gateway and another instance that minted a token. */
export const TOKEN_CLOCK_SKEW_SECONDS = 30;

/**
 * What a verified signature does not prove: that the token is one of ours and short-lived. A token
 * signed by our key is refused unless it carries our `iss` and `aud`, an `iat` not in the future,
 * an `exp`, and a lifetime (`exp - iat`) no longer than the configured access-token TTL. Returns
 * why it is refused, or undefined.
 */
export function accessClaimsViolation(
  payload: { iss?: unknown; aud?: unknown; iat?: unknown; exp?: unknown; act?: unknown },
  config: Pick<GatewayConfig, 'jwtIssuer' | 'jwtAudience' | 'accessTokenTtlSeconds' | 'delegationMaxSeconds'>,
  nowSeconds: number,
): string | undefined {
  if (payload.iss !== config.jwtIssuer) return 'The token was not issued by this gateway';
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(config.jwtAudience)) return 'The token is not meant for this gateway';
  const { iat, exp } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'The token has no expiry';
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return 'The token has no issue time';
  if (iat > nowSeconds + TOKEN_CLOCK_SKEW_SECONDS) return 'The token was issued in the future';
  // A delegation grant (it names the acting service) may live as long as a deferred request waits.
  const maxLifetime = payload.act === undefined ? config.accessTokenTtlSeconds : config.delegationMaxSeconds;
  if (exp - iat > maxLifetime + TOKEN_CLOCK_SKEW_SECONDS) return 'The token lives longer than this gateway allows';
  if (exp <= nowSeconds - TOKEN_CLOCK_SKEW_SECONDS) return 'jwt expired';
  return undefined;
}

/** Where sandbox mode keeps the key it generates, inside GERES_SANDBOX_DIR. */
export const SANDBOX_KEY_FILE_NAME = 'jwt-signing-key.pem';

/**
 * The key that signs access tokens. Its public half is published at /.well-known/jwks.json so the
 * consumer services (visure, rivestizione, admin) verify tokens without calling back.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private privateKey!: KeyObject;
  private publicKey!: KeyObject;
  alg!: 'ES256' | 'RS256';
  kid!: string;
  private publicJwk!: JWK;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    const file = this.config.jwtSigningKeyFile ?? join(this.config.sandboxDir, SANDBOX_KEY_FILE_NAME);
    if (!existsSync(file)) {
      if (!this.config.sandbox) throw new Error(`JWT_SIGNING_KEY_FILE ${file} does not exist`);
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    this.privateKey = createPrivateKey(readFileSync(file));
    this.publicKey = createPublicKey(this.privateKey);
    if (this.privateKey.asymmetricKeyType === 'ec') this.alg = 'ES256';
    else if (this.privateKey.asymmetricKeyType === 'rsa') this.alg = 'RS256';
    else throw new Error(`JWT_SIGNING_KEY_FILE must hold an EC P-256 or RSA key, not ${this.privateKey.asymmetricKeyType}`);
    this.publicJwk = await exportJWK(this.publicKey);
    this.kid = await calculateJwkThumbprint(this.publicJwk);
  }

  /** The public key as a KeyObject: verifiers given it skip parsing a PEM on every request. */
  get verificationKey(): KeyObject {
    return this.publicKey;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk, kid: this.kid, alg: this.alg, use: 'sig' }] };
  }

  async sign(claims: JWTPayload, ttlSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: this.alg, kid: this.kid, typ: 'at+jwt' })
      .setIssuer(this.config.jwtIssuer)
      .setAudience(this.config.jwtAudience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.privateKey);
  }

  async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        algorithms: [this.alg],
        requiredClaims: ['exp', 'iat'],
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
      });
      const violation = accessClaimsViolation(payload, this.config, Math.floor(Date.now() / 1000));
      if (violation) throw new Error(violation);
      return payload;
    } catch (e) {
      throw problem('invalid-token', (e as Error).message);
    }
  }
}
