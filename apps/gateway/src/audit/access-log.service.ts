import { EntityManager } from '@mikro-orm/core';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AccessLog, type AccessEventKind } from '#libs/domain';
import { logger } from '../common/logger.js';

export interface AccessInput {
  event: AccessEventKind;
  userId?: string;
  username?: string;
  enteId?: string;
  comune?: string;
  applicationId?: string;
  detail?: string;
  clientIp?: string;
  requestId?: string;
  monitored?: boolean;
}

/** Records logins, logouts and functions used (R-TRACE-2), batching inserts like the audit trail. */
@Injectable()
export class AccessLogService implements OnApplicationShutdown {
  private queue: Array<{ row: AccessInput & { time: Date }; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly em: EntityManager) {}

  record(input: AccessInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: { monitored: true, ...input, time: new Date() }, resolve, reject });
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private async flush() {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, 500);
        try {
          await this.em.fork().insertMany(AccessLog, batch.map((b) => b.row) as any);
          batch.forEach((b) => b.resolve());
        } catch (e) {
          logger.error({ err: e }, 'access log write failed');
          batch.forEach((b) => b.reject(e));
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
