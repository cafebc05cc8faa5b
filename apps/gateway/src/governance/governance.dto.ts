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
  ValidateNested,
} from 'class-validator';
import {
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISTAT = /^\d{6}$/;

export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export class ConvenzioneDto {
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class CreateEnteDto {
  @IsIn(ENTE_KINDS)
  kind!: EnteKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @Matches(/^(\d{11}|[A-Z0-9]{16})$/, { message: 'codiceFiscale must be 11 digits or a 16-character codice fiscale' })
  codiceFiscale?: string;

  @ValidateNested()
  @Type(() => ConvenzioneDto)
  convenzione!: ConvenzioneDto;
}

export class UpdateEnteDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @Matches(/^(\d{11}|[A-Z0-9]{16})$/)
  codiceFiscale?: string;
}

const SECRET_REF = /^(file|env):.+/;

export class PdndSettingsDto {
  @IsString() @MaxLength(500) tokenUrl!: string;
  @IsString() @MaxLength(500) clientAssertionAudience!: string;
  @IsString() @MaxLength(500) audienceBaseUrl!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) clientId!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) kid!: string;
  @Matches(SECRET_REF, { message: 'privateKeyRef must be a file: or env: reference, never the key itself' }) privateKeyRef!: string;
  /** purposeId per e-service code, e.g. { "C001": "…", "C030": "…" } */
  @IsObject() purposes!: Record<string, string>;
}

export class UpdateComuneSettingsDto {
  @IsOptional() @IsIn(ANPR_ENVIRONMENTS) anprEnvironment?: string;
  @IsOptional() @IsIn(ANPR_CHANNELS) anprChannel?: string;
  @IsOptional() @IsString() @MaxLength(500) anprSoapUrl?: string;
  @IsOptional() @IsString() @MaxLength(500) anprPdndUrl?: string;
  @IsOptional() @IsString() @MaxLength(500) keystoreRef?: string;
  @IsOptional() @Matches(SECRET_REF, { message: 'keystorePasswordRef must be a file: or env: reference' }) keystorePasswordRef?: string;
  @IsOptional() @IsIn(['3002', 'E002']) anprSoapService?: '3002' | 'E002';
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) anprIdApplicazione?: string;
  @IsOptional() @IsString() @MaxLength(500) anprTlsKeystoreRef?: string;
  @IsOptional() @Matches(SECRET_REF, { message: 'anprTlsKeystorePasswordRef must be a file: or env: reference' }) anprTlsKeystorePasswordRef?: string;
  @IsOptional() @IsString() @MaxLength(500) anprTlsCaRef?: string;
  @IsOptional() @ValidateNested() @Type(() => PdndSettingsDto) anprPdnd?: PdndSettingsDto;
  @IsOptional() @Matches(/^[A-Za-z0-9-]{3,40}$/, { message: 'anprPostazioneId must be an ANPR workstation id such as 072006-CO-0000' }) anprPostazioneId?: string;
  @IsOptional() @IsString() @MaxLength(500) anprPostazioneKeystoreRef?: string;
  @IsOptional() @Matches(SECRET_REF, { message: 'anprPostazioneKeystorePasswordRef must be a file: or env: reference' }) anprPostazioneKeystorePasswordRef?: string;
  @IsOptional() @IsArray() @ArrayUnique() @IsString({ each: true }) anprOperatorIds?: string[];
  @IsOptional() @IsString() @MaxLength(64) defaultAnprOperatorId?: string;
  @IsOptional() @IsIn(NON_RESIDENT_VISURA_POLICIES) nonResidentVisuraPolicy?: NonResidentVisuraPolicy;
  @IsOptional() @IsInt() @Min(1) @Max(720) silentConsentHours?: number;
  @IsOptional() @IsIn(WORKSTATION_POLICIES) workstationPolicy?: WorkstationPolicy;
  @IsOptional() @Matches(HHMM, { message: 'alarmNightStart must be HH:MM' }) alarmNightStart?: string;
  @IsOptional() @Matches(HHMM, { message: 'alarmNightEnd must be HH:MM' }) alarmNightEnd?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) alarmRepeatThreshold?: number;
}

export class CreateUserDto {
  @Matches(/^[a-z0-9][a-z0-9._-]{2,79}$/, { message: 'username must be 3-80 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsEmail()
  email!: string;

  @IsIn(ROLES)
  role!: Role;

  /** Required for every role but TOP. */
  @IsOptional()
  @IsString()
  enteId?: string;

  @IsOptional()
  @IsBoolean()
  mediator?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  anprOperatorId?: string;

  @IsString()
  @IsNotEmpty()
  password!: string;
}

export class UpdateUserDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsIn(['active', 'suspended']) status?: 'active' | 'suspended';
  @IsOptional() @IsBoolean() mediator?: boolean;
  @IsOptional() @IsString() @MaxLength(64) anprOperatorId?: string;
  /** Clears a lockout after repeated failed logins. */
  @IsOptional() @IsBoolean() unlock?: boolean;
}

export class ProfileDto {
  @IsArray() @ArrayUnique() @IsIn(LOOKUP_SECTIONS, { each: true }) sections!: LookupSection[];
  @IsArray() @ArrayUnique() @IsIn(VISURA_TYPES, { each: true }) visuraTypes!: VisuraType[];
  @IsArray() @ArrayUnique() @IsIn(RIVESTIZIONE_FIELDS, { each: true }) rivestizioneFields!: RivestizioneField[];
  @IsIn(SEARCH_SCOPES) scope!: SearchScope;
  @IsArray() @ArrayUnique() @Matches(ISTAT, { each: true, message: 'allowedComuni must be ISTAT codes of 6 digits' }) allowedComuni!: string[];
  @IsInt() @Min(0) @Max(1_000_000) dailyQuota!: number;
}

export class UserListQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsString() enteId?: string;
  @IsOptional() @IsIn(['active', 'suspended']) status?: 'active' | 'suspended';
  @IsOptional() @IsString() @MaxLength(80) q?: string;
}

export class CreateApplicationDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsOptional() @IsArray() @ArrayUnique() @IsString({ each: true }) operatorIds?: string[];
}

export class SetOperatorsDto {
  @IsArray() @ArrayUnique() @IsString({ each: true }) operatorIds!: string[];
}

export class CreateWorkstationDto {
  @Matches(/^[A-Za-z0-9-]{3,40}$/, { message: 'code must be 3-40 letters, digits or dashes (e.g. 072006-PL-0001)' })
  code!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
  @IsString() enteId!: string;
  @IsOptional() @Matches(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, { message: 'ipRange must be an IPv4 CIDR such as 10.1.2.0/24' }) ipRange?: string;
  @IsOptional() @Matches(/^([0-9a-fA-F]{2}:?){32}$/, { message: 'certFingerprint must be a SHA-256 fingerprint' }) certFingerprint?: string;
  /** When true a device token is generated and returned once. */
  @IsOptional() @IsBoolean() issueDeviceToken?: boolean;
}

export class UpdateWorkstationDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) label?: string;
  @IsOptional() @IsBoolean() authorised?: boolean;
  @IsOptional() @Matches(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/) ipRange?: string;
}

export class AuditQuery extends PageQuery {
  @IsOptional() @Matches(DATE) from?: string;
  @IsOptional() @Matches(DATE) to?: string;
  @IsOptional() @IsString() userId?: string;
  @IsOptional() @IsString() enteId?: string;
  @IsOptional() @Matches(ISTAT) comune?: string;
  /** A codice fiscale or idANPR that appears in the criterion or in the answer. */
  @IsOptional() @Matches(/^[A-Za-z0-9]{9,16}$/) subject?: string;
  @IsOptional() @IsIn(['ok', 'not_found', 'denied', 'error']) outcome?: string;
}

export class AccessLogQuery extends PageQuery {
  @IsOptional() @Matches(DATE) from?: string;
  @IsOptional() @Matches(DATE) to?: string;
  @IsOptional() @IsString() userId?: string;
  @IsOptional() @IsString() enteId?: string;
  @IsOptional() @IsIn(['login_success', 'login_failure', 'logout', 'token_refresh', 'function']) event?: string;
}
