import { createHash } from 'node:crypto';
import { FixedTokenSource } from '../core/auth.js';
import { attachMeta, boundHttpRequest, type WithResponse } from '../core/bridge.js';
import { errorFromResponse } from '../core/errors.js';
import { Transport, userAgent, type RequestOptions } from '../core/transport.js';
import { RivestizioneApi } from './generated/RivestizioneApi.js';
import type { ComuneSettingsDto } from './generated/models/ComuneSettingsDto.js';
import type { ComuneSettingsView } from './generated/models/ComuneSettingsView.js';
import type { ListItemDto } from './generated/models/ListItemDto.js';
import type { RivestizionePage } from './generated/models/RivestizionePage.js';
import type { RivestizioneView } from './generated/models/RivestizioneView.js';
import type { ValidationReportView } from './generated/models/ValidationReportView.js';

export interface RivestizioneClientOptions {
  /** The rivestizione service, e.g. `http://127.0.0.1:3300` in the sandbox. */
  baseUrl: string;
  /** Your own GeRes access token (from the gateway's login), or a function returning the current one. */
  accessToken: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  userAgentSuffix?: string;
}

export interface SubmitOptions {
  /** ISTAT code of the Comune whose registry office handles the request. */
  comune: string;
  motivoRichiesta: string;
  /** Process the valid rows even though some are not (those come back as SCARTATO). */
  acceptInvalidRows?: boolean;
}

export const FINAL_STATES = ['completata', 'completata_con_errori', 'respinta'] as const;

/**
 * The rivestizione service's client: submit a list or a file, follow the status, download the
 * results. Errors are the SDK's typed GeResError classes (problem+json).
 */
export class RivestizioneClient {
  /** Every operation, generated from openapi/rivestizione.openapi.json. */
  readonly api: RivestizioneApi;
  private readonly transport: Transport;

  constructor(private readonly options: RivestizioneClientOptions) {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.transport = new Transport({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      retry: { initialDelayMs: 500, maxDelayMs: 5_000, maxRetryAfterSeconds: 60 },
      fetch: fetchImpl,
      userAgent: userAgent(options.userAgentSuffix),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: Date.now,
    });
    this.transport.auth = new FixedTokenSource(options.accessToken);
    this.api = new RivestizioneApi({}, boundHttpRequest(this.transport, {}) as never);
  }

  private async send<T>(method: 'GET' | 'POST', path: string, body: unknown, mediaType: string, query?: Record<string, unknown>, opts: RequestOptions = {}): Promise<WithResponse<T>> {
    const { data, meta } = await this.transport.send<T>({ method, path, body, mediaType, query }, opts);
    return attachMeta(data, meta);
  }

  /** Checks a list without submitting it. */
  validateList(items: ListItemDto[]) {
    return this.send<ValidationReportView>('POST', '/v1/rivestizioni/validation', { items }, 'application/json');
  }

  /** Checks a CSV or fixed-width file without submitting it. */
  validateFile(content: string | Uint8Array) {
    return this.send<ValidationReportView>('POST', '/v1/rivestizioni/validation', content, 'text/csv');
  }

  submitList(items: ListItemDto[], o: SubmitOptions) {
    return this.send<RivestizioneView>('POST', '/v1/rivestizioni', { items, comune: o.comune, motivoRichiesta: o.motivoRichiesta, acceptInvalidRows: o.acceptInvalidRows ?? false }, 'application/json');
  }

  submitFile(content: string | Uint8Array, o: SubmitOptions) {
    return this.send<RivestizioneView>('POST', '/v1/rivestizioni', content, 'text/csv', { comune: o.comune, motivoRichiesta: o.motivoRichiesta, acceptInvalidRows: String(o.acceptInvalidRows ?? false) });
  }

  get(id: string) {
    return this.send<RivestizioneView>('GET', `/v1/rivestizioni/${encodeURIComponent(id)}`, undefined, 'application/json');
  }

  list(query: { state?: string; limit?: number; offset?: number } = {}) {
    return this.send<RivestizionePage>('GET', '/v1/rivestizioni', undefined, 'application/json', query);
  }

  approve(id: string) {
    return this.send<RivestizioneView>('POST', `/v1/rivestizioni/${encodeURIComponent(id)}/approval`, undefined, 'application/json');
  }

  reject(id: string, reason: string) {
    return this.send<RivestizioneView>('POST', `/v1/rivestizioni/${encodeURIComponent(id)}/rejection`, { reason }, 'application/json');
  }

  getSettings(comune: string) {
    return this.send<ComuneSettingsView>('GET', `/v1/rivestizione-settings/${encodeURIComponent(comune)}`, undefined, 'application/json');
  }

  /** Polls until the request is completed or rejected (default every 2 s). */
  async waitUntilDone(id: string, { intervalMs = 2000, signal }: { intervalMs?: number; signal?: AbortSignal } = {}): Promise<RivestizioneView> {
    for (;;) {
      const view = await this.get(id);
      if ((FINAL_STATES as readonly string[]).includes(view.state)) return view;
      if (signal?.aborted) throw signal.reason;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  /** A result file, byte for byte (BOM included), checked against the SHA-256 the archive keeps. */
  async downloadFile(id: string, file: { id: string; sha256: string }): Promise<Uint8Array> {
    const token = typeof this.options.accessToken === 'function' ? await this.options.accessToken() : this.options.accessToken;
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/v1/rivestizioni/${encodeURIComponent(id)}/files/${encodeURIComponent(file.id)}`;
    const res = await (this.options.fetch ?? globalThis.fetch)(url, { headers: { authorization: `Bearer ${token}`, 'user-agent': userAgent(this.options.userAgentSuffix) } });
    if (!res.ok) {
      throw errorFromResponse(res.status, await res.json().catch(() => undefined), { headers: res.headers });
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== file.sha256) throw new Error(`The downloaded file does not match its SHA-256 (${digest} ≠ ${file.sha256})`);
    return bytes;
  }

  /** Updates the Comune's settings (registry officers). */
  updateSettings(comune: string, settings: ComuneSettingsDto) {
    return this.api.rivestizioni.updateRivestizioneSettings({ comune, requestBody: settings });
  }
}
