import { AuthenticationError, errorFromResponse, GeResConnectionError, GeResError, GeResTimeoutError, parseRetryAfter } from './errors.js';
import { isValidTraceparent, newTraceparent, uuidV4 } from './ids.js';
import { isRepeatable, isTransientAnswer, wantsIdempotencyKey } from './retry-rule.js';
import { SDK_VERSION } from './version.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface WorkstationContext {
  /** The workstation code (ANPR IdPostazione), e.g. `072006-CS-0001`. */
  code: string;
  /** The device token issued when the workstation was registered. */
  deviceToken?: string;
}

/** Options for one call; each overrides the client's setting for that call only. */
export interface RequestOptions {
  /** The operator an application acts for (`X-GeRes-Operator`); `null` sends none. */
  operator?: string | null;
  /** `X-GeRes-Workstation` and `X-GeRes-Device-Token`; `null` sends none. */
  workstation?: WorkstationContext | null;
  /**
   * Your own Idempotency-Key. The SDK adds a new UUID v4 to each lookup (`POST /v1/persons/search`),
   * reused by its retries; a key you give to any other request makes the SDK retry it too.
   */
  idempotencyKey?: string;
  /** Your request id (`X-Request-Id`, `^[A-Za-z0-9._:-]{1,64}$`); default: a new UUID v4 per call. */
  requestId?: string;
  /** A W3C `traceparent` to continue your trace; default: a new one per call. */
  traceparent?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** What the SDK knows about the answer: exposed as `lastResponse` on results. */
export interface ResponseMeta {
  status: number;
  headers: Headers;
  /** The gateway's request id (`X-Request-Id`), the one in its logs and audit trail. */
  requestId?: string;
  /** The Idempotency-Key sent, if any. */
  idempotencyKey?: string;
  /** True when the gateway replayed a stored answer for the Idempotency-Key. */
  idempotentReplayed: boolean;
  traceparent: string;
  /** How many times the request was sent (1 without retries). */
  attempts: number;
}

export interface CoreRequest {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`, parameters already substituted. */
  path: string;
  query?: Record<string, unknown>;
  headers?: Record<string, string | undefined>;
  /** Sent as JSON unless `mediaType` says otherwise. */
  body?: unknown;
  mediaType?: string;
  /** Default true: send the access token. */
  authenticated?: boolean;
  /** Default true: send the operator and workstation headers. */
  context?: boolean;
  /** Safe to send again whatever its method (the token requests); see retry-rule.ts. */
  repeatable?: boolean;
}

export interface CoreResponse<T> {
  data: T;
  meta: ResponseMeta;
}

/** Supplies access tokens; see auth.ts. */
export interface TokenSource {
  token(): Promise<string>;
  /** Whether a new token can be had after a 401 (false for a fixed token). */
  readonly renewable: boolean;
  /** Forgets `token` so that the next token() obtains another one. */
  invalidate(token: string): void;
}

export type GeResEvent =
  | { kind: 'request'; method: string; url: string; requestId: string; attempt: number; idempotencyKey?: string }
  | { kind: 'response'; method: string; url: string; requestId: string; attempt: number; status: number; elapsedMs: number }
  | { kind: 'retry'; method: string; url: string; requestId: string; attempt: number; delayMs: number; reason: string }
  | { kind: 'reauthenticate'; method: string; url: string; requestId: string };

export interface RetryPolicy {
  /** First backoff delay; it doubles on each retry, with jitter. Default 500 ms. */
  initialDelayMs?: number;
  /** Longest backoff delay. Default 5000 ms. */
  maxDelayMs?: number;
  /**
   * A Retry-After longer than this is not waited for: the error is thrown at once (a daily quota
   * that resets at midnight is not worth blocking on). Default 60 s.
   */
  maxRetryAfterSeconds?: number;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  retry: Required<RetryPolicy>;
  fetch: typeof fetch;
  userAgent: string;
  operator?: string;
  workstation?: WorkstationContext;
  logger?: (event: GeResEvent) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export function userAgent(suffix?: string): string {
  const node = typeof process !== 'undefined' && process.versions?.node ? ` node/${process.versions.node}` : '';
  return `geres-sdk-typescript/${SDK_VERSION}${node}${suffix ? ` ${suffix}` : ''}`;
}

/**
 * Sends one logical request: authentication, context headers, ids, timeouts, retries (which
 * requests and which failures: retry-rule.ts) with jittered exponential backoff, and the mapping
 * of refusals to typed errors.
 */
export class Transport {
  auth?: TokenSource;

  constructor(readonly options: TransportOptions) {}

  async send<T>(req: CoreRequest, opts: RequestOptions = {}): Promise<CoreResponse<T>> {
    const o = this.options;
    const given = lowerCaseKeys({ ...req.headers, ...opts.headers });
    const requestId = opts.requestId ?? given['x-request-id'] ?? uuidV4();
    const traceparent = opts.traceparent ?? given['traceparent'] ?? newTraceparent();
    if (!isValidTraceparent(traceparent)) throw new TypeError(`Not a valid W3C traceparent: ${traceparent}`);
    const idempotencyKey = opts.idempotencyKey ?? given['idempotency-key'] ?? (wantsIdempotencyKey(req.method, req.path) ? uuidV4() : undefined);
    const repeatable = isRepeatable(req.method, idempotencyKey, req.repeatable);
    const maxRetries = Math.max(0, opts.maxRetries ?? o.maxRetries);
    const timeoutMs = opts.timeoutMs ?? o.timeoutMs;
    const url = buildUrl(o.baseUrl, req.path, req.query);
    const operator = opts.operator === undefined ? o.operator : opts.operator ?? undefined;
    const workstation = opts.workstation === undefined ? o.workstation : opts.workstation ?? undefined;
    const { body, contentType } = encodeBody(req.body, req.mediaType);

    let attempt = 0;
    let reauthenticated = false;
    for (;;) {
      attempt++;
      const headers = new Headers();
      for (const [k, v] of Object.entries(given)) headers.set(k, v);
      headers.set('accept', 'application/json, application/problem+json;q=0.9, */*;q=0.1');
      headers.set('user-agent', o.userAgent);
      headers.set('x-request-id', requestId);
      headers.set('traceparent', traceparent);
      if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
      if (contentType) headers.set('content-type', contentType);
      if (req.context !== false) {
        // A header given for this very call (a generated operation's parameter) wins over the defaults.
        if (operator && !given['x-geres-operator']) headers.set('x-geres-operator', operator);
        if (workstation?.code && !given['x-geres-workstation']) headers.set('x-geres-workstation', workstation.code);
        if (workstation?.deviceToken && !given['x-geres-device-token']) headers.set('x-geres-device-token', workstation.deviceToken);
      }
      let token: string | undefined;
      if (req.authenticated !== false) {
        if (!this.auth) throw new AuthenticationError('No authentication configured');
        token = await this.auth.token();
        headers.set('authorization', `Bearer ${token}`);
      }

      this.emit({ kind: 'request', method: req.method, url, requestId, attempt, idempotencyKey });
      const started = o.now();
      let res: { status: number; headers: Headers; body: unknown };
      try {
        res = await this.exchange(url, { method: req.method, headers, body }, timeoutMs, opts.signal, requestId);
      } catch (e) {
        if (!(e instanceof GeResConnectionError) || e instanceof GeResTimeoutError) throw withAttempts(e, attempt, idempotencyKey);
        if (!repeatable || attempt > maxRetries) throw withAttempts(e, attempt, idempotencyKey);
        await this.pause(req.method, url, requestId, attempt, this.backoff(attempt), `connection: ${e.message}`);
        continue;
      }
      this.emit({ kind: 'response', method: req.method, url, requestId, attempt, status: res.status, elapsedMs: o.now() - started });

      const meta: ResponseMeta = {
        status: res.status,
        headers: res.headers,
        requestId: res.headers.get('x-request-id') ?? requestId,
        idempotencyKey,
        idempotentReplayed: res.headers.get('idempotent-replayed') === 'true',
        traceparent,
        attempts: attempt,
      };
      if (res.status < 400) return { data: res.body as T, meta };

      const error = errorFromResponse(res.status, res.body, { requestId: meta.requestId, headers: res.headers, idempotencyKey, attempts: attempt });
      if (res.status === 401 && error.problemName === 'invalid-token' && token && this.auth?.renewable && !reauthenticated) {
        // The token was refused (revoked, or the clock of one side is off): one fresh token, at once.
        reauthenticated = true;
        this.auth.invalidate(token);
        attempt--;
        this.emit({ kind: 'reauthenticate', method: req.method, url, requestId });
        continue;
      }
      if (repeatable && isTransientAnswer(res.status, error.problemName) && attempt <= maxRetries) {
        const hinted = this.retryAfterMs(res.headers, res.body);
        if (hinted === undefined || hinted <= o.retry.maxRetryAfterSeconds * 1000) {
          await this.pause(req.method, url, requestId, attempt, Math.max(this.backoff(attempt), hinted ?? 0), `HTTP ${res.status}${error.problemName ? ` ${error.problemName}` : ''}`);
          continue;
        }
      }
      throw error;
    }
  }

  /** A failing logger must not fail the call it reports on. */
  private emit(event: GeResEvent) {
    try {
      this.options.logger?.(event);
    } catch {
      // ignored
    }
  }

  /** Exponential backoff with "equal jitter": between half and all of min(initial·2^(n-1), max). */
  private backoff(attempt: number): number {
    const { initialDelayMs, maxDelayMs } = this.options.retry;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  private retryAfterMs(headers: Headers, body: unknown): number | undefined {
    const fromHeader = parseRetryAfter(headers.get('retry-after'), Date.now());
    if (fromHeader !== undefined) return fromHeader;
    const s = body && typeof body === 'object' ? (body as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
    return typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s * 1000 : undefined;
  }

  private async pause(method: string, url: string, requestId: string, attempt: number, delayMs: number, reason: string) {
    this.emit({ kind: 'retry', method, url, requestId, attempt, delayMs, reason });
    await this.options.sleep(delayMs);
  }

  /** One HTTP exchange, the body read included, within `timeoutMs`. */
  private async exchange(url: string, init: RequestInit, timeoutMs: number, signal: AbortSignal | undefined, requestId: string) {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await this.options.fetch(url, { ...init, signal: controller.signal });
      const body = await readBody(res);
      return { status: res.status, headers: res.headers, body };
    } catch (e) {
      if (timedOut) throw new GeResTimeoutError(`No answer from ${init.method} ${url} within ${timeoutMs} ms`, { requestId, cause: e });
      if (signal?.aborted) throw signal.reason ?? e;
      throw new GeResConnectionError(`Could not reach GeRes at ${url}: ${describe(e)}`, { requestId, cause: e });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function withAttempts(e: unknown, attempts: number, idempotencyKey?: string): unknown {
  if (e instanceof GeResError) {
    Object.assign(e as { attempts?: number; idempotencyKey?: string }, { attempts, idempotencyKey });
  }
  return e;
}

function describe(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? String(e);
}

function lowerCaseKeys(h: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, unknown>): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, item instanceof Date ? item.toISOString() : String(item));
  }
  return url.toString();
}

/** What fetch accepts as a body, from fetch's own types: no DOM lib needed (Node projects import the SDK's sources too). */
type RequestBody = NonNullable<NonNullable<Parameters<typeof fetch>[1]>['body']>;

function encodeBody(body: unknown, mediaType?: string): { body?: RequestBody; contentType?: string } {
  if (body === undefined) return {};
  if (mediaType === 'application/x-www-form-urlencoded' && body && typeof body === 'object' && !(body instanceof URLSearchParams)) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (v !== undefined && v !== null) form.append(k, String(v));
    return { body: form, contentType: mediaType };
  }
  if (typeof body === 'string' || body instanceof URLSearchParams || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof FormData) {
    return { body: body as RequestBody, contentType: body instanceof FormData ? undefined : mediaType };
  }
  return { body: JSON.stringify(body), contentType: mediaType && /json/.test(mediaType) ? mediaType : 'application/json' };
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204 || res.status === 304) return undefined;
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  if (!text) return undefined;
  if (/[/+]json\b/.test(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
