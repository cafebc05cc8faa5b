import type { IdentifierType } from '../input/index.js';

/** The person calling, as the gateway knows them (`GET /v1/me` under their token). */
export interface Caller {
  userId: string;
  username: string;
  role: 'TOP' | 'ADMIN' | 'STANDARD' | 'STANDARDPS';
  enteId: string | null;
  /** TOP users: the ISTAT code of their Comune. */
  comune: string | null;
  mediator: boolean;
  rivestizioneFields: string[];
  sections: string[];
}

/** The normalised data of one subject, as far as rivestizione needs it. */
export interface PersonData {
  idANPR: string;
  generalita?: {
    codiceFiscale: string;
    cognome: string;
    nome: string;
    sesso: string;
    dataNascita: string;
    luogoNascita?: { comune?: { nomeComune: string; siglaProvincia?: string }; localita?: { descrizione?: string } };
    soggettoAIRE?: boolean;
  };
  residenza?: Array<{
    dataDecorrenza?: string;
    indirizzo?: {
      cap?: string;
      comune: { codiceIstat: string; nomeComune: string; siglaProvincia?: string };
      toponimo: { specie: string; denominazione: string };
      numeroCivico?: { numero?: string; lettera?: string; interno?: string };
      frazione?: string;
    };
    localitaEstera?: unknown;
  }>;
  cittadinanza?: Array<{ descrizioneStato: string; dataFine?: string }>;
  statoCivile?: { descrizione: string };
  decesso?: { data: string };
  documenti?: Array<{ tipo: string; numero: string; dataScadenza?: string }>;
  aire?: unknown;
}

export interface LookupRequest {
  comune: string;
  motivoRichiesta: string;
  type: IdentifierType;
  value: string;
  sections: string[];
  idempotencyKey: string;
}

/**
 * What became of one lookup. `retry`: worth trying again (ANPR unavailable, 429, no answer);
 * `paused`: the user's daily quota at the gateway is used up, try after `retryAfterSeconds` without
 * counting an attempt; `grant-invalid`: the request's grant no longer works (expired, user suspended).
 */
export type LookupOutcome =
  | { kind: 'found'; person: PersonData }
  | { kind: 'not-found' }
  | { kind: 'out-of-scope' }
  | { kind: 'ambiguous' }
  | { kind: 'retry'; reason: string; retryAfterSeconds?: number }
  | { kind: 'paused'; reason: string; retryAfterSeconds: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'grant-invalid'; reason: string };

export class UnauthenticatedError extends Error {}
export class GatewayUnavailableError extends Error {}

/** Every call the service makes to the gateway; one SDK-backed adapter, and fakes in unit tests. */
export interface GatewayPort {
  /** Who owns this token; throws UnauthenticatedError when the gateway does not accept it. */
  whoAmI(accessToken: string): Promise<Caller>;
  /** A delegation grant for this person and request (RFC 8693 token exchange). */
  exchangeGrant(subjectToken: string, lifetimeSeconds: number): Promise<{ grant: string; expiresInSeconds: number }>;
  lookup(grant: string, request: LookupRequest): Promise<LookupOutcome>;
}

export const GATEWAY_PORT = Symbol('GatewayPort');
