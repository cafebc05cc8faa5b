import { errorFromResponse } from './errors.js';
import { Transport, userAgent } from './transport.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';

/** What a consumer service (visure, rivestizione, console) asks the gateway for. */
export interface ExchangeTokenParams {
  /** The gateway's address, e.g. https://geres.comune.example.it */
  baseUrl: string;
  /** The service's name as configured in the gateway's SERVICE_CLIENTS, and its secret. */
  clientId: string;
  clientSecret: string;
  /** The token of the person who asked, or a grant stored for their deferred request. */
  subjectToken: string;
  /** The approving mediator's own token: the grant then carries that mediator's approval. */
  actorToken?: string;
  /** Silent consent of a Comune, on a stored grant once the Comune's hours have passed. */
  mediation?: { silent: true; comune: string };
  /** How long the grant should live (the gateway caps it). */
  requestedLifetimeSeconds?: number;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

export interface ExchangedToken {
  accessToken: string;
  expiresIn: number;
}

/**
 * OAuth 2.0 Token Exchange (RFC 8693) with the gateway: a grant to act for one person only, whose
 * `act` claim names the calling service. Use it as `new GeResClient({ baseUrl, auth: { accessToken } })`.
 * Refusals throw the SDK's errors (`invalid-grant` is a ValidationError, a wrong secret an
 * AuthenticationError). Never retried: asking again only issues another grant, but the caller
 * decides.
 */
export async function exchangeToken(params: ExchangeTokenParams): Promise<ExchangedToken> {
  const form: Record<string, string> = { grant_type: TOKEN_EXCHANGE, subject_token: params.subjectToken, subject_token_type: ACCESS_TOKEN };
  if (params.actorToken) Object.assign(form, { actor_token: params.actorToken, actor_token_type: ACCESS_TOKEN });
  if (params.mediation) Object.assign(form, { mediation: 'silent', comune: params.mediation.comune });
  if (params.requestedLifetimeSeconds !== undefined) form.requested_lifetime = String(Math.floor(params.requestedLifetimeSeconds));
  // The client's own transport (timeout, request id, user agent, typed errors), without retries.
  const transport = new Transport({
    baseUrl: params.baseUrl,
    timeoutMs: 30_000,
    maxRetries: 0,
    retry: { initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterSeconds: 0 },
    fetch: params.fetch ?? globalThis.fetch,
    userAgent: userAgent(),
    sleep: async () => undefined,
    now: Date.now,
  });
  // RFC 6749 §2.3.1: each part form-urlencoded before being joined.
  const basic = btoa(`${encodeURIComponent(params.clientId)}:${encodeURIComponent(params.clientSecret)}`);
  const { data } = await transport.send<{ access_token?: unknown; expires_in?: unknown }>(
    { method: 'POST', path: '/v1/oauth/token', headers: { authorization: `Basic ${basic}` }, body: form, mediaType: 'application/x-www-form-urlencoded', authenticated: false, context: false, repeatable: false },
    { signal: params.signal },
  );
  if (typeof data?.access_token !== 'string' || typeof data.expires_in !== 'number') throw errorFromResponse(502, 'The gateway answered the token exchange without a token', {});
  return { accessToken: data.access_token, expiresIn: data.expires_in };
}
