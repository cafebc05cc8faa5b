import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Workstation } from '#libs/domain';

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

/** True when `ip` (IPv4, or IPv4-mapped IPv6) is inside the IPv4 CIDR `range`. */
export function ipInRange(ip: string | undefined, range: string): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  const [base, bitsRaw] = range.split('/');
  if (isIP(v4) !== 4 || isIP(base) !== 4) return v4 === base;
  const bits = bitsRaw === undefined ? 32 : Number(bitsRaw);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4ToInt(v4) & mask) === (ipv4ToInt(base) & mask);
}

export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface WorkstationEvidence {
  deviceToken?: string;
  certFingerprint?: string;
  clientIp?: string;
}

/**
 * A workstation is recognised by any of the ways it was registered with: its device token, its
 * client certificate fingerprint (from a TLS-terminating proxy), or the IP range it connects from.
 * Naming a workstation is not enough: at least one configured way must match.
 */
export function recognises(ws: Workstation, ev: WorkstationEvidence): boolean {
  const configured = [ws.deviceTokenHash, ws.certFingerprint, ws.ipRange].filter(Boolean).length;
  if (configured === 0) return false;
  if (ws.deviceTokenHash && ev.deviceToken && hashDeviceToken(ev.deviceToken) === ws.deviceTokenHash) return true;
  if (ws.certFingerprint && ev.certFingerprint && ev.certFingerprint.replace(/:/g, '').toLowerCase() === ws.certFingerprint.toLowerCase()) return true;
  if (ws.ipRange && ipInRange(ev.clientIp, ws.ipRange)) return true;
  return false;
}
