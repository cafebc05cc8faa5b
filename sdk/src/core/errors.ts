/**
 * Typed errors. Every answer the gateway refuses is an RFC 9457 problem document whose `type`
 * (`urn:geres:problem:<name>`) is stable; the SDK turns each type into a class, and falls back on
 * the HTTP status for types it does not know yet, so a newer gateway never breaks an older SDK.
 */

export const PROBLEM_TYPE_PREFIX = 'urn:geres:problem:';

/** A problem document as the gateway sends it; members beyond these are kept too. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  rule?: string;
  retryAfterSeconds?: number;
  [member: string]: unknown;
}

export interface FieldError {
  field?: string;
  message: string;
  row?: number;
  [member: string]: unknown;
}

export interface GeResErrorInit {
  status?: number;
  problem?: ProblemDocument;
  requestId?: string;
  headers?: Headers;
  idempotencyKey?: string;
  attempts?: number;
  cause?: unknown;
}

export class GeResError extends Error {
  /** HTTP status, when the gateway answered. */
  readonly status?: number;
  /** Problem type URN, e.g. `urn:geres:problem:subject-not-found`. */
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  /** The request id: quote it when reporting a problem (also in the gateway's logs and audit trail). */
  readonly requestId?: string;
  /** The full problem document, extension members included. */
  readonly problem?: ProblemDocument;
  readonly headers?: Headers;
  /** The Idempotency-Key sent (a lookup's, or yours): reuse it to retry safely yourself. */
  readonly idempotencyKey?: string;
  /** How many times the request was sent. */
  readonly attempts?: number;

  constructor(message: string, init: GeResErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status ?? init.problem?.status;
    this.type = init.problem?.type;
    this.title = init.problem?.title;
    this.detail = init.problem?.detail;
    this.problem = init.problem;
    this.requestId = init.requestId ?? init.problem?.requestId;
    this.headers = init.headers;
    this.idempotencyKey = init.idempotencyKey;
    this.attempts = init.attempts;
  }

  /** The short name of the problem type (`subject-not-found`), if any. */
  get problemName(): string | undefined {
    return this.type?.startsWith(PROBLEM_TYPE_PREFIX) ? this.type.slice(PROBLEM_TYPE_PREFIX.length) : undefined;
  }
}

/** 400, 413, 415 and 422 refusals of the request's content. */
export class ValidationError extends GeResError {
  /** One entry per field (or row) that was refused. */
  get errors(): FieldError[] {
    return Array.isArray(this.problem?.errors) ? this.problem.errors : [];
  }
}
export class InvalidCriteriaError extends ValidationError {}

/** 401 (and 423 account-locked): the token or the credentials. */
export class AuthenticationError extends GeResError {}

/** 403: the caller may not do this. `rule` names the check that refused, as in the audit trail. */
export class PermissionError extends GeResError {
  get rule(): string | undefined {
    return typeof this.problem?.rule === 'string' ? this.problem.rule : undefined;
  }
}
export class ForbiddenByProfileError extends PermissionError {}
export class ComuneNotAgreedError extends PermissionError {}
export class WorkstationNotAuthorisedError extends PermissionError {}

export class NotFoundError extends GeResError {}
/** ANPR has no subject matching the criteria. */
export class SubjectNotFoundError extends NotFoundError {}
/** The criteria match more than one subject: refine them (birth date, birth place). */
export class MoreThanOneSubjectError extends GeResError {}

export class ConflictError extends GeResError {}
/** The Idempotency-Key was already used with a different request body. */
export class IdempotencyKeyReusedError extends GeResError {}

/** 429. `retryAfterSeconds` says when trying again makes sense. */
export class RateLimitedError extends GeResError {
  get retryAfterSeconds(): number | undefined {
    return retryAfterOf(this);
  }
}
/** The daily quota of lookups is used up (until midnight, Italian time). */
export class QuotaExceededError extends RateLimitedError {}

/** 5xx. */
export class ServerError extends GeResError {
  get retryAfterSeconds(): number | undefined {
    return retryAfterOf(this);
  }
}
export class AnprUnavailableError extends ServerError {}
export class AnprRejectedError extends ServerError {}

/** The gateway could not be reached, or the connection failed before an answer arrived. */
export class GeResConnectionError extends GeResError {}
/** No answer within `timeoutMs`. The gateway may still complete the request. */
export class GeResTimeoutError extends GeResConnectionError {}

type ErrorClass = new (message: string, init: GeResErrorInit) => GeResError;

const BY_TYPE: Record<string, ErrorClass> = {
  'validation-failed': ValidationError,
  'bad-request': ValidationError,
  'invalid-grant': ValidationError,
  'weak-password': ValidationError,
  'import-failed': ValidationError,
  'unsupported-media-type': ValidationError,
  'payload-too-large': ValidationError,
  'invalid-criteria': InvalidCriteriaError,
  unauthenticated: AuthenticationError,
  'invalid-credentials': AuthenticationError,
  'invalid-token': AuthenticationError,
  'invalid-client': AuthenticationError,
  'account-locked': AuthenticationError,
  'account-suspended': PermissionError,
  'password-change-required': PermissionError,
  'operator-required': PermissionError,
  'operator-not-allowed': PermissionError,
  forbidden: PermissionError,
  'grant-exceeds-own': PermissionError,
  'forbidden-by-profile': ForbiddenByProfileError,
  'comune-not-agreed': ComuneNotAgreedError,
  'workstation-not-authorised': WorkstationNotAuthorisedError,
  'not-found': NotFoundError,
  'subject-not-found': SubjectNotFoundError,
  'more-than-one-subject': MoreThanOneSubjectError,
  conflict: ConflictError,
  'idempotency-in-progress': ConflictError,
  'idempotency-key-reused': IdempotencyKeyReusedError,
  'rate-limited': RateLimitedError,
  'quota-exceeded': QuotaExceededError,
  'internal-error': ServerError,
  'service-unavailable': ServerError,
  'anpr-unavailable': AnprUnavailableError,
  'anpr-rejected': AnprRejectedError,
};

/** The class of a problem type this SDK knows (its short name), else undefined. */
export function errorClassForProblemType(name: string): ErrorClass | undefined {
  return Object.hasOwn(BY_TYPE, name) ? BY_TYPE[name] : undefined;
}

function classForStatus(status: number): ErrorClass {
  if (status === 400 || status === 413 || status === 415 || status === 422) return ValidationError;
  if (status === 401 || status === 423) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitedError;
  if (status >= 500) return ServerError;
  return GeResError;
}

function retryAfterOf(e: GeResError): number | undefined {
  const fromBody = e.problem?.retryAfterSeconds;
  if (typeof fromBody === 'number' && Number.isFinite(fromBody)) return fromBody;
  const ms = parseRetryAfter(e.headers?.get('retry-after') ?? null, Date.now());
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function isProblem(body: unknown): body is ProblemDocument {
  return !!body && typeof body === 'object' && typeof (body as ProblemDocument).type === 'string';
}

/** The error for a refused answer: by problem type first, by status otherwise. */
export function errorFromResponse(status: number, body: unknown, init: Omit<GeResErrorInit, 'status' | 'problem'>): GeResError {
  const problem = isProblem(body) ? body : undefined;
  const name = problem?.type.startsWith(PROBLEM_TYPE_PREFIX) ? problem.type.slice(PROBLEM_TYPE_PREFIX.length) : undefined;
  const Class = (name && BY_TYPE[name]) || classForStatus(status);
  const what = problem ? problem.detail ?? problem.title : typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`;
  const requestId = init.requestId ?? problem?.requestId;
  const message = `${what} (${name ?? `HTTP ${status}`}${requestId ? `, request ${requestId}` : ''})`;
  return new Class(message, { ...init, status, problem, requestId });
}
