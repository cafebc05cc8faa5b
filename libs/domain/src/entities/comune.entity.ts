import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import type { NonResidentVisuraPolicy, WorkstationPolicy } from '../vocabulary.js';

export interface ComunePdndSettings {
  tokenUrl: string;
  clientAssertionAudience: string;
  /** e.g. https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR (JWT audiences) */
  audienceBaseUrl: string;
  clientId: string;
  kid: string;
  /** `file:/path/key.pem` or `env:VARIABLE` holding the RS256 private key registered on PDND. */
  privateKeyRef: string;
  /** purposeId per e-service code (C001, C020, C021, C030). */
  purposes: Record<string, string>;
}

/** A municipality: owner of the ANPR credentials used for every request that concerns it. */
@Entity({ tableName: 'comune' })
export class Comune {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  /** ISTAT code, 6 digits. */
  @Property({ type: 'string', length: 6 })
  @Unique()
  codiceIstat!: string;

  /** Cadastral (Belfiore) code, e.g. A662. */
  @Property({ type: 'string', length: 4 })
  codiceCatastale!: string;

  @Property({ type: 'string', length: 200 })
  nome!: string;

  @Property({ type: 'string', length: 2 })
  provincia!: string;

  // --- ANPR settings -----------------------------------------------------------------------
  @Property({ type: 'string', length: 8 })
  anprEnvironment: string = 'FREE';

  @Property({ type: 'string', length: 8 })
  anprChannel: string = 'soap';

  @Property({ type: 'string', length: 500, nullable: true })
  anprSoapUrl?: string;

  @Property({ type: 'string', length: 500, nullable: true })
  anprPdndUrl?: string;

  /** Reference (file path or secret name) of the Comune's PKCS#12 keystore; never the key itself. */
  @Property({ type: 'string', length: 500, nullable: true })
  keystoreRef?: string;

  /** Reference of the secret holding the keystore password. */
  @Property({ type: 'string', length: 500, nullable: true })
  keystorePasswordRef?: string;

  /** SOAP service used for lookups: 3002 (a Comune's registry office) or E002 (consultazione for enti). */
  @Property({ type: 'string', length: 4 })
  anprSoapService: '3002' | 'E002' = '3002';

  /** IdApplicazione sent in the SAML assertion. */
  @Property({ type: 'string', length: 64 })
  anprIdApplicazione: string = 'GERES';

  /** Optional PKCS#12 reference (and password reference) for mutual TLS to ANPR. */
  @Property({ type: 'string', length: 500, nullable: true })
  anprTlsKeystoreRef?: string;

  @Property({ type: 'string', length: 500, nullable: true })
  anprTlsKeystorePasswordRef?: string;

  /** PEM file of the CA(s) to trust for the ANPR endpoint. */
  @Property({ type: 'string', length: 500, nullable: true })
  anprTlsCaRef?: string;

  /**
   * The Comune's own ANPR workstation (IdPostazione, e.g. 072006-CO-0000) and its keystore, used
   * for requests that come from no ANPR-registered workstation of their own (external bodies,
   * integrated applications).
   */
  @Property({ type: 'string', length: 40, nullable: true })
  anprPostazioneId?: string;

  @Property({ type: 'string', length: 500, nullable: true })
  anprPostazioneKeystoreRef?: string;

  @Property({ type: 'string', length: 500, nullable: true })
  anprPostazioneKeystorePasswordRef?: string;

  /** PDND client settings; the private key is a reference, never the key itself. */
  @Property({ type: 'json', nullable: true })
  anprPdnd?: ComunePdndSettings;

  /** ANPR operator ids of this Comune's registry office that GeRes may use. */
  @Property({ type: 'json' })
  anprOperatorIds: string[] = [];

  /** Operator used when the caller is not a mediator. */
  @Property({ type: 'string', length: 64, nullable: true })
  defaultAnprOperatorId?: string;

  // --- policies ----------------------------------------------------------------------------
  @Property({ type: 'string', length: 16 })
  nonResidentVisuraPolicy: NonResidentVisuraPolicy = 'mediator';

  /** Hours after which a pending request is approved by silent consent. */
  @Property({ type: 'integer' })
  silentConsentHours: number = 24;

  /**
   * Username of the mediator (a user of this Comune with the mediator function) under whose ANPR
   * identity requests approved by silent consent are made. Without one, silent consent never fires.
   */
  @Property({ type: 'string', length: 80, nullable: true })
  silentConsentMediator?: string;

  @Property({ type: 'string', length: 16 })
  workstationPolicy: WorkstationPolicy = 'free';

  /** Suspicious-hours window, local time HH:MM. */
  @Property({ type: 'string', length: 5 })
  alarmNightStart: string = '22:00';

  @Property({ type: 'string', length: 5 })
  alarmNightEnd: string = '06:00';

  /** Requests on one subject per day above which an alarm is raised. */
  @Property({ type: 'integer' })
  alarmRepeatThreshold: number = 5;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
