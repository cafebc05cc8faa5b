import type { AccessLog, Application, AuditEvent, Comune, Convenzione, Ente, Profile, User, Workstation } from '#libs/domain';
import type { AccessLogView, AuditEventView } from '../audit/audit.models.js';
import type { ApplicationView, ComuneView, ConvenzioneView, EnteView, ProfileView, UserView, WorkstationView } from './governance.models.js';

/**
 * Response mappers: entities never serialise themselves; only the fields listed here leave the API.
 * Each returns the class that documents it in the OpenAPI document, so the two cannot drift apart.
 */

export const mapComune = (c: Comune): ComuneView => ({
  id: c.id,
  codiceIstat: c.codiceIstat,
  codiceCatastale: c.codiceCatastale,
  nome: c.nome,
  provincia: c.provincia,
  settings: {
    anprEnvironment: c.anprEnvironment,
    anprChannel: c.anprChannel,
    anprSoapUrl: c.anprSoapUrl ?? null,
    anprPdndUrl: c.anprPdndUrl ?? null,
    anprSoapService: c.anprSoapService,
    anprIdApplicazione: c.anprIdApplicazione,
    keystoreRef: c.keystoreRef ?? null,
    keystorePasswordRef: c.keystorePasswordRef ?? null,
    anprTlsKeystoreRef: c.anprTlsKeystoreRef ?? null,
    anprTlsCaRef: c.anprTlsCaRef ?? null,
    anprPdnd: c.anprPdnd ?? null,
    anprPostazioneId: c.anprPostazioneId ?? null,
    anprPostazioneKeystoreRef: c.anprPostazioneKeystoreRef ?? null,
    anprOperatorIds: c.anprOperatorIds,
    defaultAnprOperatorId: c.defaultAnprOperatorId ?? null,
    nonResidentVisuraPolicy: c.nonResidentVisuraPolicy,
    silentConsentHours: c.silentConsentHours,
    silentConsentMediator: c.silentConsentMediator ?? null,
    workstationPolicy: c.workstationPolicy,
    alarmNightStart: c.alarmNightStart,
    alarmNightEnd: c.alarmNightEnd,
    alarmRepeatThreshold: c.alarmRepeatThreshold,
  },
});

export const mapConvenzione = (c: Convenzione): ConvenzioneView => ({
  id: c.id,
  comune: c.comune.codiceIstat,
  comuneNome: c.comune.nome,
  validFrom: c.validFrom,
  validTo: c.validTo ?? null,
  reference: c.reference ?? null,
});

/**
 * An Ente; `onlyComune` (an ISTAT code) limits its convenzioni to that Comune's, for a Comune that
 * has a convenzione with an Ente it does not own: it sees its own agreement, not the others'.
 */
export const mapEnte = (e: Ente, onlyComune?: string): EnteView => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  codiceFiscale: e.codiceFiscale ?? null,
  comune: e.comune?.codiceIstat ?? null,
  convenzioni: e.convenzioni.isInitialized()
    ? e.convenzioni
        .getItems()
        .filter((c) => !onlyComune || c.comune.codiceIstat === onlyComune)
        .map(mapConvenzione)
    : undefined,
});

/**
 * A user as `viewerId` may see them: a STANDARDPS user's last login is shown to themselves only
 * (their activity is not monitored by TOP or ADMIN users).
 */
export const mapUser = (u: User, viewerId?: string): UserView => ({
  id: u.id,
  username: u.username,
  name: u.name,
  email: u.email,
  role: u.role,
  enteId: u.ente?.id ?? null,
  comune: u.comune?.codiceIstat ?? null,
  mediator: u.mediator,
  anprOperatorId: u.anprOperatorId ?? null,
  status: u.status,
  locked: Boolean(u.lockedUntil && u.lockedUntil > new Date()),
  createdBy: u.createdBy?.id ?? null,
  createdAt: u.createdAt.toISOString(),
  lastLoginAt: u.role === 'STANDARDPS' && viewerId !== undefined && viewerId !== u.id ? null : (u.lastLoginAt?.toISOString() ?? null),
});

export const mapProfile = (p: Profile): ProfileView => ({
  userId: p.user.id,
  sections: p.sections,
  visuraTypes: p.visuraTypes,
  rivestizioneFields: p.rivestizioneFields,
  scope: p.scope,
  allowedComuni: p.allowedComuni,
  dailyQuota: p.dailyQuota,
  updatedBy: p.updatedBy?.id ?? null,
  updatedAt: p.updatedAt.toISOString(),
});

export const mapApplication = (a: Application): ApplicationView => ({
  id: a.id,
  name: a.name,
  enteId: a.ente.id,
  clientId: a.clientId,
  status: a.status,
  operators: a.operators.isInitialized() ? a.operators.getItems().map((u) => ({ id: u.id, username: u.username })) : undefined,
  secrets: a.secrets.isInitialized()
    ? a.secrets.getItems().map((s) => ({
        id: s.id,
        prefix: s.prefix,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt?.toISOString() ?? null,
        revokedAt: s.revokedAt?.toISOString() ?? null,
      }))
    : undefined,
  createdAt: a.createdAt.toISOString(),
});

export const mapWorkstation = (w: Workstation): WorkstationView => ({
  id: w.id,
  code: w.code,
  label: w.label,
  enteId: w.ente.id,
  authorised: w.authorised,
  hasDeviceToken: Boolean(w.deviceTokenHash),
  certFingerprint: w.certFingerprint ?? null,
  ipRange: w.ipRange ?? null,
  createdAt: w.createdAt.toISOString(),
});

export const mapAuditEvent = (e: AuditEvent): AuditEventView => ({
  id: String(e.id),
  time: new Date(e.time).toISOString(),
  requestId: e.requestId,
  userId: e.userId ?? null,
  username: e.username ?? null,
  enteId: e.enteId ?? null,
  applicationId: e.applicationId ?? null,
  actingService: e.actingService ?? null,
  mediatorId: e.mediatorId ?? null,
  anprOperatorId: e.anprOperatorId ?? null,
  workstation: e.workstation ?? null,
  clientIp: e.clientIp ?? null,
  targetComune: e.targetComune ?? null,
  operation: e.operation,
  purpose: e.purpose ?? null,
  motivoRichiesta: e.motivoRichiesta ?? null,
  criterion: e.criterionType ? { type: e.criterionType, value: e.criterionValue ?? null } : null,
  subjects: e.subjects,
  sections: e.sections,
  outcome: e.outcome,
  outcomeDetail: e.outcomeDetail ?? null,
  anprOperationId: e.anprOperationId ?? null,
  latencyMs: e.latencyMs ?? null,
  chain: { id: e.chainId, seq: e.seq },
});

export const mapAccessLog = (a: AccessLog): AccessLogView => ({
  id: String(a.id),
  time: new Date(a.time).toISOString(),
  event: a.event,
  userId: a.userId ?? null,
  username: a.username ?? null,
  enteId: a.enteId ?? null,
  comune: a.comune ?? null,
  applicationId: a.applicationId ?? null,
  detail: a.detail ?? null,
  clientIp: a.clientIp ?? null,
  requestId: a.requestId ?? null,
});
