import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';

/**
 * One daily report (R-VIS-9) for one recipient and one Italian day. The unique key makes a second
 * sending impossible, whichever gateway instance tries; a failed sending is retried.
 */
@Entity({ tableName: 'daily_report_delivery' })
@Unique({ properties: ['day', 'userId'] })
export class DailyReportDelivery {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  /** YYYY-MM-DD, Europe/Rome. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'string', length: 36 })
  userId!: string;

  /** `sending` while an instance holds it, then `sent` or `failed`. */
  @Property({ type: 'string', length: 8 })
  status: 'sending' | 'sent' | 'failed' = 'sending';

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Requests listed. */
  @Property({ type: 'integer' })
  requests: number = 0;

  @Property({ type: 'string', length: 200, nullable: true })
  lastError?: string;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date;
}
