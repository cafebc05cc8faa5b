import type { ApiRequestOptions } from '../generated/core/ApiRequestOptions.js';
import { BaseHttpRequest } from '../generated/core/BaseHttpRequest.js';
import { CancelablePromise } from '../generated/core/CancelablePromise.js';
import type { OpenAPIConfig } from '../generated/core/OpenAPI.js';
import type { RequestOptions, ResponseMeta, Transport } from './transport.js';

export type WithResponse<T> = T & { readonly lastResponse?: ResponseMeta };

/**
 * Results that are objects carry the answer's metadata (request id, replay flag…) as a
 * non-enumerable `lastResponse`, so it never leaks into JSON.stringify or spreads.
 */
export function attachMeta<T>(data: T, meta: ResponseMeta): WithResponse<T> {
  if (data && typeof data === 'object' && !Object.isFrozen(data)) {
    Object.defineProperty(data, 'lastResponse', { value: meta, enumerable: false, configurable: true });
  }
  return data as WithResponse<T>;
}

/** Combines the caller's signal with the CancelablePromise's cancel(). */
function linkedSignal(outer: AbortSignal | undefined, onCancel: (h: () => void) => void): AbortSignal {
  const controller = new AbortController();
  onCancel(() => controller.abort(new Error('Request cancelled')));
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
  return controller.signal;
}

/** Turns one generated operation's request description into a call of the core. */
export function sendGenerated<T>(transport: Transport, o: ApiRequestOptions, defaults: RequestOptions, signal?: AbortSignal): Promise<WithResponse<T>> {
  const path = o.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = o.path?.[name];
    if (value === undefined || value === null) throw new TypeError(`${o.method} ${o.url}: the path parameter ${name} is required`);
    return encodeURIComponent(String(value));
  });
  let body: unknown = o.body;
  if (o.formData) {
    const form = new FormData();
    for (const [k, v] of Object.entries(o.formData)) {
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) form.append(k, item instanceof Blob ? item : typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
    body = form;
  }
  return transport
    .send<T>({ method: o.method, path, query: o.query, headers: o.headers, body, mediaType: o.mediaType }, { ...defaults, signal: signal ?? defaults.signal })
    .then(({ data, meta }) => attachMeta(data, meta));
}

/** A BaseHttpRequest for GeResApi that sends every generated call through the core. */
export function boundHttpRequest(transport: Transport, defaults: RequestOptions): new (config: OpenAPIConfig) => BaseHttpRequest {
  return class GeResHttpRequest extends BaseHttpRequest {
    override request<T>(options: ApiRequestOptions): CancelablePromise<T> {
      return new CancelablePromise<T>((resolve, reject, onCancel) => {
        sendGenerated<T>(transport, options, defaults, linkedSignal(defaults.signal, onCancel)).then(resolve, reject);
      });
    }
  };
}
