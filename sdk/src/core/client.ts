import { GeResApi } from '../generated/GeResApi.js';
import type { LookupSection } from '../generated/models/LookupSection.js';
import type { SearchPersonsDto } from '../generated/models/SearchPersonsDto.js';
import type { MeService } from '../generated/services/MeService.js';
import type { PersonsService } from '../generated/services/PersonsService.js';
import { tokenSourceFor, type GeResAuth } from './auth.js';
import { attachMeta, boundHttpRequest, type WithResponse } from './bridge.js';
import { Transport, userAgent, type CoreRequest, type GeResEvent, type HttpMethod, type RequestOptions, type RetryPolicy, type WorkstationContext } from './transport.js';

export interface GeResClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:3000` for the sandbox. */
  baseUrl: string;
  auth: GeResAuth;
  /** Applications: the operator acted for (`X-GeRes-Operator`), unless a call names another. */
  operator?: string;
  /** The workstation calls come from (`X-GeRes-Workstation`, `X-GeRes-Device-Token`). */
  workstation?: WorkstationContext;
  /** Per attempt. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt, on connection errors, 429 and 503. Default 2. */
  maxRetries?: number;
  retry?: RetryPolicy;
  /** The HTTP transport; default the global fetch. Tests pass a spy. */
  fetch?: typeof fetch;
  /** Appended to the User-Agent, e.g. `protocollo/4.2`. */
  userAgentSuffix?: string;
  /** Receives one event per attempt, response, retry and re-authentication (no tokens, no bodies). */
  logger?: (event: GeResEvent) => void;
  /** How to wait between retries; tests replace it. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock used for token expiry; tests replace it. Default Date.now. */
  now?: () => number;
}

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
export type SearchPersonsParams = SearchPersonsDto;
export type SearchPersonsResult = Result<PersonsService['searchPersons']>;
export type GetPersonResult = Result<PersonsService['getPerson']>;
export type UsageResult = Result<MeService['getMyUsage']>;

export interface GetPersonParams {
  /** ISTAT code of the Comune the request concerns, e.g. `072006`. */
  comune: string;
  /** Sections wanted: an array, or a comma-separated string. */
  sections: LookupSection[] | string;
  /** Case or protocol number (motivoRichiesta). */
  motivoRichiesta: string;
  /** As-of date, YYYY-MM-DD. */
  asOf?: string;
}

export interface RawRequest {
  query?: Record<string, unknown>;
  body?: unknown;
  mediaType?: string;
  headers?: Record<string, string>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The GeRes client. The friendly methods (`persons`, `me`) cover the lookup API; `api` holds every
 * generated service (`client.api.users.createUser(...)`), all sent through the same core.
 */
export class GeResClient {
  /** Every operation of the API, generated from the OpenAPI document. */
  readonly api!: GeResApi;
  readonly persons!: {
    /** Searches ANPR by one criterion (`POST /v1/persons/search`). */
    search(params: SearchPersonsParams, options?: RequestOptions): Promise<WithResponse<SearchPersonsResult>>;
    /** One person by codice fiscale or idANPR (`GET /v1/persons/{identifier}`). */
    get(identifier: string, params: GetPersonParams, options?: RequestOptions): Promise<WithResponse<GetPersonResult>>;
  };
  readonly me!: {
    /** Your lookups today against your daily quota (`GET /v1/me/usage`). */
    usage(options?: RequestOptions): Promise<WithResponse<UsageResult>>;
  };
  private readonly transport!: Transport;
  private readonly defaults!: RequestOptions;

  constructor(options: GeResClientOptions) {
    if (!options?.baseUrl) throw new TypeError('baseUrl is required, e.g. http://127.0.0.1:3000');
    if (!options.auth) throw new TypeError('auth is required');
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('No fetch available: pass options.fetch (Node 18.18 or later has one)');
    const now = options.now ?? Date.now;
    const transport = new Transport({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      retry: { initialDelayMs: 500, maxDelayMs: 5_000, maxRetryAfterSeconds: 60, ...options.retry },
      fetch: fetchImpl,
      userAgent: userAgent(options.userAgentSuffix),
      operator: options.operator,
      workstation: options.workstation,
      logger: options.logger,
      sleep: options.sleep ?? sleep,
      now,
    });
    transport.auth = tokenSourceFor(options.auth, transport, now);
    this.init(transport, {});
  }

  /** The same client with other defaults for the calls made through it (operator, timeout…). */
  withOptions(options: RequestOptions): GeResClient {
    const scoped = Object.create(GeResClient.prototype) as GeResClient;
    scoped.init(this.transport, { ...this.defaults, ...options, headers: { ...this.defaults.headers, ...options.headers } });
    return scoped;
  }

  /** Any endpoint, for what the generated layer does not cover yet. */
  async request<T = unknown>(method: HttpMethod, path: string, req: RawRequest = {}, options: RequestOptions = {}): Promise<WithResponse<T>> {
    const core: CoreRequest = { method, path, query: req.query, body: req.body, mediaType: req.mediaType, headers: req.headers };
    const { data, meta } = await this.transport.send<T>(core, { ...this.defaults, ...options });
    return attachMeta(data, meta);
  }

  private init(transport: Transport, defaults: RequestOptions) {
    const self = this as unknown as { -readonly [K in keyof GeResClient]: GeResClient[K] } & { transport: Transport; defaults: RequestOptions };
    self.transport = transport;
    self.defaults = defaults;
    self.api = new GeResApi({}, boundHttpRequest(transport, defaults));
    const scoped = (options?: RequestOptions) => (options ? this.withOptions(options).api : this.api);
    self.persons = {
      search: (params, options) => scoped(options).persons.searchPersons({ requestBody: params }),
      get: (identifier, params, options) =>
        scoped(options).persons.getPerson({
          identifier,
          comune: params.comune,
          sections: Array.isArray(params.sections) ? params.sections.join(',') : params.sections,
          motivoRichiesta: params.motivoRichiesta,
          asOf: params.asOf,
        }),
    };
    self.me = { usage: (options) => scoped(options).me.getMyUsage({}) };
  }
}
