import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACCESS_EVENTS,
  ENTE_KINDS,
  LOOKUP_SECTIONS,
  NON_RESIDENT_VISURA_POLICIES,
  RIVESTIZIONE_FIELDS,
  ROLES,
  SEARCH_SCOPES,
  VISURA_TYPES,
  WORKSTATION_POLICIES,
  ANPR_CHANNELS,
  ANPR_ENVIRONMENTS,
  type EnteKind,
  type LookupSection,
  type NonResidentVisuraPolicy,
  type RivestizioneField,
  type Role,
  type SearchScope,
  type VisuraType,
  type WorkstationPolicy,
} from '#libs/domain';
import { apiEnum } from '../common/api-enums.js';
import { IsCalendarDate } from '../common/validation.js';

/** Optional, but when present it must not be null (for settings that have no "unset" state). */
const IsPresentNotNull = () => ValidateIf((_o, v) => v !== undefined);
/** Highest page number accepted: far beyond any real listing, well below 2^53. */
export const MAX_PAGE = 1_000_000;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISTAT = /^\d{6}$/;
const SECRET_REF_DOC = 'A `file:` or `env:` reference to where the secret is kept (e.g. `file:/run/secrets/comune.p12`), never the secret itself.';
const UUID_EXAMPLE = '5d1c7a0e-2b8f-4e36-9c41-7a2e0d3b6f18';

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page to return, from 1.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Items per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

@ApiSchema({ name: 'ConvenzioneInput', description: 'An agreement of an Ente with the caller\'s Comune.' })
export class ConvenzioneDto {
  @ApiProperty({ format: 'date', description: 'First day of validity.', example: '2026-01-01' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of validity, not before validFrom; leave out for an open-ended agreement.', example: '2028-12-31' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Protocol number or other reference of the agreement.', example: 'Prot. 2026/0042' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

@ApiSchema({ name: 'EndConvenzioneRequest', description: 'A new, earlier last day of validity for a convenzione of the caller\'s Comune.' })
export class EndConvenzioneDto {
  @ApiProperty({
    format: 'date',
    description:
      'New last day of validity: not after the current one, not before yesterday (the past is not rewritten) and not before the day before validFrom ' +
      '(that day withdraws a convenzione not yet in force). Today ends it tonight; yesterday ends it now.',
    example: '2026-06-30',
  })
  @IsCalendarDate()
  validTo!: string;
}

@ApiSchema({ name: 'CreateEnteRequest', description: 'An Ente and its first convenzione with the caller\'s Comune.' })
export class CreateEnteDto {
  @ApiProperty({ ...apiEnum('EnteKind'), description: 'municipal_office for an office of the Comune itself, external_body otherwise; either way the Ente belongs to the caller\'s Comune, whose TOP users manage its users.', example: 'external_body' })
  @IsIn(ENTE_KINDS)
  kind!: EnteKind;

  @ApiProperty({ maxLength: 200, description: 'Name.', example: 'Consorzio di bonifica Terre d\'Apulia' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ pattern: '^(\\d{11}|[A-Z0-9]{16})$', description: 'Codice fiscale (11 digits, or 16 characters) or partita IVA of the body.', example: '93012345678' })
  @IsOptional()
  @Matches(/^(\d{11}|[A-Z0-9]{16})$/, { message: 'codiceFiscale must be 11 digits or a 16-character codice fiscale' })
  codiceFiscale?: string;

  @ApiProperty({ type: () => ConvenzioneDto, description: 'The convenzione with the caller\'s Comune.' })
  @ValidateNested()
  @Type(() => ConvenzioneDto)
  convenzione!: ConvenzioneDto;
}

@ApiSchema({ name: 'UpdateEnteRequest', description: 'The fields to change; the others stay as they are.' })
export class UpdateEnteDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Name.', example: 'Consorzio di bonifica Terre d\'Apulia' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ pattern: '^(\\d{11}|[A-Z0-9]{16})$', description: 'Codice fiscale or partita IVA of the body.', example: '93012345678' })
  @IsOptional()
  @Matches(/^(\d{11}|[A-Z0-9]{16})$/)
  codiceFiscale?: string;
}

const SECRET_REF = /^(file|env):.+/;

@ApiSchema({ name: 'PdndSettingsInput', description: 'The Comune\'s PDND client settings; the private key is a reference, never the key.' })
export class PdndSettingsDto {
  @ApiProperty({ maxLength: 500, description: 'PDND token endpoint.', example: 'https://auth.uat.interop.pagopa.it/token.oauth2' })
  @IsString() @MaxLength(500) tokenUrl!: string;
  @ApiProperty({ maxLength: 500, description: 'Audience of the client assertion sent to PDND.', example: 'auth.uat.interop.pagopa.it/client-assertion' })
  @IsString() @MaxLength(500) clientAssertionAudience!: string;
  @ApiProperty({ maxLength: 500, description: 'Base URL from which the audiences of the ANPR e-services are formed.', example: 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR' })
  @IsString() @MaxLength(500) audienceBaseUrl!: string;
  @ApiProperty({ maxLength: 100, description: 'The Comune\'s PDND client id.', example: '9b2f3c1e-6a1d-4c52-8d3e-1f0a2b3c4d5e' })
  @IsString() @IsNotEmpty() @MaxLength(100) clientId!: string;
  @ApiProperty({ maxLength: 100, description: 'Key id of the public key registered on PDND.', example: 'Yx3Q0hP7k2Lw' })
  @IsString() @IsNotEmpty() @MaxLength(100) kid!: string;
  @ApiProperty({ pattern: '^(file|env):.+', description: `Private key (RS256) registered on PDND. ${SECRET_REF_DOC}`, example: 'file:/run/secrets/pdnd-key.pem' })
  @Matches(SECRET_REF, { message: 'privateKeyRef must be a file: or env: reference, never the key itself' }) privateKeyRef!: string;
  /** purposeId per e-service code, e.g. { "C001": "…", "C030": "…" } */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'PDND purpose id per ANPR e-service code (C001, C020, C021, C030).', example: { C001: '3fa85f64-5717-4562-b3fc-2c963f66afa6' } })
  @IsObject() purposes!: Record<string, string>;
}

@ApiSchema({ name: 'UpdateComuneSettingsRequest', description: 'The settings to change; the others stay as they are. Secrets are given as references, never as values.' })
export class UpdateComuneSettingsDto {
  @ApiPropertyOptional({ ...apiEnum('AnprEnvironment'), description: 'ANPR environment the Comune\'s requests go to.', example: 'TEST' })
  @IsPresentNotNull() @IsIn(ANPR_ENVIRONMENTS) anprEnvironment?: string;
  @ApiPropertyOptional({ ...apiEnum('AnprChannel'), description: 'Channel used for lookups.', example: 'soap' })
  @IsPresentNotNull() @IsIn(ANPR_CHANNELS) anprChannel?: string;
  @ApiPropertyOptional({ maxLength: 500, description: 'ANPR SOAP endpoint, to override the environment\'s default.', example: 'https://anpr.example.invalid/ws' })
  @IsOptional() @IsString() @MaxLength(500) anprSoapUrl?: string;
  @ApiPropertyOptional({ maxLength: 500, description: 'ANPR PDND endpoint, to override the environment\'s default.', example: 'https://anpr.example.invalid/pdnd' })
  @IsOptional() @IsString() @MaxLength(500) anprPdndUrl?: string;
  @ApiPropertyOptional({ maxLength: 500, description: `The Comune's PKCS#12 keystore. ${SECRET_REF_DOC}`, example: 'file:/run/secrets/comune.p12' })
  @IsOptional() @IsString() @MaxLength(500) keystoreRef?: string;
  @ApiPropertyOptional({ pattern: '^(file|env):.+', description: `The keystore password. ${SECRET_REF_DOC}`, example: 'env:COMUNE_KEYSTORE_PASSWORD' })
  @IsOptional() @Matches(SECRET_REF, { message: 'keystorePasswordRef must be a file: or env: reference' }) keystorePasswordRef?: string;
  @ApiPropertyOptional({ ...apiEnum('AnprSoapService'), description: 'SOAP service used for lookups.', example: '3002' })
  @IsPresentNotNull() @IsIn(['3002', 'E002']) anprSoapService?: '3002' | 'E002';
  @ApiPropertyOptional({ minLength: 1, maxLength: 64, description: 'IdApplicazione sent to ANPR.', example: 'GERES' })
  @IsPresentNotNull() @IsString() @IsNotEmpty() @MaxLength(64) anprIdApplicazione?: string;
  @ApiPropertyOptional({ maxLength: 500, description: `PKCS#12 keystore for mutual TLS to ANPR. ${SECRET_REF_DOC}`, example: 'file:/run/secrets/anpr-tls.p12' })
  @IsOptional() @IsString() @MaxLength(500) anprTlsKeystoreRef?: string;
  @ApiPropertyOptional({ pattern: '^(file|env):.+', description: `Password of the mutual-TLS keystore. ${SECRET_REF_DOC}`, example: 'env:ANPR_TLS_PASSWORD' })
  @IsOptional() @Matches(SECRET_REF, { message: 'anprTlsKeystorePasswordRef must be a file: or env: reference' }) anprTlsKeystorePasswordRef?: string;
  @ApiPropertyOptional({ maxLength: 500, description: 'PEM file of the CAs trusted for the ANPR endpoint.', example: 'file:/etc/geres/anpr-ca.pem' })
  @IsOptional() @IsString() @MaxLength(500) anprTlsCaRef?: string;
  @ApiPropertyOptional({ type: () => PdndSettingsDto, description: 'PDND client settings, for the pdnd channel.' })
  @IsOptional() @ValidateNested() @Type(() => PdndSettingsDto) anprPdnd?: PdndSettingsDto;
  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9-]{3,40}$', description: 'The Comune\'s own ANPR workstation (IdPostazione), used for callers without one of their own.', example: '072006-CO-0000' })
  @IsOptional() @Matches(/^[A-Za-z0-9-]{3,40}$/, { message: 'anprPostazioneId must be an ANPR workstation id such as 072006-CO-0000' }) anprPostazioneId?: string;
  @ApiPropertyOptional({ maxLength: 500, description: `Keystore of the Comune's ANPR workstation. ${SECRET_REF_DOC}`, example: 'file:/run/secrets/postazione.p12' })
  @IsOptional() @IsString() @MaxLength(500) anprPostazioneKeystoreRef?: string;
  @ApiPropertyOptional({ pattern: '^(file|env):.+', description: `Password of that keystore. ${SECRET_REF_DOC}`, example: 'env:POSTAZIONE_PASSWORD' })
  @IsOptional() @Matches(SECRET_REF, { message: 'anprPostazioneKeystorePasswordRef must be a file: or env: reference' }) anprPostazioneKeystorePasswordRef?: string;
  @ApiPropertyOptional({ type: [String], uniqueItems: true, description: 'ANPR operator ids of the registry office that GeRes may use.', example: ['RSSMRA80A01A662X'] })
  @IsPresentNotNull() @IsArray() @ArrayUnique() @IsString({ each: true }) anprOperatorIds?: string[];
  @ApiPropertyOptional({ maxLength: 64, description: 'Operator used when the caller is not a mediator; must be one of anprOperatorIds.', example: 'RSSMRA80A01A662X' })
  @IsPresentNotNull() @IsString() @MaxLength(64) defaultAnprOperatorId?: string;
  @ApiPropertyOptional({ ...apiEnum('NonResidentVisuraPolicy'), description: 'How visure on non-residents are handled.', example: 'mediator' })
  @IsPresentNotNull() @IsIn(NON_RESIDENT_VISURA_POLICIES) nonResidentVisuraPolicy?: NonResidentVisuraPolicy;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 720, description: 'Hours after which a pending request is approved by silent consent.', example: 24 })
  @IsPresentNotNull() @IsInt() @Min(1) @Max(720) silentConsentHours?: number;
  @ApiPropertyOptional({ maxLength: 80, description: 'Username of the mediator (an active user of this Comune with the mediator function and an ANPR operator id) under whose identity silent consent processes requests.', example: 'top.bari' })
  @IsPresentNotNull() @IsString() @MaxLength(80) silentConsentMediator?: string;
  @ApiPropertyOptional({ ...apiEnum('WorkstationPolicy'), description: 'Whether calls must come from authorised workstations.', example: 'authorised' })
  @IsPresentNotNull() @IsIn(WORKSTATION_POLICIES) workstationPolicy?: WorkstationPolicy;
  @ApiPropertyOptional({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Start of the suspicious-hours window (local time, HH:MM).', example: '22:00' })
  @IsPresentNotNull() @Matches(HHMM, { message: 'alarmNightStart must be HH:MM' }) alarmNightStart?: string;
  @ApiPropertyOptional({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'End of the suspicious-hours window (local time, HH:MM).', example: '06:00' })
  @IsPresentNotNull() @Matches(HHMM, { message: 'alarmNightEnd must be HH:MM' }) alarmNightEnd?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, description: 'Requests on one subject per day above which an alarm is raised.', example: 5 })
  @IsPresentNotNull() @IsInt() @Min(1) @Max(1000) alarmRepeatThreshold?: number;
}

@ApiSchema({ name: 'CreateUserRequest', description: 'A new user. TOP users belong to the caller\'s Comune; every other role to an Ente of the caller\'s area.' })
export class CreateUserDto {
  @ApiProperty({ pattern: '^[a-z0-9][a-z0-9._-]{2,79}$', description: 'Login name: 3-80 lower-case letters, digits, dots, dashes or underscores.', example: 'l.bianchi' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,79}$/, { message: 'username must be 3-80 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ maxLength: 200, description: 'Full name.', example: 'Laura Bianchi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'email', description: 'E-mail address.', example: 'l.bianchi@consorzio.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ ...apiEnum('Role'), description: 'Role; TOP users create any role, ADMIN users STANDARD and STANDARDPS.', example: 'STANDARD' })
  @IsIn(ROLES)
  role!: Role;

  /** Required for every role but TOP. */
  @ApiPropertyOptional({ format: 'uuid', description: 'The user\'s Ente: required for every role but TOP, and forbidden for TOP.', example: UUID_EXAMPLE })
  @IsOptional()
  @IsString()
  enteId?: string;

  @ApiPropertyOptional({ default: false, description: 'Give the MEDIATORE function (requires anprOperatorId).', example: false })
  @IsOptional()
  @IsBoolean()
  mediator?: boolean;

  @ApiPropertyOptional({ maxLength: 64, description: 'ANPR operator id, for users who perform registry functions.', example: 'BNCLRA85M41A662Y' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  anprOperatorId?: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 128, description: 'Initial password: at least 12 characters, three of lower case, upper case, digits and symbols, not containing the username.', example: 'Staple-Cloud-Lantern-42' })
  @IsString()
  @IsNotEmpty()
  password!: string;
}

@ApiSchema({ name: 'UpdateUserRequest', description: 'The fields to change; the others stay as they are.' })
export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Full name.', example: 'Laura Bianchi' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ format: 'email', description: 'E-mail address.', example: 'l.bianchi@consorzio.example' })
  @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ ...apiEnum('UserStatus'), description: 'Suspend or reactivate the user.', example: 'suspended' })
  @IsOptional() @IsIn(['active', 'suspended']) status?: 'active' | 'suspended';
  @ApiPropertyOptional({ description: 'Give or take the MEDIATORE function (giving it requires an anprOperatorId).', example: true })
  @IsOptional() @IsBoolean() mediator?: boolean;
  @ApiPropertyOptional({ maxLength: 64, description: 'ANPR operator id.', example: 'BNCLRA85M41A662Y' })
  @IsOptional() @IsString() @MaxLength(64) anprOperatorId?: string;
  /** Clears a lockout after repeated failed logins. */
  @ApiPropertyOptional({ description: 'true clears a lockout after repeated failed logins.', example: true })
  @IsOptional() @IsBoolean() unlock?: boolean;
}

@ApiSchema({ name: 'SetProfileRequest', description: 'The whole profile (it replaces the current one). Never more than the user\'s Ente convenzioni allow, nor, for an ADMIN, more than their own profile holds.' })
export class ProfileDto {
  @ApiProperty({ ...apiEnum('LookupSection'), isArray: true, uniqueItems: true, description: 'Sections the user may look up.', example: ['generalita', 'residenza'] })
  @IsArray() @ArrayUnique() @IsIn(LOOKUP_SECTIONS, { each: true }) sections!: LookupSection[];
  @ApiProperty({ ...apiEnum('VisuraType'), isArray: true, uniqueItems: true, description: 'Visure the user may request.', example: ['residenza', 'stato_famiglia'] })
  @IsArray() @ArrayUnique() @IsIn(VISURA_TYPES, { each: true }) visuraTypes!: VisuraType[];
  @ApiProperty({ ...apiEnum('RivestizioneField'), isArray: true, uniqueItems: true, description: 'Fields a rivestizione may return to the user.', example: ['codiceFiscale', 'indirizzoResidenza'] })
  @IsArray() @ArrayUnique() @IsIn(RIVESTIZIONE_FIELDS, { each: true }) rivestizioneFields!: RivestizioneField[];
  @ApiProperty({ ...apiEnum('SearchScope'), description: 'Whose records the user may search.', example: 'agreed' })
  @IsIn(SEARCH_SCOPES) scope!: SearchScope;
  @ApiProperty({ type: [String], uniqueItems: true, items: { type: 'string', pattern: '^\\d{6}$' }, description: 'ISTAT codes of the Comuni the user may work on, among those with an active convenzione with their Ente.', example: ['072006'] })
  @IsArray() @ArrayUnique() @Matches(ISTAT, { each: true, message: 'allowedComuni must be ISTAT codes of 6 digits' }) allowedComuni!: string[];
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000000, description: 'Lookups allowed per day; 0 allows none.', example: 100 })
  @IsInt() @Min(0) @Max(1_000_000) dailyQuota!: number;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ ...apiEnum('Role'), description: 'Only users with this role.' })
  @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only users of this Ente.' })
  @IsOptional() @IsString() enteId?: string;
  @ApiPropertyOptional({ ...apiEnum('UserStatus'), description: 'Only active or only suspended users.' })
  @IsOptional() @IsIn(['active', 'suspended']) status?: 'active' | 'suspended';
  @ApiPropertyOptional({ maxLength: 80, description: 'Text contained in the username or the name.' })
  @IsOptional() @IsString() @MaxLength(80) q?: string;
}

@ApiSchema({ name: 'CreateApplicationRequest', description: 'A new application of the caller\'s Ente.' })
export class CreateApplicationDto {
  @ApiProperty({ maxLength: 200, description: 'Name.', example: 'Protocollo informatico' })
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ type: [String], uniqueItems: true, description: 'Ids of the users of the Ente the application may act for.', example: [UUID_EXAMPLE] })
  @IsOptional() @IsArray() @ArrayUnique() @IsString({ each: true }) operatorIds?: string[];
}

@ApiSchema({ name: 'SetOperatorsRequest', description: 'The complete list of operators (it replaces the current one).' })
export class SetOperatorsDto {
  @ApiProperty({ type: [String], uniqueItems: true, description: 'Ids of the users of the Ente the application may act for.', example: [UUID_EXAMPLE] })
  @IsArray() @ArrayUnique() @IsString({ each: true }) operatorIds!: string[];
}

@ApiSchema({ name: 'CreateWorkstationRequest', description: 'A workstation to register (not yet authorised).' })
export class CreateWorkstationDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9-]{3,40}$', description: 'ANPR IdPostazione: 3-40 letters, digits or dashes; unique.', example: '072006-PL-0001' })
  @Matches(/^[A-Za-z0-9-]{3,40}$/, { message: 'code must be 3-40 letters, digits or dashes (e.g. 072006-PL-0001)' })
  code!: string;
  @ApiProperty({ maxLength: 200, description: 'Label.', example: 'Polizia Locale, front office 1' })
  @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
  @ApiProperty({ format: 'uuid', description: 'The Ente it belongs to, in the caller\'s area.', example: UUID_EXAMPLE })
  @IsString() enteId!: string;
  @ApiPropertyOptional({ pattern: '^\\d{1,3}(\\.\\d{1,3}){3}(\\/\\d{1,2})?$', description: 'IPv4 address or CIDR range it connects from.', example: '10.1.2.0/24' })
  @IsOptional() @Matches(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, { message: 'ipRange must be an IPv4 CIDR such as 10.1.2.0/24' }) ipRange?: string;
  @ApiPropertyOptional({ pattern: '^([0-9a-fA-F]{2}:?){32}$', description: 'SHA-256 fingerprint of its client certificate (hex, colons allowed).', example: '3A:1F:9C:00:7B:2E:55:10:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:BA:DC:FE:11:22' })
  @IsOptional() @Matches(/^([0-9a-fA-F]{2}:?){32}$/, { message: 'certFingerprint must be a SHA-256 fingerprint' }) certFingerprint?: string;
  /** When true a device token is generated and returned once. */
  @ApiPropertyOptional({ default: false, description: 'Issue a device token, returned once in the response.', example: true })
  @IsOptional() @IsBoolean() issueDeviceToken?: boolean;
}

@ApiSchema({ name: 'UpdateWorkstationRequest', description: 'The fields to change; the others stay as they are. Changing how the workstation is recognised (IP range, certificate) withdraws its authorisation until a TOP user authorises it again.' })
export class UpdateWorkstationDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Label.', example: 'Polizia Locale, front office 1' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) label?: string;
  @ApiPropertyOptional({ description: 'Authorise or withdraw the authorisation (TOP users only).', example: true })
  @IsOptional() @IsBoolean() authorised?: boolean;
  @ApiPropertyOptional({ pattern: '^\\d{1,3}(\\.\\d{1,3}){3}(\\/\\d{1,2})?$', description: 'IPv4 address or CIDR range it connects from.', example: '10.1.2.0/24' })
  @IsOptional() @Matches(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, { message: 'ipRange must be an IPv4 CIDR such as 10.1.2.0/24' }) ipRange?: string;
  @ApiPropertyOptional({ pattern: '^([0-9a-fA-F]{2}:?){32}$', description: 'SHA-256 fingerprint of its client certificate (hex, colons allowed).', example: '3A:1F:9C:00:7B:2E:55:10:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:BA:DC:FE:11:22' })
  @IsOptional() @Matches(/^([0-9a-fA-F]{2}:?){32}$/, { message: 'certFingerprint must be a SHA-256 fingerprint' }) certFingerprint?: string;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'From this day (UTC), inclusive.', example: '2026-03-01' })
  @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'To this day (UTC), inclusive.', example: '2026-03-31' })
  @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only requests of this user.' })
  @IsOptional() @IsString() userId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only requests of users of this Ente.' })
  @IsOptional() @IsString() enteId?: string;
  @ApiPropertyOptional({ pattern: '^\\d{6}$', description: 'Only requests concerning this Comune (ISTAT code).', example: '072006' })
  @IsOptional() @Matches(ISTAT) comune?: string;
  /** A codice fiscale or idANPR that appears in the criterion or in the answer. */
  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9]{9,16}$', description: 'A codice fiscale or idANPR searched for or returned.', example: 'RSSMRA80A01A662X' })
  @IsOptional() @Matches(/^[A-Za-z0-9]{9,16}$/) subject?: string;
  @ApiPropertyOptional({ ...apiEnum('AuditOutcome'), description: 'Only requests with this outcome.' })
  @IsOptional() @IsIn(['ok', 'not_found', 'denied', 'error']) outcome?: string;
}

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'From this day (UTC), inclusive.', example: '2026-03-01' })
  @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'To this day (UTC), inclusive.', example: '2026-03-31' })
  @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries of this user.' })
  @IsOptional() @IsString() userId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries of users of this Ente.' })
  @IsOptional() @IsString() enteId?: string;
  @ApiPropertyOptional({ ...apiEnum('AccessEventKind'), description: 'Only entries of this kind.' })
  @IsOptional() @IsIn(ACCESS_EVENTS) event?: string;
}
