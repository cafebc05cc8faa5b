import { randomBytes, randomUUID } from 'node:crypto';

/** A random (version 4) UUID: request ids and idempotency keys. */
export const uuidV4 = (): string => randomUUID();

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** True for a W3C Trace Context `traceparent` the gateway will accept (version 00, non-zero ids). */
export function isValidTraceparent(value: string): boolean {
  const m = TRACEPARENT.exec(value);
  if (!m) return false;
  const [, version, traceId, parentId] = m;
  return version !== 'ff' && !/^0+$/.test(traceId) && !/^0+$/.test(parentId);
}

/** A new sampled trace: `00-<trace-id>-<parent-id>-01`. */
export function newTraceparent(): string {
  let traceId = randomBytes(16).toString('hex');
  let parentId = randomBytes(8).toString('hex');
  // All-zero ids are invalid; the odds are negligible but the fix is free.
  if (/^0+$/.test(traceId)) traceId = `${traceId.slice(0, 31)}1`;
  if (/^0+$/.test(parentId)) parentId = `${parentId.slice(0, 15)}1`;
  return `00-${traceId}-${parentId}-01`;
}
