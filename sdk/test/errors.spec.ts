import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { errorClassForProblemType, errorFromResponse } from '../src/core/errors.js';
import {
  AnprRejectedError,
  AnprUnavailableError,
  AuthenticationError,
  ComuneNotAgreedError,
  ConflictError,
  ForbiddenByProfileError,
  GeResError,
  IdempotencyKeyReusedError,
  InvalidCriteriaError,
  MoreThanOneSubjectError,
  NotFoundError,
  PermissionError,
  QuotaExceededError,
  RateLimitedError,
  ServerError,
  SubjectNotFoundError,
  ValidationError,
  WorkstationNotAuthorisedError,
} from '../src/index.js';

/** The parity suite's name of an error class (parity/README.md). */
const errorName = (e: Error) => e.constructor.name.replace(/(Error|Exception)$/, '').replace(/^GeRes(?=.)/, '');

const body = (name: string, status: number, extra: Record<string, unknown> = {}) => ({ type: `urn:geres:problem:${name}`, title: name, status, requestId: 'r-1', ...extra });

describe('errorFromResponse', () => {
  it.each([
    ['validation-failed', 400, ValidationError],
    ['invalid-criteria', 400, InvalidCriteriaError],
    ['invalid-token', 401, AuthenticationError],
    ['invalid-credentials', 401, AuthenticationError],
    ['account-locked', 423, AuthenticationError],
    ['operator-required', 403, PermissionError],
    ['forbidden-by-profile', 403, ForbiddenByProfileError],
    ['comune-not-agreed', 403, ComuneNotAgreedError],
    ['workstation-not-authorised', 403, WorkstationNotAuthorisedError],
    ['not-found', 404, NotFoundError],
    ['subject-not-found', 404, SubjectNotFoundError],
    ['more-than-one-subject', 422, MoreThanOneSubjectError],
    ['conflict', 409, ConflictError],
    ['idempotency-key-reused', 422, IdempotencyKeyReusedError],
    ['rate-limited', 429, RateLimitedError],
    ['quota-exceeded', 429, QuotaExceededError],
    ['anpr-unavailable', 503, AnprUnavailableError],
    ['anpr-rejected', 502, AnprRejectedError],
    ['internal-error', 500, ServerError],
    ['payload-too-large', 413, ValidationError],
    ['password-change-required', 403, PermissionError],
  ])('%s (%i) → %p', (name, status, Class) => {
    const sut = errorFromResponse(status, body(name, status), {});
    expect(sut).toBeInstanceOf(Class);
    expect(sut).toBeInstanceOf(GeResError);
    expect(sut.name).toBe(Class.name);
    expect(sut).toMatchObject({ status, type: `urn:geres:problem:${name}`, title: name, requestId: 'r-1', problemName: name });
  });

  it.each([
    [400, ValidationError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [413, ValidationError],
    [422, ValidationError],
    [429, RateLimitedError],
    [500, ServerError],
    [503, ServerError],
    [418, GeResError],
  ])('an unknown type with status %i → %p', (status, Class) => {
    const sut = errorFromResponse(status, body('from-the-future', status), {});
    expect(sut.constructor).toBe(Class);
  });

  it('an answer that is not a problem document still has its status and request id', () => {
    const sut = errorFromResponse(502, '<html>Bad gateway</html>', { requestId: 'hdr-1' });
    expect(sut).toBeInstanceOf(ServerError);
    expect(sut).toMatchObject({ status: 502, requestId: 'hdr-1', type: undefined });
    expect(sut.message).toBe('<html>Bad gateway</html> (HTTP 502, request hdr-1)');
  });

  it('exposes field errors, the rule and Retry-After', () => {
    const invalid = errorFromResponse(400, body('invalid-criteria', 400, { errors: [{ field: 'criterion.codiceFiscale', message: 'check character' }] }), {}) as InvalidCriteriaError;
    expect(invalid.errors).toEqual([{ field: 'criterion.codiceFiscale', message: 'check character' }]);
    const denied = errorFromResponse(403, body('comune-not-agreed', 403, { rule: 'no_active_convenzione' }), {}) as ComuneNotAgreedError;
    expect(denied.rule).toBe('no_active_convenzione');
    const limited = errorFromResponse(429, body('rate-limited', 429), { headers: new Headers({ 'retry-after': '7' }) }) as RateLimitedError;
    expect(limited.retryAfterSeconds).toBe(7);
    const down = errorFromResponse(503, body('anpr-unavailable', 503, { retryAfterSeconds: 5 }), {}) as AnprUnavailableError;
    expect(down.retryAfterSeconds).toBe(5);
  });
});

/** The problem types the gateway declares (apps/gateway/src/common/problem.ts), with their statuses, read as text. */
function gatewayProblemTypes(): Array<[string, number]> {
  const source = readFileSync(new URL('../../apps/gateway/src/common/problem.ts', import.meta.url), 'utf8');
  const table = /PROBLEM_TYPES = \{([\s\S]*?)\n\} as const/.exec(source)?.[1] ?? '';
  return [...table.matchAll(/^\s*'?([a-z][a-z-]*)'?: \{ status: (\d{3})/gm)].map((m) => [m[1], Number(m[2])]);
}

describe('every problem type of the gateway', () => {
  const declared = gatewayProblemTypes();
  const contract = (JSON.parse(readFileSync(new URL('../../parity/problem-types.json', import.meta.url), 'utf8')) as { types: Record<string, string> }).types;

  it('is read from problem.ts and listed in parity/problem-types.json, the table the three SDKs share', () => {
    // 32 when this test was written: fewer means the file's shape changed and the reading broke.
    expect(declared.length).toBeGreaterThanOrEqual(32);
    expect(declared.map(([name]) => name).filter((name) => !(name in contract))).toEqual([]);
  });

  it.each(declared)('%s (%i) has its own class, the one the shared table names', (name, status) => {
    expect(errorClassForProblemType(name)).toBeDefined();
    const sut = errorFromResponse(status, body(name, status), {});
    expect(errorName(sut)).toBe(contract[name]);
    expect(sut).toMatchObject({ status, problemName: name });
  });
});
