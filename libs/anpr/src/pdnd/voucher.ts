/**
 * PDND vouchers (REFERENCE.md §3.6 steps 1–3) and their cache.
 *
 * Cache key. A voucher is bound to one purpose *and* to one tracking evidence: its `digest` claim
 * is the SHA-256 of the exact `Agid-JWT-TrackingEvidence` string GovWay will compare it with. So a
 * cached voucher is only usable together with the tracking evidence it was issued for, and that
 * evidence names the user (userID), the workstation (userLocation) and the LoA. The cache therefore
 * keys on (token endpoint, clientId, kid, purposeId, audience, userID, userLocation, LoA) — every
 * input of the two tokens except jti/iat/exp/dnonce — and stores the voucher together with its
 * tracking evidence string, which is re-sent verbatim on every call the voucher serves. A different
 * operator or workstation gets its own voucher, so the audit trail ANPR keeps stays truthful.
 *
 * Lifetime. An entry is used until `refreshMarginSeconds` before the earlier of the voucher's and
 * the tracking evidence's expiry, so that neither lapses while a request is in flight.
 *
 * Failures. One token request is shared by every concurrent caller of the same key, so one lost
 * request used to fail all of them. A transient failure (5xx, connection refused or reset, an answer
 * without a token) is now retried once at once, within what is left of the caller's deadline; the
 * callers sharing the request see at most that one retry fail. A failure is then remembered for
 * `failureCacheMs` (2 s by default, at most 10 s): callers arriving meanwhile fail at once instead of
 * queueing on a token endpoint that just failed, and the first caller after it tries again.
 */
import { AnprError } from '../errors.js';
import { httpExchange, parseJson, type FetchLike } from './http.js';
import { signClientAssertion, signTrackingEvidence, type PdndSigner } from './modi.js';

export interface VoucherRequest {
  tokenUrl: string;
  clientAssertionAudience: string;
  signer: PdndSigner;
  purposeId: string;
  /** The e-service audience (also the tracking evidence's `aud`). */
  audience: string;
  userID: string;
  userLocation: string;
  LoA: string;
}

export interface Voucher {
  accessToken: string;
  /** The tracking evidence whose digest the voucher carries; send it unchanged with the voucher. */
  trackingEvidence: string;
  expiresAtMs: number;
}

export interface VoucherCacheOptions {
  fetch: FetchLike;
  now: () => number;
  /** Default 60 s. */
  refreshMarginSeconds?: number;
  /** Lifetime of the tracking evidence; default 600 s, a voucher's usual lifetime. */
  trackingEvidenceTtlSeconds?: number;
  /** Default 120 s: the assertion is used once, straight away. */
  clientAssertionTtlSeconds?: number;
  /** Upper bound on cached entries (one per purpose × user × workstation); default 1000. */
  maxEntries?: number;
  /** How long a failed token request is remembered as failed; default 2000 ms, at most 10 000 ms. */
  failureCacheMs?: number;
}

/** Below this much of the caller's deadline, a failed token request is not retried. */
const MIN_RETRY_BUDGET_MS = 50;
const MAX_FAILURE_CACHE_MS = 10_000;

type Entry = { voucher: Voucher } | { pending: Promise<Voucher> } | { failure: unknown; untilMs: number };

/** Worth asking again at once: the endpoint did not answer, or answered 5xx or without a token (not 429: it asked us to wait). */
const isTransient = (err: unknown): boolean =>
  err instanceof AnprError && (err.kind === 'unavailable' || err.kind === 'timeout') && err.details.httpStatus !== 429;

export class PdndVoucherCache {
  private readonly entries = new Map<string, Entry>();
  private requests = 0;

  constructor(private readonly opts: VoucherCacheOptions) {}

  /** Number of calls made to the token endpoint, for metrics and tests. */
  get tokenRequests(): number {
    return this.requests;
  }

  static key(req: VoucherRequest): string {
    return JSON.stringify([
      req.tokenUrl,
      req.signer.clientId,
      req.signer.kid,
      req.purposeId,
      req.audience,
      req.userID,
      req.userLocation,
      req.LoA,
    ]);
  }

  /** A voucher valid for at least the refresh margin; `fresh` skips the cache (after a 401). */
  async obtain(req: VoucherRequest, timeoutMs: number, fresh = false): Promise<Voucher> {
    const key = PdndVoucherCache.key(req);
    const entry = this.entries.get(key);
    if (entry && 'failure' in entry) {
      if (entry.untilMs > this.opts.now()) throw entry.failure;
    } else if (!fresh && entry) {
      if ('pending' in entry) return entry.pending;
      if (entry.voucher.expiresAtMs - this.marginMs() > this.opts.now()) return entry.voucher;
    }
    // Concurrent calls for the same key share one token request (and its one retry).
    const pending = this.requestWithRetry(req, timeoutMs);
    this.entries.set(key, { pending });
    const stillOurs = (): boolean => {
      const current = this.entries.get(key);
      return current !== undefined && 'pending' in current && current.pending === pending;
    };
    try {
      const voucher = await pending;
      if (stillOurs()) this.entries.set(key, { voucher });
      this.evict();
      return voucher;
    } catch (err) {
      if (stillOurs()) this.entries.set(key, { failure: err, untilMs: this.opts.now() + this.failureCacheMs() });
      throw err;
    }
  }

  invalidate(req: VoucherRequest): void {
    this.entries.delete(PdndVoucherCache.key(req));
  }

  private failureCacheMs(): number {
    return Math.min(Math.max(this.opts.failureCacheMs ?? 2000, 0), MAX_FAILURE_CACHE_MS);
  }

  private async requestWithRetry(req: VoucherRequest, timeoutMs: number): Promise<Voucher> {
    const started = performance.now();
    try {
      return await this.request(req, timeoutMs);
    } catch (err) {
      const left = timeoutMs - (performance.now() - started);
      if (!isTransient(err) || left < MIN_RETRY_BUDGET_MS) throw err;
      return this.request(req, Math.floor(left));
    }
  }

  private marginMs(): number {
    return (this.opts.refreshMarginSeconds ?? 60) * 1000;
  }

  private evict(): void {
    const now = this.opts.now();
    for (const [key, entry] of this.entries) {
      if ('voucher' in entry && entry.voucher.expiresAtMs - this.marginMs() <= now) this.entries.delete(key);
      else if ('failure' in entry && entry.untilMs <= now) this.entries.delete(key);
    }
    const max = this.opts.maxEntries ?? 1000;
    // Map iteration order is insertion order: drop the oldest first.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(key);
    }
  }

  private async request(req: VoucherRequest, timeoutMs: number): Promise<Voucher> {
    const now = this.opts.now();
    const teTtl = this.opts.trackingEvidenceTtlSeconds ?? 600;
    const trackingEvidence = await signTrackingEvidence(
      req.signer,
      { aud: req.audience, purposeId: req.purposeId, userID: req.userID, userLocation: req.userLocation, LoA: req.LoA },
      now,
      teTtl,
    );
    const assertion = await signClientAssertion(
      req.signer,
      { aud: req.clientAssertionAudience, purposeId: req.purposeId, trackingEvidence },
      now,
      this.opts.clientAssertionTtlSeconds ?? 120,
    );
    const form = new URLSearchParams({
      client_id: req.signer.clientId,
      client_assertion: assertion,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      grant_type: 'client_credentials',
    });
    this.requests += 1;
    const answer = await httpExchange(
      this.opts.fetch,
      req.tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      },
      timeoutMs,
      'PDND token endpoint',
    );
    const json = parseJson(answer.body) as { access_token?: unknown; expires_in?: unknown; detail?: unknown; title?: unknown } | undefined;
    if (answer.status >= 500 || answer.status === 429) {
      throw new AnprError('unavailable', `PDND token endpoint answered ${answer.status}`, { httpStatus: answer.status });
    }
    if (answer.status !== 200) {
      const why = typeof json?.detail === 'string' ? json.detail : typeof json?.title === 'string' ? json.title : '';
      throw new AnprError('security_rejected', `PDND refused the client assertion (${answer.status})${why ? `: ${why}` : ''}`, {
        httpStatus: answer.status,
      });
    }
    if (typeof json?.access_token !== 'string' || json.access_token === '') {
      throw new AnprError('unavailable', 'PDND token endpoint answered without an access_token', { httpStatus: 200 });
    }
    const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 600;
    return {
      accessToken: json.access_token,
      trackingEvidence,
      expiresAtMs: Math.min(now + expiresIn * 1000, now + teTtl * 1000),
    };
  }
}
