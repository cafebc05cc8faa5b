import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import QRCode from 'qrcode';
import { VISURA_TYPES } from '#libs/domain';
import type { SealKeystore } from './seal-keystore.js';
import type { CompactPayloadClaims, VisuraDocumentInput } from './visura-document.types.js';
import { VISURA_TITLES } from './visura-titles.js';

const ROME_DATE = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' });
const ROME_TIME = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** dd/mm/yyyy in Europe/Rome. */
export function formatDate(date: Date): string {
  return ROME_DATE.format(date);
}

/** dd/mm/yyyy hh:mm in Europe/Rome. */
export function formatDateTime(date: Date): string {
  return `${ROME_DATE.format(date)} ${ROME_TIME.format(date)}`;
}

/** yyyy-mm-dd in Europe/Rome. */
function isoDay(date: Date): string {
  const [day, month, year] = ROME_DATE.format(date).split('/');
  return `${year}-${month}-${day}`;
}

/** The URL printed on the page and encoded in the first QR: the verification page with id and CVD. */
export function verificationUrl(input: Pick<VisuraDocumentInput, 'documentId' | 'verification'>): string {
  const url = new URL(input.verification.baseUrl);
  url.searchParams.set('id', input.documentId);
  url.searchParams.set('cvd', input.verification.code);
  return url.toString();
}

/**
 * SHA-256 of the canonical content of a visura: every printed datum, in a fixed order. The signed
 * payload carries this rather than the PDF's hash because the payload is printed inside the PDF (a
 * hash of the file cannot be inside the file); the service recomputes it from the archived input,
 * and the PAdES seal covers the bytes.
 */
export function contentDigest(input: VisuraDocumentInput): Buffer {
  const canonical = [
    1,
    input.documentId,
    input.type,
    input.comune.istatCode,
    input.comune.name,
    input.title ?? VISURA_TITLES[input.type],
    input.sections.map((s) => [
      s.heading ?? null,
      (s.rows ?? []).map((r) => [r.label, r.value]),
      s.table ? [s.table.caption ?? null, s.table.columns, s.table.rows] : null,
      s.note ?? null,
    ]),
    input.anpr.protocol,
    input.anpr.date.toISOString(),
    input.requestedBy,
    input.mediator ?? null,
    input.verification.code,
    input.verification.expiresOn.toISOString(),
    input.issuedAt.toISOString(),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest();
}

function b64url(data: Uint8Array | string): string {
  return Buffer.from(data).toString('base64url');
}

/** The claims of the compact payload of a visura. */
export function compactPayloadClaims(input: VisuraDocumentInput): CompactPayloadClaims {
  return {
    v: 1,
    id: input.documentId,
    t: input.type,
    c: input.comune.istatCode,
    p: input.anpr.protocol,
    d: isoDay(input.issuedAt),
    h: contentDigest(input).toString('base64url'),
  };
}

/**
 * A JWS compact serialization (RS256 or ES256, by the seal key) of the claims, signed with the
 * Comune's seal key: a static page holding the Comune's certificate can check a paper copy offline.
 */
export function createCompactPayload(input: VisuraDocumentInput, seal: SealKeystore): string {
  const header = b64url(JSON.stringify({ alg: seal.jwsAlgorithm, kid: seal.keyId, typ: 'visura+jws' }));
  const payload = b64url(JSON.stringify(compactPayloadClaims(input)));
  const signature = seal.signJws(Buffer.from(`${header}.${payload}`, 'ascii'));
  return `${header}.${payload}.${b64url(signature)}`;
}

const CLAIM_CHECKS: Record<keyof CompactPayloadClaims, (v: unknown) => boolean> = {
  v: (v) => v === 1,
  id: (v) => typeof v === 'string' && v.length > 0,
  t: (v) => (VISURA_TYPES as readonly unknown[]).includes(v),
  c: (v) => typeof v === 'string' && /^\d{6}$/.test(v),
  p: (v) => typeof v === 'string' && v.length > 0,
  d: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  h: (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v),
};

/**
 * Checks a compact payload against the Comune's public key (a KeyObject, or a PEM public key or
 * certificate). Returns its claims, or null when the signature, the algorithm or the claims are not
 * exactly what createCompactPayload writes.
 */
export function verifyCompactPayload(payload: string, publicKey: KeyObject | string): CompactPayloadClaims | null {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const parts = payload.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return null;
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const expectedAlg = key.asymmetricKeyType === 'rsa' ? 'RS256' : key.asymmetricKeyType === 'ec' ? 'ES256' : undefined;
  if (!expectedAlg || typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== expectedAlg) return null;
  const ok = cryptoVerify(
    'sha256',
    Buffer.from(`${headerPart}.${claimsPart}`, 'ascii'),
    expectedAlg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!ok || typeof claims !== 'object' || claims === null) return null;
  const record = claims as Record<string, unknown>;
  const names = Object.keys(CLAIM_CHECKS) as (keyof CompactPayloadClaims)[];
  if (Object.keys(record).length !== names.length || !names.every((n) => CLAIM_CHECKS[n](record[n]))) return null;
  return record as unknown as CompactPayloadClaims;
}

/** The modules of a QR code (true = dark), to be drawn as vector squares (no PNG round trip). */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  // One byte-mode segment: the payloads are short ASCII, and mode optimisation costs more than it saves.
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  return { size, dark: (row, col) => Boolean(qr.modules.get(row, col)) };
}

