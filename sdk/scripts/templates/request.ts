/* generated using openapi-typescript-codegen -- do not edit */
/*
 * The generator's own HTTP stack is replaced (`--request`) by this stub: the SDK sends every
 * request through its hand-written core (src/core/), which GeResClient plugs into GeResApi as its
 * BaseHttpRequest. A GeResApi built any other way has no transport, and says so.
 */
import type { ApiRequestOptions } from './ApiRequestOptions';
import { CancelablePromise } from './CancelablePromise';
import type { OpenAPIConfig } from './OpenAPI';

export const request = <T>(_config: OpenAPIConfig, options: ApiRequestOptions): CancelablePromise<T> =>
  new CancelablePromise<T>((_resolve, reject) => {
    reject(new Error(`${options.method} ${options.url}: use the generated services through new GeResClient(...).api, which sends them through the SDK core`));
  });
