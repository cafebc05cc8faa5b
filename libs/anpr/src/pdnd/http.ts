import { AnprError } from '../errors.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** Raw bytes: the body is decoded only once we know which shape to expect. */
  body: Buffer;
}

/**
 * One HTTP exchange with a deadline covering the whole answer (headers and body), mapping transport
 * failures onto the port's error kinds: a deadline overrun is `timeout`, anything else that prevents
 * an answer (refused, reset, DNS, TLS) is `unavailable`.
 */
export async function httpExchange(
  fetchImpl: FetchLike,
  url: string,
  init: Omit<RequestInit, 'signal'>,
  timeoutMs: number,
  what: string,
): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchImpl(url, { ...init, signal });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body };
  } catch (err) {
    if (signal.aborted || (err as { name?: string })?.name === 'TimeoutError') {
      throw new AnprError('timeout', `${what}: no answer within ${timeoutMs} ms`, { cause: err });
    }
    throw new AnprError('unavailable', `${what}: ${(err as Error)?.message ?? 'connection failed'}`, { cause: err });
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
