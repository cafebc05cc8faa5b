/**
 * The ModI / PDND tokens of REFERENCE.md §3.6, built with `jose`: the AUDIT_REST_02 tracking
 * evidence, the PDND client assertion and the INTEGRITY_REST_02 `Agid-JWT-Signature`, plus the
 * `Digest` header. Times are whole seconds: GovWay refuses fractional `iat`/`exp` (italia/anpr#4284).
 */
import { createHash, createPrivateKey, randomInt, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export interface PdndSigner {
  clientId: string;
  /** Id of the key registered on PDND; goes in every JWS header. */
  kid: string;
  key: KeyObject;
}

export const makePdndSigner = (settings: { clientId: string; kid: string; privateKeyPem: string }): PdndSigner => ({
  clientId: settings.clientId,
  kid: settings.kid,
  key: createPrivateKey(settings.privateKeyPem),
});

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** `SHA-256=<base64>` over the exact bytes that go on the wire. */
export const digestHeader = (body: Uint8Array): string =>
  `SHA-256=${createHash('sha256').update(body).digest('base64')}`;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** 13 random digits, as the ANPR sample clients send. */
const dnonce = (): number => randomInt(1_000_000, 10_000_000) * 1_000_000 + randomInt(0, 1_000_000);

export interface TrackingEvidenceClaims {
  aud: string;
  purposeId: string;
  /** ANPR operator id (the user inside the fruitore's domain). */
  userID: string;
  /** Workstation id, or the client IP when there is no workstation. */
  userLocation: string;
  LoA: string;
}

export const signTrackingEvidence = (
  signer: PdndSigner,
  claims: TrackingEvidenceClaims,
  nowMs: number,
  ttlSeconds: number,
): Promise<string> => {
  const iat = seconds(nowMs);
  return new SignJWT({
    purposeId: claims.purposeId,
    dnonce: dnonce(),
    userID: claims.userID,
    userLocation: claims.userLocation,
    LoA: claims.LoA,
  })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
    .setIssuer(signer.clientId)
    .setAudience(claims.aud)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(signer.key);
};

/**
 * PDND accepts only iss, sub, aud, jti, iat, exp, purposeId and digest here; an `nbf` gets the
 * assertion refused, so none is set.
 */
export const signClientAssertion = (
  signer: PdndSigner,
  opts: { aud: string; purposeId: string; trackingEvidence: string },
  nowMs: number,
  ttlSeconds: number,
): Promise<string> => {
  const iat = seconds(nowMs);
  return new SignJWT({
    purposeId: opts.purposeId,
    digest: { alg: 'SHA256', value: sha256Hex(opts.trackingEvidence) },
  })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
    .setIssuer(signer.clientId)
    .setSubject(signer.clientId)
    .setAudience(opts.aud)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(signer.key);
};

export const signAgidJwtSignature = (
  signer: PdndSigner,
  opts: { aud: string; digest: string; contentType: string },
  nowMs: number,
  ttlSeconds: number,
): Promise<string> => {
  const iat = seconds(nowMs);
  return new SignJWT({
    signed_headers: [{ digest: opts.digest }, { 'content-type': opts.contentType }],
  })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
    .setIssuer(signer.clientId)
    .setSubject(signer.clientId)
    .setAudience(opts.aud)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(signer.key);
};
