import { randomUUID } from 'node:crypto';
import { EntityManager, type RequiredEntityData } from '@mikro-orm/core';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AUDIT_LIST_ITEM_LENGTH, AUDIT_TEXT_LENGTHS, AuditChain, AuditEvent, GENESIS_HASH, hashEvent, storableText, type AuditOutcome, type ChainedFields } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { GroupCommitWriter } from './group-commit-writer.js';

export interface AuditInput {
  requestId: string;
  userId?: string;
  username?: string;
  enteId?: string;
  applicationId?: string;
  anprOperatorId?: string;
  workstation?: string;
  clientIp?: string;
  targetComune?: string;
  operation: string;
  purpose?: string;
  motivoRichiesta?: string;
  criterionType?: string;
  criterionValue?: string;
  subjects?: string[];
  sections?: string[];
  outcome: AuditOutcome;
  outcomeDetail?: string;
  anprOperationId?: string;
  latencyMs?: number;
  monitored?: boolean;
  time?: Date;
  actingService?: string;
  mediatorId?: string;
}

const AUDITED = new WeakSet<object>();

/**
 * Marks an error whose refusal or failure is already in the audit trail, so that the record made
 * where every error response passes (the lookup's refusal auditor) does not record it twice.
 */
export function markAudited<E extends object>(error: E): E {
  AUDITED.add(error);
  return error;
}

export const isAudited = (error: unknown): boolean => typeof error === 'object' && error !== null && AUDITED.has(error);

type Unchained = Omit<ChainedFields, 'chainId' | 'seq' | 'prevHash'>;

const text = (value: string | undefined, field: keyof typeof AUDIT_TEXT_LENGTHS) => storableText(value, AUDIT_TEXT_LENGTHS[field]);

/**
 * The event as the database will store it: every text well-formed, without NUL and cut to its
 * column (see `storableText`), the time to the millisecond. Hashing this form, and only this
 * form, is what makes the hash of an event read back equal the hash written, whatever the input.
 */
export function storableAuditFields(input: AuditInput): Unchained {
  return {
    // Millisecond precision is what both MariaDB DATETIME(3) and SQLite keep.
    time: new Date(Math.floor((input.time ?? new Date()).getTime())),
    requestId: text(input.requestId, 'requestId') ?? '',
    userId: text(input.userId, 'userId'),
    username: text(input.username, 'username'),
    enteId: text(input.enteId, 'enteId'),
    applicationId: text(input.applicationId, 'applicationId'),
    anprOperatorId: text(input.anprOperatorId, 'anprOperatorId'),
    workstation: text(input.workstation, 'workstation'),
    clientIp: text(input.clientIp, 'clientIp'),
    targetComune: text(input.targetComune, 'targetComune'),
    operation: text(input.operation, 'operation') ?? '',
    purpose: text(input.purpose, 'purpose'),
    motivoRichiesta: text(input.motivoRichiesta, 'motivoRichiesta'),
    criterionType: text(input.criterionType, 'criterionType'),
    criterionValue: text(input.criterionValue, 'criterionValue'),
    subjects: (input.subjects ?? []).map((x) => storableText(String(x), AUDIT_LIST_ITEM_LENGTH)),
    sections: (input.sections ?? []).map((x) => storableText(String(x), AUDIT_LIST_ITEM_LENGTH)),
    outcome: text(input.outcome, 'outcome') ?? '',
    outcomeDetail: text(input.outcomeDetail, 'outcomeDetail'),
    anprOperationId: text(input.anprOperationId, 'anprOperationId'),
    latencyMs: input.latencyMs === undefined || input.latencyMs === null ? undefined : Math.round(Number(input.latencyMs)),
    monitored: input.monitored ?? true,
    actingService: text(input.actingService, 'actingService'),
    mediatorId: text(input.mediatorId, 'mediatorId'),
  };
}

/**
 * Appends audit events to this instance's own hash chain. Events are made storable first (above),
 * then linked and hashed as their batch is written, in call order; writes are group-committed
 * (GroupCommitWriter), so a busy instance does one INSERT per batch rather than one per request,
 * and instances never contend for a lock. `record()` resolves once the event is durable.
 */
@Injectable()
export class AuditService implements OnApplicationShutdown {
  readonly chainId = randomUUID();
  private seq = 0;
  private prevHash = GENESIS_HASH;
  private started = false;
  private readonly writer: GroupCommitWriter<Unchained>;

  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.writer = new GroupCommitWriter('audit', (batch) => this.write(batch));
  }

  record(input: AuditInput): Promise<void> {
    return this.writer.write(storableAuditFields(input));
  }

  /**
   * Links and hashes the batch, writes it and moves the chain head in one transaction. The
   * in-memory head only advances once the transaction commits, so a failed write leaves no gap.
   */
  private async write(batch: Unchained[]) {
    let seq = this.seq;
    let prevHash = this.prevHash;
    const rows = batch.map((fields) => {
      const row: ChainedFields = { ...fields, chainId: this.chainId, seq: ++seq, prevHash };
      const hash = hashEvent(row, this.config.auditChainKey);
      prevHash = hash;
      return { ...row, hash };
    });
    const em = this.em.fork();
    await em.transactional(async (tx) => {
      if (!this.started) {
        await tx.insert(AuditChain, { id: this.chainId, lastSeq: 0, lastHash: GENESIS_HASH, instance: this.config.instanceName.slice(0, 100), startedAt: new Date() });
      }
      await tx.insertMany(AuditEvent, rows as RequiredEntityData<AuditEvent>[]);
      await tx.nativeUpdate(AuditChain, { id: this.chainId }, { lastSeq: seq, lastHash: prevHash });
    });
    this.started = true;
    this.seq = seq;
    this.prevHash = prevHash;
  }

  /** Waits for every queued event to be written (used at shutdown and by tests). */
  drain(): Promise<void> {
    return this.writer.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
