/**
 * The client of the GeRes visure service: the generated layer (`VisureApi`, from
 * openapi/visure.openapi.json) behind a small typed wrapper that turns problems into VisureError
 * and fetches PDFs as bytes.
 */
import { ApiError, VisureApi, type SearchDto, type SearchResultView, type VisuraPage, type VisuraRequestDto, type VisuraView } from './generated/index.js';

export type * from './generated/index.js';
export { VisureApi } from './generated/index.js';

/** A refusal or failure of the visure service: its problem type (short name), status and Italian detail. */
export class VisureError extends Error {
  constructor(
    readonly status: number,
    /** e.g. `cannot-issue`, `visura-type-not-allowed`, `anpr-unavailable`. */
    readonly problemType: string,
    readonly detail: string,
    readonly problem: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'VisureError';
  }
}

export interface VisureClientOptions {
  /** The visure service, e.g. http://127.0.0.1:3200 */
  baseUrl: string;
  /** The person's own GeRes access token (from the gateway's login). */
  accessToken: string | (() => Promise<string>);
  fetch?: typeof globalThis.fetch;
}

export type ArchiveQuery = Parameters<VisureApi['archive']['listVisure']>[0];

const PREFIX = 'urn:geres:visure:problem:';

export class VisureClient {
  readonly api: VisureApi;
  private readonly fetchImpl: typeof globalThis.fetch;

  constructor(private readonly options: VisureClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    const token = options.accessToken;
    this.api = new VisureApi({ BASE: options.baseUrl.replace(/\/+$/, ''), TOKEN: typeof token === 'string' ? token : () => token() });
  }

  search(body: SearchDto): Promise<SearchResultView> {
    return this.wrap(() => this.api.visure.searchSubjects({ requestBody: body }));
  }
  /** The request's state says the outcome: `issued`, `pending_mediator`, `pending_silent_consent`, `comune_only`. */
  request(body: VisuraRequestDto): Promise<VisuraView> {
    return this.wrap(() => this.api.visure.requestVisura({ requestBody: body }));
  }
  list(query: ArchiveQuery = {}): Promise<VisuraPage> {
    return this.wrap(() => this.api.archive.listVisure(query));
  }
  get(id: string): Promise<VisuraView> {
    return this.wrap(() => this.api.archive.getVisura({ id }));
  }
  queue(): Promise<VisuraView[]> {
    return this.wrap(() => this.api.mediation.mediationQueue());
  }
  approve(id: string): Promise<VisuraView> {
    return this.wrap(() => this.api.mediation.approveVisura({ id }));
  }
  reject(id: string, reason: string): Promise<VisuraView> {
    return this.wrap(() => this.api.mediation.rejectVisura({ id, requestBody: { reason } }));
  }
  /** The stored original of an issued visura. */
  document(id: string): Promise<Uint8Array> {
    return this.bytes(`/v1/visure/${encodeURIComponent(id)}/document`, true);
  }
  /** Public: the original from the id and CVD printed on a visura. */
  verify(documentId: string, cvd: string): Promise<Uint8Array> {
    return this.bytes(`/v1/verifica?id=${encodeURIComponent(documentId)}&cvd=${encodeURIComponent(cvd)}`, false);
  }

  private async bytes(path: string, auth: boolean): Promise<Uint8Array> {
    const token = typeof this.options.accessToken === 'string' ? this.options.accessToken : await this.options.accessToken();
    const res = await this.fetchImpl(this.options.baseUrl.replace(/\/+$/, '') + path, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      throw toError(res.status, body);
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  private async wrap<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ApiError) throw toError(e.status, e.body);
      throw e;
    }
  }
}

function toError(status: number, body: unknown): VisureError {
  const p = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const type = typeof p.type === 'string' && p.type.startsWith(PREFIX) ? p.type.slice(PREFIX.length) : `http-${status}`;
  return new VisureError(status, type, typeof p.detail === 'string' ? p.detail : `HTTP ${status}`, p);
}
