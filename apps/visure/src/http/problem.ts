import { HttpException } from '@nestjs/common';

/**
 * The visure service's RFC 9457 problem types: stable names under `urn:geres:visure:problem:`, the
 * same conventions as the gateway's. `detail` is written for the person using the service (Italian).
 */
export const VISURE_PROBLEMS = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'This action is outside your area' },
  'visura-type-not-allowed': { status: 403, title: 'Your profile does not allow this visura type' },
  'forbidden-by-profile': { status: 403, title: 'Your profile does not allow this request' },
  'not-found': { status: 404, title: 'Not found' },
  'subject-not-found': { status: 404, title: 'ANPR has no subject matching the criteria' },
  conflict: { status: 409, title: 'Conflict with the current state of the request' },
  'document-expired': { status: 410, title: 'The document can no longer be verified online' },
  'cannot-issue': { status: 422, title: 'The visura cannot be issued for this subject' },
  'more-than-one-subject': { status: 422, title: 'The criteria match more than one subject' },
  'comune-not-served': { status: 422, title: 'The visure service does not serve this Comune' },
  'rate-limited': { status: 429, title: 'Too many requests; slow down' },
  'internal-error': { status: 500, title: 'Internal error' },
  'gateway-unavailable': { status: 502, title: 'The GeRes gateway refused or did not understand the request' },
  'anpr-unavailable': { status: 503, title: 'ANPR is unavailable or did not answer in time' },
} as const;

export type VisureProblemType = keyof typeof VISURE_PROBLEMS;
export const PROBLEM_PREFIX = 'urn:geres:visure:problem:';

export class VisureProblem extends HttpException {
  constructor(
    readonly problemType: VisureProblemType,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, VISURE_PROBLEMS[problemType].status);
  }
}

export const visureProblem = (type: VisureProblemType, detail: string, extensions?: Record<string, unknown>) => new VisureProblem(type, detail, extensions);
