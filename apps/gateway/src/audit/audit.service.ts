import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AuditChain, AuditEvent, GENESIS_HASH, hashEvent, type AuditOutcome, type ChainedFields } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { logger } from '../common/logger.js';

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
}

interface Pending {
  fields: Omit<ChainedFields, 'chainId' | 'seq' | 'prevHash'>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Appends audit events to this instance's own hash chain. Hashing happens in memory as events
 * arrive (JavaScript runs one callback at a time, so the chain order is the call order); writes are
 * group-committed: while one batch is being written the next one collects, so a busy instance does
 * one INSERT per batch rather than one per request, and instances never contend for a lock.
 * `record()` resolves once the event is durable.
 */
@Injectable()
export class AuditService implements OnApplicationShutdown {
  readonly chainId = randomUUID();
  private seq = 0;
  private prevHash = GENESIS_HASH;
  private started = false;
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  record(input: AuditInput): Promise<void> {
    const fields: Omit<ChainedFields, 'chainId' | 'seq' | 'prevHash'> = {
      // Millisecond precision is what both MariaDB DATETIME(3) and SQLite keep.
      time: new Date(Math.floor((input.time ?? new Date()).getTime())),
      requestId: input.requestId,
      userId: input.userId,
      username: input.username,
      enteId: input.enteId,
      applicationId: input.applicationId,
      anprOperatorId: input.anprOperatorId,
      workstation: input.workstation,
      clientIp: input.clientIp,
      targetComune: input.targetComune,
      operation: input.operation,
      purpose: input.purpose,
      motivoRichiesta: input.motivoRichiesta,
      criterionType: input.criterionType,
      criterionValue: input.criterionValue,
      subjects: input.subjects ?? [],
      sections: input.sections ?? [],
      outcome: input.outcome,
      outcomeDetail: input.outcomeDetail,
      anprOperationId: input.anprOperationId,
      latencyMs: input.latencyMs,
      monitored: input.monitored ?? true,
    };
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ fields, resolve, reject });
      this.kick();
    });
  }

  private kick() {
    if (this.flushing) return;
    this.flushing = (async () => {
      try {
        while (this.queue.length) {
          const batch = this.queue.splice(0, 500);
          try {
            await this.write(batch);
            batch.forEach((p) => p.resolve());
          } catch (e) {
            logger.error({ err: e, chainId: this.chainId }, 'audit write failed');
            batch.forEach((p) => p.reject(e));
          }
        }
      } finally {
        this.flushing = null;
      }
    })();
  }

  /**
   * Links and hashes the batch, writes it and moves the chain head in one transaction. The
   * in-memory head only advances once the transaction commits, so a failed write leaves no gap.
   */
  private async write(batch: Pending[]) {
    let seq = this.seq;
    let prevHash = this.prevHash;
    const rows = batch.map((p) => {
      const row: ChainedFields = { ...p.fields, chainId: this.chainId, seq: ++seq, prevHash };
      const hash = hashEvent(row, this.config.auditChainKey);
      prevHash = hash;
      return { ...row, hash };
    });
    const em = this.em.fork();
    await em.transactional(async (tx) => {
      if (!this.started) {
        await tx.insert(AuditChain, { id: this.chainId, lastSeq: 0, lastHash: GENESIS_HASH, instance: this.config.instanceName, startedAt: new Date() });
      }
      await tx.insertMany(AuditEvent, rows as any);
      await tx.nativeUpdate(AuditChain, { id: this.chainId }, { lastSeq: seq, lastHash: prevHash });
    });
    this.started = true;
    this.seq = seq;
    this.prevHash = prevHash;
  }

  /** Waits for every queued event to be written (used at shutdown and by tests). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
