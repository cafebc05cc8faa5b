/** Closed vocabularies of the data model, shared by the gateway, the consumer services and the SDKs. */

export const ROLES = ['TOP', 'ADMIN', 'STANDARD', 'STANDARDPS'] as const;
export type Role = (typeof ROLES)[number];

export const ENTE_KINDS = ['municipal_office', 'external_body'] as const;
export type EnteKind = (typeof ENTE_KINDS)[number];

/** Lookup sections a profile may allow: exactly the sections the ANPR port can return. */
export { SECTIONS as LOOKUP_SECTIONS, type Section as LookupSection } from '#libs/anpr';

/** The 14 visura types of R-VIS-1. */
export const VISURA_TYPES = [
  'anagrafica_nascita',
  'esistenza_in_vita',
  'anagrafica_morte',
  'cittadinanza',
  'anagrafica_matrimonio',
  'stato_libero',
  'residenza',
  'stato_civile',
  'stato_famiglia',
  'stato_famiglia_parentela',
  'stato_famiglia_aire',
  'residenza_aire',
  'storica_cittadinanza',
  'storica_residenza',
] as const;
export type VisuraType = (typeof VISURA_TYPES)[number];

/** Fields a rivestizione may return (R-RIV-2). */
export const RIVESTIZIONE_FIELDS = [
  'codiceFiscale',
  'idANPR',
  'cognome',
  'nome',
  'sesso',
  'dataNascita',
  'luogoNascita',
  'cittadinanza',
  'statoCivile',
  'indirizzoResidenza',
  'comuneResidenza',
  'dataDecorrenzaResidenza',
  'soggettoAIRE',
  'dataDecesso',
  'documentoIdentita',
] as const;
export type RivestizioneField = (typeof RIVESTIZIONE_FIELDS)[number];

export const SEARCH_SCOPES = ['agreed', 'national'] as const;
/** `agreed`: subjects resident in the user's own or agreed Comuni only; `national`: anywhere in Italy. */
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export const NON_RESIDENT_VISURA_POLICIES = ['real_time', 'mediator', 'silent_consent'] as const;
export type NonResidentVisuraPolicy = (typeof NON_RESIDENT_VISURA_POLICIES)[number];

export const WORKSTATION_POLICIES = ['free', 'authorised'] as const;
export type WorkstationPolicy = (typeof WORKSTATION_POLICIES)[number];

export const ANPR_ENVIRONMENTS = ['FREE', 'TEST', 'PRE', 'PROD'] as const;
export const ANPR_CHANNELS = ['soap', 'pdnd'] as const;

/** `pending`: the intent recorded before an ANPR call; the call's outcome follows as its own event. */
export const AUDIT_OUTCOMES = ['ok', 'not_found', 'denied', 'error', 'pending'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const ACCESS_EVENTS = ['login_success', 'login_failure', 'login_throttled', 'logout', 'token_refresh', 'function', 'delegation'] as const;
export type AccessEventKind = (typeof ACCESS_EVENTS)[number];
