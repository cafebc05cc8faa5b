/** A scripted fetch: answers from a list of handlers, in order, and records every request. */
export interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export type Handler = (req: Recorded) => Response | Promise<Response>;

export function problem(status: number, name: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const body = { type: `urn:geres:problem:${name}`, title: name, status, requestId: `srv-${name}`, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', 'x-request-id': body.requestId as string, ...headers } });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function fakeFetch(handlers: Handler[] | ((req: Recorded, index: number) => Response | Promise<Response>)) {
  const calls: Recorded[] = [];
  const fn = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const req: Recorded = { method: init.method ?? 'GET', url: new URL(String(input)), headers, body: typeof init.body === 'string' ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : undefined };
    calls.push(req);
    const index = calls.length - 1;
    if (typeof handlers === 'function') return handlers(req, index);
    const h = handlers[index];
    if (!h) throw new Error(`unexpected request #${index + 1}: ${req.method} ${req.url}`);
    return h(req);
  }) as typeof fetch;
  return { fetch: fn, calls, apiCalls: () => calls.filter((c) => c.url.pathname !== '/v1/oauth/token' && !c.url.pathname.startsWith('/v1/auth/')) };
}

/** The token endpoint's answer. */
export const tokenResponse = (token = 'tok-1', expiresIn = 900) => json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });
