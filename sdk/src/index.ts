/**
 * @geres/sdk: the TypeScript SDK of GeRes. Start with `new GeResClient({ baseUrl, auth })`;
 * see README.md.
 */
export { GeResClient } from './core/client.js';
export { exchangeToken } from './core/delegation.js';
export type { ExchangedToken, ExchangeTokenParams } from './core/delegation.js';
export { VisureClient, VisureError, type VisureClientOptions } from './visure/index.js';
export type { GeResClientOptions, GetPersonParams, GetPersonResult, RawRequest, SearchPersonsParams, SearchPersonsResult, UsageResult } from './core/client.js';
export type { AccessTokenAuth, ClientCredentialsAuth, GeResAuth, PasswordAuth } from './core/auth.js';
export type { GeResEvent, HttpMethod, RequestOptions, ResponseMeta, RetryPolicy, WorkstationContext } from './core/transport.js';
export type { WithResponse } from './core/bridge.js';
export {
  AnprRejectedError,
  AnprUnavailableError,
  AuthenticationError,
  ComuneNotAgreedError,
  ConflictError,
  ForbiddenByProfileError,
  GeResConnectionError,
  GeResError,
  GeResTimeoutError,
  IdempotencyKeyReusedError,
  InvalidCriteriaError,
  MoreThanOneSubjectError,
  NotFoundError,
  PermissionError,
  PROBLEM_TYPE_PREFIX,
  QuotaExceededError,
  RateLimitedError,
  ServerError,
  SubjectNotFoundError,
  ValidationError,
  WorkstationNotAuthorisedError,
} from './core/errors.js';
export type { FieldError, ProblemDocument } from './core/errors.js';
export { isValidTraceparent, newTraceparent } from './core/ids.js';
export { SDK_VERSION } from './core/version.js';
// The generated layer: every model and service type, and the API class (use it through client.api).
// Its ApiError and global OpenAPI config are left out: the core throws GeResError and has its own settings.
export type * from './generated/index.js';
export { CancelablePromise, CancelError, GeResApi } from './generated/index.js';
export * as rivestizione from './rivestizione/index.js';
