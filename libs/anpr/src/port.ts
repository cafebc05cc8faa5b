import type { LookupResult, PersonQuery } from './model.js';

export type AnprEnvironment = 'FREE' | 'TEST' | 'PRE' | 'PROD';

/** A PKCS#12 keystore: where it is and how to open it. Passwords never reach logs. */
export interface KeystoreRef {
  /** Path to the .p12 file, or its bytes. */
  path?: string;
  data?: Buffer;
  password: string;
}

/** Everything an adapter needs to speak to ANPR on behalf of one Comune. */
export interface ComuneAnprSettings {
  codiceIstat: string;
  environment: AnprEnvironment;
  channel: 'soap' | 'pdnd';
  soap?: {
    /** Base URL; the service path is appended (e.g. /ANPR3000ServiziConsultazione/AnprService3000). */
    baseUrl: string;
    /** 3002 for a Comune's own registry office, E002 for enti. */
    service: '3002' | 'E002';
    /** The Comune's server certificate and key, used for the message and assertion signatures. */
    keystore: KeystoreRef;
    /** Optional client certificate for mutual TLS. */
    tlsKeystore?: KeystoreRef;
    /** CA certificate(s) (PEM) to trust for the ANPR endpoint. */
    tlsCaPem?: string;
    signatureAlgorithm?: 'rsa-sha1' | 'rsa-sha256';
    digestAlgorithm?: 'sha1' | 'sha256';
    idApplicazione?: string;
    idSede?: string;
  };
  pdnd?: {
    /** e.g. https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND */
    baseUrl: string;
    /** e.g. https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR (audience base) */
    audienceBaseUrl: string;
    tokenUrl: string;
    clientAssertionAudience: string;
    clientId: string;
    kid: string;
    /** RS256 private key (PEM) registered on PDND. */
    privateKeyPem: string;
    /** purposeId per e-service code (C001, C020, C021, C030...). */
    purposes: Record<string, string>;
  };
  timeoutMs?: number;
}

/** Who is acting, for the SAML assertion / tracking evidence. */
export interface AnprCallContext {
  comune: ComuneAnprSettings;
  /** ANPR operator id (NameID / userID): a mediator's or the Comune's configured operator. */
  operatorId: string;
  /** Workstation id (IdPostazione), e.g. 888231-CO-0000, and its keystore for IdPostazioneFirmato. */
  workstation?: { id: string; keystore?: KeystoreRef };
  clientIp?: string;
  /** GeRes request id, for correlation in logs. */
  requestId?: string;
  /** LoA for the PDND tracking evidence. */
  loa?: string;
}

/** The one interface the product uses to reach ANPR. */
export interface AnprPort {
  /**
   * Every implementation first runs `validatePersonQuery` (and refuses what its channel cannot
   * express), so an invalid query fails with AnprError 'invalid_request' naming the field before
   * any signing or HTTP.
   */
  findPersons(query: PersonQuery, ctx: AnprCallContext): Promise<LookupResult>;
}

export const ANPR_PORT = Symbol('ANPR_PORT');
