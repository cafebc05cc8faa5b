import { EntityManager, type RequiredEntityData } from '@mikro-orm/core';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AccessLog, type AccessEventKind } from '#libs/domain';
import { GroupCommitWriter } from './group-commit-writer.js';

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

/** Records logins, logouts and functions used (R-TRACE-2), group-committed like the audit trail. */
@Injectable()
export class AccessLogService implements OnApplicationShutdown {
  private readonly writer: GroupCommitWriter<RequiredEntityData<AccessLog>>;

  constructor(private readonly em: EntityManager) {
    this.writer = new GroupCommitWriter('access log', async (rows) => {
      await this.em.fork().insertMany(AccessLog, rows);
    });
  }

  /** Resolves once the entry is stored; a failed write is logged by the writer and rejects. */
  record(input: AccessInput): Promise<void> {
    return this.writer.write({ monitored: true, ...input, time: new Date() });
  }

  drain(): Promise<void> {
    return this.writer.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
