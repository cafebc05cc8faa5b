import { logger } from '../common/logger.js';

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for append-only records (audit events, access-log entries): while one batch is being
 * written the next one collects, so a busy instance does one write per batch rather than one per
 * request. `write()` resolves once the item's batch is durable and rejects when that batch failed;
 * a failure is logged here, once per batch, with `what` naming the record kind, and the items of a
 * failed batch are not retried (their callers hear of it through the rejection).
 */
export class GroupCommitWriter<T> {
  private queue: Waiting<T>[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly what: string,
    private readonly writeBatch: (items: T[]) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  write(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.writeBatch(batch.map((w) => w.item));
          batch.forEach((w) => w.resolve());
        } catch (e) {
          logger.error({ err: e, records: batch.length }, `${this.what} write failed`);
          batch.forEach((w) => w.reject(e));
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Waits until every item written so far is durable (or failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }
}
