import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from './problem.js';
import { Problem } from './problem.model.js';

/** Decorators that describe the API in the OpenAPI document; none of them changes behaviour. */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const BEARER_SCHEME = 'bearerAuth';
export const CLIENT_CREDENTIALS_SCHEME = 'clientCredentials';

/** Problem types every protected route can answer with: the token and the caller checks of PrincipalService. */
export const CALLER_PROBLEMS: readonly ProblemType[] = [
  'unauthenticated',
  'invalid-token',
  'account-suspended',
  'password-change-required',
  'operator-required',
  'operator-not-allowed',
  'workstation-not-authorised',
];

/**
 * The caller-context headers PrincipalService reads, keyed by their component name (build-document
 * moves them into components.parameters so that SDKs see one definition).
 */
export const CALLER_HEADERS = {
  OperatorHeader: {
    name: 'X-GeRes-Operator',
    description: 'Application tokens only, and then required: the username (or id) of the operator the application acts for, one of the operators registered for the application.',
    schema: { type: 'string', maxLength: 80, example: 'm.rossi' },
  },
  WorkstationHeader: {
    name: 'X-GeRes-Workstation',
    description: 'The code (ANPR IdPostazione) of the workstation the call comes from. Required when a Comune the caller\'s Ente works with admits authorised workstations only.',
    schema: { type: 'string', maxLength: 40, example: '072006-PL-0001' },
  },
  DeviceTokenHeader: {
    name: 'X-GeRes-Device-Token',
    description: 'The device token issued when the workstation was registered; one of the ways a workstation is recognised (with its client certificate or its IP range).',
    schema: { type: 'string', maxLength: 200 },
  },
} as const;

const SAMPLE_REQUEST_ID = '7f9c2ba4-e88f-4b2d-9b1e-3c2d1a0f5e6d';

/** A detail for the examples where one helps to understand the case. */
const SAMPLE: Partial<Record<ProblemType, Record<string, unknown>>> = {
  'validation-failed': { detail: 'email must be an email', errors: [{ field: 'email', message: 'email must be an email' }] },
  'weak-password': { detail: 'must be at least 12 characters long', errors: [{ field: 'newPassword', message: 'must be at least 12 characters long' }] },
  'import-failed': {
    detail: '1 error(s) in 1 row(s); nothing was imported',
    errors: [{ row: 3, field: 'email', message: 'is not a valid e-mail address' }],
  },
  unauthenticated: { detail: 'Send an access token in the Authorization header' },
  'invalid-token': { detail: '"exp" claim timestamp check failed' },
  'account-locked': { retryAfterSeconds: 840 },
  'invalid-client': { error: 'invalid_client' },
  'operator-required': { detail: 'Send the operator\'s username in x-geres-operator', rule: 'operator_missing' },
  'operator-not-allowed': { detail: 'The application may not act for "m.rossi"', rule: 'operator_not_registered' },
  'workstation-not-authorised': { detail: 'Workstation "072006-PL-0001" is not authorised', rule: 'workstation_not_authorised' },
  'grant-exceeds-own': { detail: 'dailyQuota: 500 exceeds your own 100', violations: ['dailyQuota: 500 exceeds your own 100'] },
  'not-found': { detail: 'No user 0b7e4c9e-3f0a-4f57-9d0e-2f5c1a6b8d21 in your area' },
  'service-unavailable': { detail: 'Not ready', checks: { database: 'ok', redis: 'down: connect ECONNREFUSED' } },
};

/** An example problem document of a type, as kept in components.examples. */
export function problemExample(type: ProblemType) {
  const { status, title } = PROBLEM_TYPES[type];
  return { summary: title, value: { type: problemTypeUri(type), title, status, ...SAMPLE[type], requestId: SAMPLE_REQUEST_ID } };
}

export const PROBLEM_EXAMPLE_PREFIX = 'problem-';

/** Statuses after which a client may try again later; the filter sends Retry-After when it knows when. */
const RETRY_AFTER_STATUSES = new Set([423, 429, 503]);
export const RETRY_AFTER_HEADER_REF = '#/components/headers/RetryAfter';

const DOCUMENTED = Symbol('geres:problemTypes');

const problemLines = (types: ProblemType[]) => types.map((t) => `\`${problemTypeUri(t)}\`: ${PROBLEM_TYPES[t].title}.`).join('\n');

/**
 * Documents the problem responses of an operation by problem type; statuses, descriptions and
 * examples follow from PROBLEM_TYPES, so the document cannot disagree with the filter. Applied more
 * than once on a method (ApiCaller plus ApiProblems), it adds to what is already documented.
 */
export function ApiProblems(...types: ProblemType[]): MethodDecorator {
  return (target, key, descriptor) => {
    const method = descriptor.value as object;
    const before: ProblemType[] = Reflect.getMetadata(DOCUMENTED, method) ?? [];
    const added = [...new Set(types)].filter((t) => !before.includes(t));
    const all = [...before, ...added];
    Reflect.defineMetadata(DOCUMENTED, all, method);
    const statuses = [...new Set(added.map((t) => PROBLEM_TYPES[t].status))].sort((a, b) => a - b);
    for (const status of statuses) {
      const atStatus = (list: ProblemType[]) => list.filter((t) => PROBLEM_TYPES[t].status === status);
      // The library appends a description to an existing one and replaces the content: describe the
      // added types only, and give the examples of every type of the status.
      const examples = Object.fromEntries(atStatus(all).map((t) => [t, { $ref: `#/components/examples/${PROBLEM_EXAMPLE_PREFIX}${t}` }]));
      ApiResponse({
        status,
        description: problemLines(atStatus(added)),
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(Problem) }, examples } },
        ...(RETRY_AFTER_STATUSES.has(status) ? { headers: { 'Retry-After': { $ref: RETRY_AFTER_HEADER_REF } } } : {}),
      })(target, key, descriptor);
    }
    return descriptor;
  };
}

/**
 * A route that needs an access token: the security requirements, the optional caller-context
 * headers read by PrincipalService, and the problems of the caller checks plus `problems`.
 */
export function ApiCaller(...problems: ProblemType[]) {
  return applyDecorators(
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity(CLIENT_CREDENTIALS_SCHEME),
    ...Object.values(CALLER_HEADERS).map((h) => ApiHeader({ ...h, schema: { ...h.schema }, required: false })),
    ApiProblems(...CALLER_PROBLEMS, ...problems),
  );
}
