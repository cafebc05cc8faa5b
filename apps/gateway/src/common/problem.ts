import { HttpException } from '@nestjs/common';

/**
 * Every error the API returns is an RFC 9457 problem document with a stable `type` per case.
 * SDKs map these types to exception classes, so a type, once published, never changes meaning.
 */
export const PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  'invalid-credentials': { status: 401, title: 'Username or password is wrong' },
  'account-locked': { status: 423, title: 'The account is temporarily locked after repeated failures' },
  'account-suspended': { status: 403, title: 'The account is suspended' },
  'password-change-required': { status: 403, title: 'Change your one-time password before doing anything else' },
  'invalid-token': { status: 401, title: 'The token is not valid' },
  'invalid-client': { status: 401, title: 'The client credentials are not valid' },
  'invalid-grant': { status: 400, title: 'The grant asked for cannot be given' },
  'operator-required': { status: 403, title: 'An application must name the operator it acts for' },
  'operator-not-allowed': { status: 403, title: 'The application may not act for this operator' },
  'workstation-not-authorised': { status: 403, title: 'This workstation is not authorised' },
  forbidden: { status: 403, title: 'This action is outside your area' },
  'grant-exceeds-own': { status: 403, title: 'You cannot grant more than you hold' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  'weak-password': { status: 400, title: 'The password does not satisfy the password rules' },
  'import-failed': { status: 422, title: 'The file has errors; nothing was imported' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'invalid-criteria': { status: 400, title: 'The search criteria are not valid' },
  'subject-not-found': { status: 404, title: 'ANPR has no subject matching the criteria' },
  'more-than-one-subject': { status: 422, title: 'The criteria match more than one subject; refine them' },
  'forbidden-by-profile': { status: 403, title: 'Your profile does not allow this request' },
  'comune-not-agreed': { status: 403, title: 'Your ente has no active convenzione with this Comune' },
  'quota-exceeded': { status: 429, title: 'Your daily quota of lookups is used up' },
  'rate-limited': { status: 429, title: 'Too many requests; slow down' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used with a different request' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  'anpr-unavailable': { status: 503, title: 'ANPR is unavailable or did not answer in time' },
  'anpr-rejected': { status: 502, title: 'ANPR refused the request of this gateway' },
  'internal-error': { status: 500, title: 'Internal error' },
  'service-unavailable': { status: 503, title: 'A dependency is unavailable' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (type: ProblemType): string => `urn:geres:problem:${type}`;

export class ProblemException extends HttpException {
  constructor(
    readonly problemType: ProblemType,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEM_TYPES[problemType].title, PROBLEM_TYPES[problemType].status);
  }
}

export const problem = (type: ProblemType, detail?: string, extensions?: Record<string, unknown>) =>
  new ProblemException(type, detail, extensions);
