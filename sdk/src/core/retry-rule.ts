/**
 * When a failed attempt is sent again. The rule is the same in the TypeScript, .NET and Java SDKs
 * (their READMEs, and the parity suite, say so):
 *
 * - only a request that can be repeated without doing twice what it does once: a GET, HEAD or
 *   OPTIONS, a request carrying an Idempotency-Key (the SDK adds one to the lookups, whose keys
 *   the gateway honours), or a token request (it only issues another token);
 * - only a failure that may pass: a connection error before any answer; 409
 *   `idempotency-in-progress` (the first request with that key is still running); 429 except
 *   `quota-exceeded` (its Retry-After is Italian midnight); 502 except `anpr-rejected` (ANPR
 *   refused the gateway's credentials: no repeat changes that); 503; 504.
 *
 * Never: a timeout (the gateway may still be working, and the caller bounded the wait), a 500
 * (`internal-error` is a fault of the gateway, not a passing state), any other 4xx.
 */

/** POST paths where the gateway stores the answer under the Idempotency-Key: the SDK adds a key to these. */
export const KEYED_POST_PATHS: ReadonlySet<string> = new Set(['/v1/persons/search']);

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the SDK adds an Idempotency-Key of its own to this request. */
export function wantsIdempotencyKey(method: string, path: string): boolean {
  return method === 'POST' && KEYED_POST_PATHS.has(path);
}

/** Whether sending the request again cannot do twice what it does once. */
export function isRepeatable(method: string, idempotencyKey: string | undefined, repeatable = false): boolean {
  return repeatable || SAFE_METHODS.has(method) || !!idempotencyKey;
}

/** Whether an answer with this status and problem type (its short name) may succeed if sent again. */
export function isTransientAnswer(status: number, problemName: string | undefined): boolean {
  switch (status) {
    case 409:
      return problemName === 'idempotency-in-progress';
    case 429:
      return problemName !== 'quota-exceeded';
    case 502:
      return problemName !== 'anpr-rejected';
    case 503:
    case 504:
      return true;
    default:
      return false;
  }
}
