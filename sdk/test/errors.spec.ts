import { describe, expect, it } from '@jest/globals';
import { errorFromResponse } from '../src/core/errors.js';
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
