import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { AccessEventKind, AuditOutcome, ChainBreakReason } from '#libs/domain';
import { apiEnum } from '../common/api-enums.js';
import { PageInfo } from '../common/page.model.js';

/** Response schemas of the audit API; mapAuditEvent and mapAccessLog are typed to return them. */

const TIMESTAMP = { format: 'date-time', example: '2026-03-02T09:15:27.412Z' } as const;
const NULLABLE_UUID = { type: String, format: 'uuid', nullable: true, example: '0b7e4c9e-3f0a-4f57-9d0e-2f5c1a6b8d21' } as const;

@ApiSchema({ description: 'The search criterion of a lookup, as recorded.' })
export class AuditCriterionView {
  @ApiProperty({ description: 'Kind of criterion.', example: 'codiceFiscale' })
  type!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The value searched for.', example: 'RSSMRA80A01A662X' })
  value!: string | null;
}

@ApiSchema({ description: 'Where an event sits in its hash chain.' })
export class AuditChainPosition {
  @ApiProperty({ format: 'uuid', description: 'The chain (one per gateway instance).', example: 'c4a1f0d2-8e3b-4f6a-9b2c-1d0e3f4a5b6c' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Position in the chain, from 1, without gaps.', example: 1042 })
  seq!: number;
}

@ApiSchema({ description: 'One request recorded in the tamper-evident audit trail, denials included.' })
export class AuditEventView {
  @ApiProperty({ pattern: '^\\d+$', description: 'Id of the event (a decimal number, as a string).', example: '1042' })
  id!: string;

  @ApiProperty({ ...TIMESTAMP, description: 'When the request was handled.' })
  time!: string;

  @ApiProperty({ description: 'The request id.', example: '7f9c2ba4-e88f-4b2d-9b1e-3c2d1a0f5e6d' })
  requestId!: string;

  @ApiProperty({ ...NULLABLE_UUID, description: 'The user, or the operator an application acted for.' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Their username.', example: 'm.rossi' })
  username!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, description: 'Their Ente.' })
  enteId!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, description: 'The application, when one called.', example: null })
  applicationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The consumer service (visure, rivestizione, console) that acted for the user under a delegation grant.', example: 'visure' })
  actingService!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, description: 'The mediator whose approval (or silent consent) the request was made under.', example: null })
  mediatorId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ANPR operator id the request was made with.', example: 'RSSMRA80A01A662X' })
  anprOperatorId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Workstation code sent by the caller.', example: '072006-PL-0001' })
  workstation!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Client IP address.', example: '10.1.2.17' })
  clientIp!: string | null;

  @ApiProperty({ type: String, nullable: true, pattern: '^\\d{6}$', description: 'ISTAT code of the Comune the request concerned.', example: '072006' })
  targetComune!: string | null;

  @ApiProperty({ description: 'What was asked (an operation id, or method and route for refusals).', example: 'searchPersons' })
  operation!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Declared purpose.', example: 'lookup' })
  purpose!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Declared reason (case or protocol number).', example: 'Verbale 2026/118' })
  motivoRichiesta!: string | null;

  @ApiProperty({ type: () => AuditCriterionView, nullable: true, description: 'The search criterion, for lookups.' })
  criterion!: AuditCriterionView | null;

  @ApiProperty({ type: [String], description: 'Identifiers (codice fiscale, idANPR) of the subjects in the answer.', example: ['RSSMRA80A01A662X'] })
  subjects!: string[];

  @ApiProperty({ type: [String], description: 'Sections returned.', example: ['generalita', 'residenza'] })
  sections!: string[];

  @ApiProperty({ ...apiEnum('AuditOutcome'), description: 'How the request ended.', example: 'ok' })
  outcome!: AuditOutcome;

  @ApiProperty({ type: String, nullable: true, description: 'For `denied`, the rule that denied (or the problem type of a refusal before the lookup ran); for `error`, the error class and cause; for `pending`, anpr_call.', example: null })
  outcomeDetail!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'For a `pending` intent, the operation id GeRes sent to ANPR (idOperazioneComune / idOperazioneClient); for the outcome of a call, ANPR\'s own id (idOperazioneANPR).', example: '100000000042' })
  anprOperationId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, description: 'Time spent on the request, in milliseconds.', example: 184 })
  latencyMs!: number | null;

  @ApiProperty({ type: () => AuditChainPosition, description: 'Position in the hash chain.' })
  chain!: AuditChainPosition;
}

@ApiSchema({ description: 'A page of audit events, newest first.' })
export class AuditEventPage extends PageInfo {
  @ApiProperty({ type: () => [AuditEventView] })
  items!: AuditEventView[];
}

@ApiSchema({ description: 'A login, logout, token refresh or function used.' })
export class AccessLogView {
  @ApiProperty({ pattern: '^\\d+$', description: 'Id of the entry (a decimal number, as a string).', example: '5120' })
  id!: string;

  @ApiProperty({ ...TIMESTAMP, description: 'When it happened.' })
  time!: string;

  @ApiProperty({ ...apiEnum('AccessEventKind'), description: 'What happened.', example: 'function' })
  event!: AccessEventKind;

  @ApiProperty({ ...NULLABLE_UUID, description: 'The user; null for a failed login with an unknown username.' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The username, as typed at login.', example: 'm.rossi' })
  username!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, description: 'Their Ente.' })
  enteId!: string | null;

  @ApiProperty({ type: String, nullable: true, pattern: '^\\d{6}$', description: 'For TOP users, their Comune.', example: null })
  comune!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, description: 'The application, when one called.', example: null })
  applicationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The function used (operation id), or why a login failed.', example: 'listUsers' })
  detail!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Client IP address.', example: '10.1.2.17' })
  clientIp!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The request id.', example: '7f9c2ba4-e88f-4b2d-9b1e-3c2d1a0f5e6d' })
  requestId!: string | null;
}

@ApiSchema({ description: 'A page of access-log entries, newest first.' })
export class AccessLogPage extends PageInfo {
  @ApiProperty({ type: () => [AccessLogView] })
  items!: AccessLogView[];
}

@ApiSchema({ description: 'A broken link of a chain.' })
export class ChainBreakView {
  @ApiProperty({ format: 'uuid', description: 'The chain.', example: 'c4a1f0d2-8e3b-4f6a-9b2c-1d0e3f4a5b6c' })
  chainId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The event that does not verify (for a missing tail, the last good one; null when the event or chain is gone).', example: '1043' })
  eventId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Its position in the chain.', example: 3 })
  seq!: number;

  @ApiProperty({
    ...apiEnum('ChainBreakReason'),
    description: 'Why the chain breaks here.',
    example: 'hash_mismatch',
  })
  reason!: ChainBreakReason;

  @ApiProperty({ description: 'Explanation.', example: 'event 1043 was modified after it was written' })
  message!: string;
}

@ApiSchema({ description: 'The verification of one hash chain.' })
export class ChainReportView {
  @ApiProperty({ format: 'uuid', description: 'The chain.', example: 'c4a1f0d2-8e3b-4f6a-9b2c-1d0e3f4a5b6c' })
  chainId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events checked.', example: 1042 })
  events!: number;

  @ApiProperty({ description: 'Every event verifies and the chain reaches its recorded head.', example: true })
  ok!: boolean;

  @ApiPropertyOptional({ type: () => ChainBreakView, description: 'The first of breaks; present when ok is false.' })
  break?: ChainBreakView;

  @ApiProperty({ type: () => [ChainBreakView], description: 'Every broken link of the chain, in chain order (empty when ok).' })
  breaks!: ChainBreakView[];
}

@ApiSchema({ description: 'A checkpoint line that does not verify.' })
export class CheckpointLineView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Line number in the checkpoint file.', example: 12 })
  line!: number;

  @ApiProperty({ description: 'What is wrong with it.', example: 'checkpoint line 12 (2026-12-03T10:00:00.000Z) fails its signature: edited, forged, or signed with another key' })
  message!: string;
}

@ApiSchema({ description: 'The checkpoint file the chains were checked against.' })
export class CheckpointCheckView {
  @ApiProperty({ description: 'Path of the checkpoint file.', example: '/var/lib/geres/audit-checkpoints.jsonl' })
  file!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Checkpoint lines read.', example: 1440 })
  lines!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Lines whose signature verifies (their chain heads were checked).', example: 1440 })
  valid!: number;

  @ApiProperty({ type: () => [CheckpointLineView], description: 'Lines that do not verify; any makes ok false.' })
  invalid!: CheckpointLineView[];
}

@ApiSchema({ description: 'The verification of the whole audit trail.' })
export class AuditVerification {
  @ApiProperty({ description: 'Every chain verifies.', example: true })
  ok!: boolean;

  @ApiProperty({ type: () => [ChainReportView], description: 'One report per chain.' })
  chains!: ChainReportView[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events checked over all chains.', example: 1042 })
  events!: number;

  @ApiPropertyOptional({ type: () => CheckpointCheckView, description: 'Present when the gateway writes checkpoints and the file exists.' })
  checkpoints?: CheckpointCheckView;
}
