import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditChain, checkpointKey, signCheckpoint } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { logger } from '../common/logger.js';
import { AuditService } from './audit.service.js';

/**
 * Anchors the audit trail outside the database: every AUDIT_CHECKPOINT_INTERVAL_SECONDS, and at
 * shutdown, appends one signed line with the head (seq, hash) of every chain in the database to
 * AUDIT_CHECKPOINT_FILE. `audit:verify --against <file>` then shows any chain that lost events or
 * vanished, or was rewritten, since a line was written. The file is opened for appending only; making
 * it append-only for everyone (chattr +a, a log host, WORM storage) is the operator's part.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly key: Buffer;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.key = checkpointKey(config.auditChainKey);
  }

  onApplicationBootstrap() {
    const file = this.config.auditCheckpointFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    this.timer = setInterval(() => {
      this.checkpoint().catch((err) => logger.error({ err }, 'audit checkpoint failed'));
    }, this.config.auditCheckpointIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** Appends one checkpoint of every chain head now in the database (after this instance's queued events). */
  checkpoint(): Promise<void> {
    const next = this.writing.then(() => this.append());
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async append() {
    const file = this.config.auditCheckpointFile;
    if (!file) return;
    await this.audit.drain();
    const heads = await this.em.fork().find(AuditChain, { lastSeq: { $gt: 0 } }, { orderBy: { startedAt: 'asc', id: 'asc' } });
    if (!heads.length) return;
    const line = signCheckpoint(this.key, new Date(), this.config.instanceName, heads.map((h) => ({ chainId: h.id, seq: h.lastSeq, hash: h.lastHash })));
    const fh = await open(file, 'a', 0o600);
    try {
      await fh.appendFile(`${line}\n`);
      await fh.datasync();
    } finally {
      await fh.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checkpoint().catch((err) => logger.error({ err }, 'audit checkpoint at shutdown failed'));
  }
}
