import type { EnteKind, NonResidentVisuraPolicy, VisuraType } from '#libs/domain';
import { exchangeToken, GeResClient, GeResConnectionError, GeResError, type Person, type SearchPersonsParams } from '../../../../sdk/src/index.js';
import type { Section } from '../domain/visura-rules.js';
import { GatewayProblem, type Criterion, type GatewayPort, type GatewayUser, type Grant, type LookupAnswer } from './gateway.port.js';

export interface SdkGatewayOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof globalThis.fetch;
}

/** The gateway through the TypeScript SDK: token exchange, /v1/me and the lookup, nothing else. */
export class SdkGateway implements GatewayPort {
  constructor(private readonly options: SdkGatewayOptions) {}

  async exchange(params: { subjectToken: string; actorToken?: string; silentComune?: string; lifetimeSeconds?: number }): Promise<Grant> {
    const r = await this.call(() =>
      exchangeToken({
        baseUrl: this.options.baseUrl,
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        subjectToken: params.subjectToken,
        actorToken: params.actorToken,
        mediation: params.silentComune ? { silent: true, comune: params.silentComune } : undefined,
        requestedLifetimeSeconds: params.lifetimeSeconds,
        fetch: this.options.fetch,
      }),
    );
    return { token: r.accessToken, expiresIn: r.expiresIn };
  }

  async me(grant: string): Promise<GatewayUser> {
    const me = await this.call(() => this.client(grant).api.me.getMe({}));
    const u = me.user;
    return {
      id: u.id,
      username: u.username,
      name: u.name,
      role: u.role as GatewayUser['role'],
      mediator: u.mediator,
      comune: u.comune ?? null,
      enteId: u.enteId ?? null,
      anprOperatorId: u.anprOperatorId ?? null,
      profile: me.profile
        ? { visuraTypes: me.profile.visuraTypes as VisuraType[], sections: me.profile.sections, scope: me.profile.scope as 'agreed' | 'national', allowedComuni: me.profile.allowedComuni }
        : null,
      ente: me.ente ? { kind: me.ente.kind as EnteKind, name: me.ente.name } : null,
      comuni: (me.comuni ?? []).map((c) => ({ codiceIstat: c.codiceIstat, nome: c.nome, nonResidentVisuraPolicy: c.nonResidentVisuraPolicy as NonResidentVisuraPolicy, silentConsentHours: c.silentConsentHours })),
    };
  }

  async search(grant: string, params: { comune: string; criterion: Criterion; sections: Section[]; motivoRichiesta: string; visuraType: VisuraType }): Promise<LookupAnswer> {
    const body = {
      comune: params.comune,
      criterion: params.criterion,
      sections: params.sections,
      motivoRichiesta: params.motivoRichiesta,
      purpose: 'visura',
      visuraType: params.visuraType,
    } as unknown as SearchPersonsParams;
    const r = await this.call(() => this.client(grant).persons.search(body));
    return { persons: r.persons as Person[], anprOperationId: r.anprOperationId, requestId: r.requestId };
  }

  private client(grant: string) {
    // No retries here: the service decides (a lookup retried blindly would be a second ANPR request).
    return new GeResClient({ baseUrl: this.options.baseUrl, auth: { accessToken: grant }, maxRetries: 0, fetch: this.options.fetch });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof GeResConnectionError) throw new GatewayProblem(503, 'connection', 'Il gateway GeRes non risponde');
      if (e instanceof GeResError) {
        const type = (e.problem?.type ?? '').replace(/^urn:geres:problem:/, '') || `http-${e.status}`;
        const retryAfter = (e as { retryAfterSeconds?: number }).retryAfterSeconds;
        throw new GatewayProblem(e.status ?? 500, type, e.problem?.detail ?? e.message, retryAfter);
      }
      throw e;
    }
  }
}
