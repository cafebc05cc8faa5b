import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { AuditOutcome } from '../vocabulary.js';
import { AUDIT_TEXT_LENGTHS } from '../audit/audit-lengths.js';

/**
 * One request, append-only. Events form one hash chain per writer (gateway instance): each carries
 * the hash of the previous event of its chain, so an edit or a deletion breaks the chain, and
 * instances never wait for each other.
 */
@Entity({ tableName: 'audit_event' })
@Unique({ properties: ['chainId', 'seq'] })
@Index({ properties: ['targetComune', 'time'] })
@Index({ properties: ['userId', 'time'] })
@Index({ properties: ['enteId', 'time'] })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 36 })
  chainId!: string;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'datetime', length: 3 })
  @Index()
  time!: Date;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.requestId })
  requestId!: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.userId, nullable: true })
  userId?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.username, nullable: true })
  username?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.enteId, nullable: true })
  enteId?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.applicationId, nullable: true })
  applicationId?: string;

  /** ANPR operator id the request was made with (mediator or the Comune's operator). */
  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.anprOperatorId, nullable: true })
  anprOperatorId?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.workstation, nullable: true })
  workstation?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.clientIp, nullable: true })
  clientIp?: string;

  /** ISTAT code of the Comune the request concerns. */
  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.targetComune, nullable: true })
  targetComune?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.operation })
  operation!: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.purpose, nullable: true })
  purpose?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.motivoRichiesta, nullable: true })
  motivoRichiesta?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.criterionType, nullable: true })
  criterionType?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.criterionValue, nullable: true })
  criterionValue?: string;

  /** Identifiers (codice fiscale, idANPR) of the subjects in the answer. */
  @Property({ type: 'json' })
  subjects: string[] = [];

  @Property({ type: 'json' })
  sections: string[] = [];

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.outcome })
  outcome!: AuditOutcome;

  /** For `denied`: the rule that denied; for `error`: the error class. */
  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.outcomeDetail, nullable: true })
  outcomeDetail?: string;

  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.anprOperationId, nullable: true })
  anprOperationId?: string;

  @Property({ type: 'integer', nullable: true })
  latencyMs?: number;

  /** False for STANDARDPS users: invisible to TOP/ADMIN/mediator monitoring. */
  @Property({ type: 'boolean' })
  monitored: boolean = true;

  /** The service that acted for the user under a delegation grant (visure, rivestizione, console). */
  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.actingService, nullable: true })
  actingService?: string;

  /** User id of the mediator whose approval the request was made under. */
  @Property({ type: 'string', length: AUDIT_TEXT_LENGTHS.mediatorId, nullable: true })
  mediatorId?: string;
}

/** The head of each writer's chain, updated with every batch, so that truncating a tail is seen. */
@Entity({ tableName: 'audit_chain' })
export class AuditChain {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'integer' })
  lastSeq: number = 0;

  @Property({ type: 'string', length: 64 })
  lastHash!: string;

  @Property({ type: 'string', length: 100 })
  instance!: string;

  @Property({ type: 'datetime' })
  startedAt: Date = new Date();
}
