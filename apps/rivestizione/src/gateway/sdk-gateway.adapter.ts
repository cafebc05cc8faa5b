import {
  AnprUnavailableError,
  AuthenticationError,
  exchangeToken,
  ForbiddenByProfileError,
  GeResClient,
  GeResConnectionError,
  GeResError,
  MoreThanOneSubjectError,
  PermissionError,
  QuotaExceededError,
  RateLimitedError,
  ServerError,
  SubjectNotFoundError,
  type SearchPersonsParams,
} from '../../../../sdk/src/index.js';
import { type Caller, type GatewayPort, GatewayUnavailableError, type LookupOutcome, type LookupRequest, type PersonData, UnauthenticatedError } from './gateway.port.js';

const DOCUMENT_TYPES = new Set(['cartaIdentita', 'permessoSoggiorno', 'passaporto']);

export interface SdkGatewayOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The gateway through the TypeScript SDK: the only way this service reaches ANPR. */
export class SdkGatewayAdapter implements GatewayPort {
  constructor(private readonly options: SdkGatewayOptions) {}

  private client(accessToken: string, maxRetries = 1) {
    return new GeResClient({
      baseUrl: this.options.baseUrl,
      auth: { accessToken },
      fetch: this.options.fetch,
      // The processors retry with their own backoff and bookkeeping; the SDK retries once at most.
      maxRetries,
      timeoutMs: this.options.timeoutMs ?? 30_000,
      userAgentSuffix: `geres-rivestizione/1 (pid ${process.pid})`,
    });
  }

  async whoAmI(accessToken: string): Promise<Caller> {
    try {
      const me = await this.client(accessToken).api.me.getMe({});
      return {
        userId: me.user.id,
        username: me.user.username,
        role: me.user.role,
        enteId: me.user.enteId,
        comune: me.user.comune,
        mediator: me.user.mediator,
        rivestizioneFields: me.profile?.rivestizioneFields ?? [],
        sections: me.profile?.sections ?? [],
      };
    } catch (e) {
      if (e instanceof AuthenticationError || (e instanceof GeResError && (e.status === 401 || e.status === 403))) {
        throw new UnauthenticatedError(e.detail ?? 'The gateway refused the token');
      }
      throw new GatewayUnavailableError(e instanceof Error ? e.message : String(e));
    }
  }

  async exchangeGrant(subjectToken: string, lifetimeSeconds: number) {
    try {
      const answer = await exchangeToken({
        baseUrl: this.options.baseUrl,
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        subjectToken,
        requestedLifetimeSeconds: lifetimeSeconds,
        fetch: this.options.fetch,
      });
      return { grant: answer.accessToken, expiresInSeconds: answer.expiresIn };
    } catch (e) {
      if (e instanceof GeResError && e.status !== undefined && e.status < 500) throw new UnauthenticatedError(e.detail ?? 'The gateway refused the token exchange');
      throw new GatewayUnavailableError(e instanceof Error ? e.message : String(e));
    }
  }

  async lookup(grant: string, req: LookupRequest): Promise<LookupOutcome> {
    const criterion: SearchPersonsParams['criterion'] =
      req.type === 'codiceFiscale'
        ? { type: 'codiceFiscale', codiceFiscale: req.value }
        : req.type === 'idANPR'
          ? { type: 'idANPR', idANPR: req.value }
          : { type: 'documento', tipoDocumento: req.type as 'cartaIdentita', numeroDocumento: req.value };
    if (req.type !== 'codiceFiscale' && req.type !== 'idANPR' && !DOCUMENT_TYPES.has(req.type)) return { kind: 'refused', reason: 'unknown-type' };
    try {
      const answer = await this.client(grant).persons.search(
        { criterion, sections: req.sections as SearchPersonsParams['sections'], comune: req.comune, motivoRichiesta: req.motivoRichiesta, purpose: 'rivestizione' },
        { idempotencyKey: req.idempotencyKey },
      );
      if (answer.persons.length > 1) return { kind: 'ambiguous' };
      if (answer.persons.length === 0) return { kind: 'not-found' };
      return { kind: 'found', person: answer.persons[0] as PersonData };
    } catch (e) {
      return outcomeOfError(e);
    }
  }
}

/** Gateway problems → what the processor does with the row. */
export function outcomeOfError(e: unknown): LookupOutcome {
  if (e instanceof SubjectNotFoundError) return { kind: 'not-found' };
  if (e instanceof MoreThanOneSubjectError) return { kind: 'ambiguous' };
  if (e instanceof ForbiddenByProfileError && e.problem?.rule === 'scope_agreed_comuni') return { kind: 'out-of-scope' };
  if (e instanceof QuotaExceededError) return { kind: 'paused', reason: 'quota-exceeded', retryAfterSeconds: e.retryAfterSeconds ?? 3600 };
  if (e instanceof RateLimitedError) return { kind: 'retry', reason: 'rate-limited', retryAfterSeconds: e.retryAfterSeconds };
  if (e instanceof AnprUnavailableError) return { kind: 'retry', reason: 'anpr-unavailable', retryAfterSeconds: e.retryAfterSeconds };
  if (e instanceof GeResConnectionError) return { kind: 'retry', reason: 'gateway-unreachable' };
  // The same row's lookup is still running at the gateway (a worker died waiting for it): ask again later, it will be a replay.
  if (e instanceof GeResError && e.type?.endsWith('idempotency-in-progress')) return { kind: 'retry', reason: 'idempotency-in-progress', retryAfterSeconds: 1 };
  if (e instanceof ServerError) return { kind: 'retry', reason: shortType(e), retryAfterSeconds: e.retryAfterSeconds };
  if (e instanceof AuthenticationError) return { kind: 'grant-invalid', reason: shortType(e) };
  if (e instanceof PermissionError && (e.type?.endsWith('account-suspended') || e.type?.endsWith(':forbidden'))) return { kind: 'grant-invalid', reason: shortType(e) };
  if (e instanceof GeResError) return { kind: 'refused', reason: shortType(e) };
  return { kind: 'retry', reason: 'unexpected-error' };
}

const shortType = (e: GeResError): string => (e.type ?? `http-${e.status ?? 'error'}`).replace(/^.*[:/]/, '');
