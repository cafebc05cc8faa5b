import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type {
  EnteKind,
  LookupSection,
  NonResidentVisuraPolicy,
  RivestizioneField,
  Role,
  SearchScope,
  VisuraType,
  WorkstationPolicy,
} from '#libs/domain';
import { apiEnum } from '../common/api-enums.js';
import { PageInfo } from '../common/page.model.js';

/**
 * Response schemas of the governance API. Each mirrors one mapper of mappers.ts, which is typed to
 * return it, so the compiler refuses a field that is returned but not documented (or the reverse).
 */

const UUID = { format: 'uuid', example: '0b7e4c9e-3f0a-4f57-9d0e-2f5c1a6b8d21' } as const;
const ISTAT = { pattern: '^\\d{6}$', example: '072006' } as const;
const TIMESTAMP = { format: 'date-time', example: '2026-03-02T09:15:27.000Z' } as const;
const SECRET_REF = 'A `file:` or `env:` reference to where the secret is kept, never the secret itself.';

@ApiSchema({ description: 'A Comune\'s PDND client settings; the private key is a reference, never the key.' })
export class PdndSettingsView {
  @ApiProperty({ description: 'PDND token endpoint.', example: 'https://auth.uat.interop.pagopa.it/token.oauth2' })
  tokenUrl!: string;

  @ApiProperty({ description: 'Audience of the client assertion sent to PDND.', example: 'auth.uat.interop.pagopa.it/client-assertion' })
  clientAssertionAudience!: string;

  @ApiProperty({ description: 'Base URL from which the audiences of the ANPR e-services are formed.', example: 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR' })
  audienceBaseUrl!: string;

  @ApiProperty({ description: 'The Comune\'s PDND client id.', example: '9b2f3c1e-6a1d-4c52-8d3e-1f0a2b3c4d5e' })
  clientId!: string;

  @ApiProperty({ description: 'Key id of the public key registered on PDND.', example: 'Yx3Q0hP7k2Lw' })
  kid!: string;

  @ApiProperty({ description: `Private key (RS256) registered on PDND. ${SECRET_REF}`, example: 'file:/run/secrets/pdnd-key.pem' })
  privateKeyRef!: string;

  @ApiProperty({
    description: 'PDND purpose id per ANPR e-service code.',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { C001: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
  })
  purposes!: Record<string, string>;
}

@ApiSchema({ description: 'How a Comune reaches ANPR and the policies it applies. Secrets appear only as references.' })
export class ComuneSettingsView {
  @ApiProperty({ ...apiEnum('AnprEnvironment'), description: 'ANPR environment the Comune\'s requests go to.', example: 'TEST' })
  anprEnvironment!: string;

  @ApiProperty({ ...apiEnum('AnprChannel'), description: 'Channel used for lookups.', example: 'soap' })
  anprChannel!: string;

  @ApiProperty({ type: String, nullable: true, description: 'ANPR SOAP endpoint; null for the environment\'s default.', example: 'https://anpr.example.invalid/ws' })
  anprSoapUrl!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ANPR PDND endpoint; null for the environment\'s default.', example: null })
  anprPdndUrl!: string | null;

  @ApiProperty({ ...apiEnum('AnprSoapService'), description: 'SOAP service used for lookups.', example: '3002' })
  anprSoapService!: '3002' | 'E002';

  @ApiProperty({ description: 'IdApplicazione sent to ANPR.', example: 'GERES' })
  anprIdApplicazione!: string;

  @ApiProperty({ type: String, nullable: true, description: `The Comune's PKCS#12 keystore. ${SECRET_REF}`, example: 'file:/run/secrets/comune.p12' })
  keystoreRef!: string | null;

  @ApiProperty({ type: String, nullable: true, description: `The keystore password. ${SECRET_REF}`, example: 'env:COMUNE_KEYSTORE_PASSWORD' })
  keystorePasswordRef!: string | null;

  @ApiProperty({ type: String, nullable: true, description: `PKCS#12 keystore for mutual TLS to ANPR. ${SECRET_REF}`, example: null })
  anprTlsKeystoreRef!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'PEM file of the CAs trusted for the ANPR endpoint.', example: null })
  anprTlsCaRef!: string | null;

  @ApiProperty({ type: () => PdndSettingsView, nullable: true, description: 'PDND client settings, for the pdnd channel.' })
  anprPdnd!: PdndSettingsView | null;

  @ApiProperty({ type: String, nullable: true, description: 'The Comune\'s own ANPR workstation (IdPostazione), used for callers without one of their own.', example: '072006-CO-0000' })
  anprPostazioneId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: `Keystore of the Comune's ANPR workstation. ${SECRET_REF}`, example: null })
  anprPostazioneKeystoreRef!: string | null;

  @ApiProperty({ type: [String], description: 'ANPR operator ids of the registry office that GeRes may use.', example: ['RSSMRA80A01A662X'] })
  anprOperatorIds!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Operator used when the caller is not a mediator; one of anprOperatorIds.', example: 'RSSMRA80A01A662X' })
  defaultAnprOperatorId!: string | null;

  @ApiProperty({ ...apiEnum('NonResidentVisuraPolicy'), description: 'How visure on non-residents are handled.', example: 'mediator' })
  nonResidentVisuraPolicy!: NonResidentVisuraPolicy;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 720, description: 'Hours after which a pending request is approved by silent consent.', example: 24 })
  silentConsentHours!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Username of the mediator under whose ANPR identity silent consent processes requests; without one, silent consent never fires.', example: 'top.bari' })
  silentConsentMediator!: string | null;

  @ApiProperty({ ...apiEnum('WorkstationPolicy'), description: 'Whether calls must come from authorised workstations.', example: 'free' })
  workstationPolicy!: WorkstationPolicy;

  @ApiProperty({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Start of the suspicious-hours window (local time).', example: '22:00' })
  alarmNightStart!: string;

  @ApiProperty({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'End of the suspicious-hours window (local time).', example: '06:00' })
  alarmNightEnd!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, description: 'Requests on one subject per day above which an alarm is raised.', example: 5 })
  alarmRepeatThreshold!: number;
}

@ApiSchema({ description: 'A municipality: owner of the ANPR credentials used for every request that concerns it.' })
export class ComuneView {
  @ApiProperty({ ...UUID, description: 'Id of the Comune.' })
  id!: string;

  @ApiProperty({ ...ISTAT, description: 'ISTAT code.' })
  codiceIstat!: string;

  @ApiProperty({ pattern: '^[A-Z]\\d{3}$', description: 'Cadastral (Belfiore) code.', example: 'A662' })
  codiceCatastale!: string;

  @ApiProperty({ description: 'Name.', example: 'Bari' })
  nome!: string;

  @ApiProperty({ pattern: '^[A-Z]{2}$', description: 'Province code.', example: 'BA' })
  provincia!: string;

  @ApiProperty({ type: () => ComuneSettingsView, description: 'ANPR settings and policies.' })
  settings!: ComuneSettingsView;
}

@ApiSchema({ description: 'An agreement between an Ente and a Comune, valid between two dates.' })
export class ConvenzioneView {
  @ApiProperty({ ...UUID, description: 'Id of the convenzione.' })
  id!: string;

  @ApiProperty({ ...ISTAT, description: 'ISTAT code of the Comune.' })
  comune!: string;

  @ApiProperty({ description: 'Name of the Comune.', example: 'Bari' })
  comuneNome!: string;

  @ApiProperty({ format: 'date', description: 'First day of validity.', example: '2026-01-01' })
  validFrom!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day of validity; null when open-ended.', example: '2028-12-31' })
  validTo!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Protocol number or other reference of the agreement.', example: 'Prot. 2026/0042' })
  reference!: string | null;
}

@ApiSchema({ description: 'An office of a Comune, or an external body that uses GeRes under convenzioni.' })
export class EnteView {
  @ApiProperty({ ...UUID, description: 'Id of the Ente.' })
  id!: string;

  @ApiProperty({ ...apiEnum('EnteKind'), description: 'What kind of body it is.', example: 'external_body' })
  kind!: EnteKind;

  @ApiProperty({ description: 'Name.', example: 'Consorzio di bonifica Terre d\'Apulia' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Codice fiscale or partita IVA of the body.', example: '93012345678' })
  codiceFiscale!: string | null;

  @ApiProperty({ type: String, nullable: true, ...ISTAT, description: 'ISTAT code of the Comune that registered the Ente and manages its users; null for an Ente registered before owners were recorded.' })
  comune!: string | null;

  @ApiPropertyOptional({ type: () => [ConvenzioneView], description: 'The Ente\'s convenzioni when loaded: every Comune\'s for the owner Comune and the Ente\'s own users, only the caller\'s own Comune\'s otherwise.' })
  convenzioni?: ConvenzioneView[];
}

@ApiSchema({ description: 'The Enti in the caller\'s area, by name.' })
export class EnteList {
  @ApiProperty({ type: () => [EnteView] })
  items!: EnteView[];
}

@ApiSchema({ description: 'A person who uses GeRes. TOP users belong to a Comune; everyone else to an Ente.' })
export class UserView {
  @ApiProperty({ ...UUID, description: 'Id of the user.' })
  id!: string;

  @ApiProperty({ description: 'Login name.', example: 'm.rossi' })
  username!: string;

  @ApiProperty({ description: 'Full name.', example: 'Mario Rossi' })
  name!: string;

  @ApiProperty({ format: 'email', description: 'E-mail address.', example: 'm.rossi@comune.bari.example' })
  email!: string;

  @ApiProperty({ ...apiEnum('Role'), description: 'Role, which decides what the user may manage.', example: 'STANDARD' })
  role!: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user\'s Ente; null for TOP users.', example: '5d1c7a0e-2b8f-4e36-9c41-7a2e0d3b6f18' })
  enteId!: string | null;

  @ApiProperty({ type: String, nullable: true, ...ISTAT, description: 'For TOP users, the ISTAT code of their Comune; otherwise null.' })
  comune!: string | null;

  @ApiProperty({ description: 'Holds the MEDIATORE function: their ANPR identity may be used for others\' requests.', example: false })
  mediator!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'ANPR operator id, for users who perform registry functions.', example: null })
  anprOperatorId!: string | null;

  @ApiProperty({ ...apiEnum('UserStatus'), description: 'Whether the user may work.', example: 'active' })
  status!: 'active' | 'suspended';

  @ApiProperty({ description: 'Locked after repeated failed logins (until the lockout ends or an administrator unlocks).', example: false })
  locked!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who created the user; null for users seeded at installation.', example: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b' })
  createdBy!: string | null;

  @ApiProperty({ ...TIMESTAMP, description: 'When the user was created.' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last successful login; for STANDARDPS users shown to themselves only (null for others).', example: '2026-03-02T08:01:44.000Z' })
  lastLoginAt!: string | null;
}

@ApiSchema({ description: 'A page of users.' })
export class UserPage extends PageInfo {
  @ApiProperty({ type: () => [UserView] })
  items!: UserView[];
}

@ApiSchema({ description: 'What a user may do: sections, visure, rivestizione fields, scope, Comuni and quota.' })
export class ProfileView {
  @ApiProperty({ ...UUID, description: 'The user the profile belongs to.' })
  userId!: string;

  @ApiProperty({ ...apiEnum('LookupSection'), isArray: true, description: 'Sections the user may look up.', example: ['generalita', 'residenza'] })
  sections!: LookupSection[];

  @ApiProperty({ ...apiEnum('VisuraType'), isArray: true, description: 'Visure the user may request.', example: ['residenza', 'stato_famiglia'] })
  visuraTypes!: VisuraType[];

  @ApiProperty({ ...apiEnum('RivestizioneField'), isArray: true, description: 'Fields a rivestizione may return to the user.', example: ['codiceFiscale', 'indirizzoResidenza'] })
  rivestizioneFields!: RivestizioneField[];

  @ApiProperty({ ...apiEnum('SearchScope'), description: 'Whose records the user may search.', example: 'agreed' })
  scope!: SearchScope;

  @ApiProperty({ type: [String], description: 'ISTAT codes of the Comuni the user may work on (within the Ente\'s convenzioni).', example: ['072006'] })
  allowedComuni!: string[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Lookups allowed per day; 0 allows none.', example: 100 })
  dailyQuota!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who last changed the profile.', example: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b' })
  updatedBy!: string | null;

  @ApiProperty({ ...TIMESTAMP, description: 'When the profile was last changed.' })
  updatedAt!: string;
}

@ApiSchema({ description: 'An operator an application may act for.' })
export class ApplicationOperatorView {
  @ApiProperty({ ...UUID, description: 'Id of the user.' })
  id!: string;

  @ApiProperty({ description: 'Username, as sent in X-GeRes-Operator.', example: 'm.rossi' })
  username!: string;
}

@ApiSchema({ description: 'A client secret of an application; the secret itself is shown only once, when issued.' })
export class ApplicationSecretView {
  @ApiProperty({ ...UUID, description: 'Id of the secret.' })
  id!: string;

  @ApiProperty({ description: 'First characters of the secret, to tell secrets apart.', example: 'grs_Q2xh' })
  prefix!: string;

  @ApiProperty({ ...TIMESTAMP, description: 'When it was issued.' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it stops working (set when a newer secret is issued); null for no expiry.', example: null })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was revoked; null while not revoked.', example: null })
  revokedAt!: string | null;
}

@ApiSchema({ description: 'A third-party application of an Ente, calling GeRes with client credentials.' })
export class ApplicationView {
  @ApiProperty({ ...UUID, description: 'Id of the application.' })
  id!: string;

  @ApiProperty({ description: 'Name.', example: 'Protocollo informatico' })
  name!: string;

  @ApiProperty({ ...UUID, description: 'The Ente the application belongs to.' })
  enteId!: string;

  @ApiProperty({ description: 'OAuth2 client id.', example: 'app_4f9a1c2b3d4e5f607182' })
  clientId!: string;

  @ApiProperty({ ...apiEnum('ApplicationStatus'), description: 'Whether the application may obtain tokens.', example: 'active' })
  status!: 'active' | 'revoked';

  @ApiPropertyOptional({ type: () => [ApplicationOperatorView], description: 'Operators the application may act for.' })
  operators?: ApplicationOperatorView[];

  @ApiPropertyOptional({ type: () => [ApplicationSecretView], description: 'Its client secrets (never the secrets themselves).' })
  secrets?: ApplicationSecretView[];

  @ApiProperty({ ...TIMESTAMP, description: 'When the application was registered.' })
  createdAt!: string;
}

@ApiSchema({ description: 'An application with a newly issued client secret.' })
export class ApplicationWithSecret extends ApplicationView {
  @ApiProperty({ description: 'The new client secret. Shown this once: store it now.', example: 'grs_Q2xhdmUgZGkgZXNlbXBpbyBzb2xhbWVudGU' })
  clientSecret!: string;
}

@ApiSchema({ description: 'Applications of the Enti in the caller\'s area, by name.' })
export class ApplicationList {
  @ApiProperty({ type: () => [ApplicationView] })
  items!: ApplicationView[];
}

@ApiSchema({ description: 'A workstation (postazione) of an Ente, possibly authorised by the Comune\'s TOP users.' })
export class WorkstationView {
  @ApiProperty({ ...UUID, description: 'Id of the workstation.' })
  id!: string;

  @ApiProperty({ description: 'ANPR IdPostazione, as sent in X-GeRes-Workstation.', example: '072006-PL-0001' })
  code!: string;

  @ApiProperty({ description: 'Label.', example: 'Polizia Locale, front office 1' })
  label!: string;

  @ApiProperty({ ...UUID, description: 'The Ente the workstation belongs to.' })
  enteId!: string;

  @ApiProperty({ description: 'Authorised by a TOP user of the Comune.', example: true })
  authorised!: boolean;

  @ApiProperty({ description: 'A device token was issued for it.', example: true })
  hasDeviceToken!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 fingerprint (hex) of its client certificate.', example: null })
  certFingerprint!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'IPv4 range it connects from.', example: '10.1.2.0/24' })
  ipRange!: string | null;

  @ApiProperty({ ...TIMESTAMP, description: 'When it was registered.' })
  createdAt!: string;
}

@ApiSchema({ description: 'A newly registered workstation and, when asked for, its device token.' })
export class WorkstationCreated extends WorkstationView {
  @ApiPropertyOptional({ description: 'The device token, when `issueDeviceToken` was true. Shown this once: install it on the workstation now.', example: 'cV9kZXZpY2VfdG9rZW5fZXNlbXBpbw' })
  deviceToken?: string;
}

@ApiSchema({ description: 'Workstations of the Enti in the caller\'s area, by code.' })
export class WorkstationList {
  @ApiProperty({ type: () => [WorkstationView] })
  items!: WorkstationView[];
}

@ApiSchema({ description: 'A user created by a CSV import.' })
export class ImportedUser {
  @ApiProperty({ type: 'integer', minimum: 2, description: 'The line of the file (the header is line 1).', example: 2 })
  row!: number;

  @ApiProperty({ ...UUID, description: 'Id of the new user.' })
  id!: string;

  @ApiProperty({ description: 'Username.', example: 'l.bianchi' })
  username!: string;

  @ApiPropertyOptional({ description: 'Generated when the row had no password: give it to the user, who must change it. Shown this once.', example: 'Tmp-3kq9Xw2mZa7B7!' })
  temporaryPassword?: string;
}

@ApiSchema({ description: 'The outcome of a CSV import: every row was imported.' })
export class UserImportResult {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'How many users were created.', example: 1 })
  imported!: number;

  @ApiProperty({ type: () => [ImportedUser] })
  users!: ImportedUser[];
}
