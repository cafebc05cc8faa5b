import type { EnteKind, NonResidentVisuraPolicy, Role, SearchScope, VisuraType } from '#libs/domain';
import type { Person } from '../../../../sdk/src/index.js';
import type { Section } from '../domain/visura-rules.js';

/** The criterion of a search, as the gateway takes it. */
export type Criterion =
  | { type: 'codiceFiscale'; codiceFiscale: string }
  | { type: 'idANPR'; idANPR: string }
  | { type: 'documento'; tipoDocumento: 'cartaIdentita' | 'permessoSoggiorno' | 'passaporto'; numeroDocumento: string }
  | { type: 'generalita'; cognome: string; nome: string; dataNascita?: string; luogoNascita?: { codiceIstatComune?: string } };

/** Who the grant acts for: the gateway's `/v1/me` as far as the visure service needs it. */
export interface GatewayUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  mediator: boolean;
  /** For TOP users, their Comune (ISTAT). */
  comune: string | null;
  enteId: string | null;
  anprOperatorId: string | null;
  profile: { visuraTypes: VisuraType[]; sections: string[]; scope: SearchScope; allowedComuni: string[] } | null;
  /** The user's Ente as the gateway tells it (GET /v1/me); null for a Comune's own users. */
  ente?: { kind: EnteKind; name: string } | null;
  /** The Comuni the user works with today and their visura policies, as the gateway tells them. */
  comuni?: Array<{ codiceIstat: string; nome: string; nonResidentVisuraPolicy: NonResidentVisuraPolicy; silentConsentHours: number }>;
}

export interface LookupAnswer {
  persons: Person[];
  anprOperationId: string;
  requestId: string;
}

export interface Grant {
  token: string;
  expiresIn: number;
}

/** A refusal or failure of the gateway, by its problem type (short name) and status. */
export class GatewayProblem extends Error {
  constructor(
    readonly status: number,
    /** Short problem type, e.g. `subject-not-found`, `forbidden-by-profile`, `anpr-unavailable`. */
    readonly problemType: string,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'GatewayProblem';
  }
  /** ANPR or the gateway did not answer: worth retrying later. */
  get transient(): boolean {
    return this.status >= 500 || this.problemType === 'connection' || this.problemType === 'rate-limited';
  }
}

/**
 * Everything the visure service asks of the gateway, through its public API only. One SDK-backed
 * adapter (SdkGateway); tests use an in-memory fake.
 */
export interface GatewayPort {
  /**
   * RFC 8693 token exchange: a grant for the person whose token (or stored grant) is `subjectToken`;
   * with `actorToken` the mediator's approval; with `silentComune` the Comune's silent consent.
   */
  exchange(params: { subjectToken: string; actorToken?: string; silentComune?: string; lifetimeSeconds?: number }): Promise<Grant>;
  me(grant: string): Promise<GatewayUser>;
  search(grant: string, params: { comune: string; criterion: Criterion; sections: Section[]; motivoRichiesta: string; visuraType: VisuraType }): Promise<LookupAnswer>;
}

/** What the Comune has decided for visure (from its settings in the gateway). */
export interface ComuneDirectoryEntry {
  name: string;
  nonResidentVisuraPolicy: NonResidentVisuraPolicy;
  silentConsentHours: number;
  /** Username of the designated mediator for silent consent (printed on the document). */
  silentConsentMediator: string | null;
  /** PNG/JPEG logo uploaded by the TOP; null for the neutral emblem. */
  logo?: Uint8Array | null;
}

/**
 * Facts the gateway does not yet give a delegated grant (the Ente's kind, the Comune's visura
 * settings): kept by the service's configuration meanwhile.
 */
export interface DirectoryPort {
  comune(istat: string): Promise<ComuneDirectoryEntry | null>;
  ente(enteId: string): Promise<{ kind: EnteKind; name: string } | null>;
}

export class StaticDirectory implements DirectoryPort {
  constructor(
    private readonly comuni: Record<string, ComuneDirectoryEntry>,
    private readonly enti: Record<string, { kind: EnteKind; name: string }>,
  ) {}
  async comune(istat: string) {
    return this.comuni[istat] ?? null;
  }
  async ente(id: string) {
    return this.enti[id] ?? null;
  }
}
