import { errorFromResponse, GeResConnectionError } from './errors.js';

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
  const form = new URLSearchParams({ grant_type: TOKEN_EXCHANGE, subject_token: params.subjectToken, subject_token_type: ACCESS_TOKEN });
  if (params.actorToken) {
    form.set('actor_token', params.actorToken);
    form.set('actor_token_type', ACCESS_TOKEN);
  }
  if (params.mediation) {
    form.set('mediation', 'silent');
    form.set('comune', params.mediation.comune);
  }
  if (params.requestedLifetimeSeconds !== undefined) form.set('requested_lifetime', String(Math.floor(params.requestedLifetimeSeconds)));
  // RFC 6749 §2.3.1: each part form-urlencoded before being joined.
  const basic = btoa(`${encodeURIComponent(params.clientId)}:${encodeURIComponent(params.clientSecret)}`);
  const url = `${params.baseUrl.replace(/\/+$/, '')}/v1/oauth/token`;
  let res: Response;
  try {
    res = await (params.fetch ?? globalThis.fetch)(url, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json, application/problem+json' },
      body: form.toString(),
      signal: params.signal,
    });
  } catch (e) {
    throw new GeResConnectionError(`Could not reach the gateway at ${url}: ${(e as Error).message}`, { cause: e });
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: reported as text.
  }
  if (!res.ok) throw errorFromResponse(res.status, body, { requestId: res.headers.get('x-request-id') ?? undefined, headers: res.headers });
  const data = body as { access_token?: unknown; expires_in?: unknown };
  if (typeof data?.access_token !== 'string' || typeof data.expires_in !== 'number') throw errorFromResponse(502, 'The gateway answered the token exchange without a token', {});
  return { accessToken: data.access_token, expiresIn: data.expires_in };
}
