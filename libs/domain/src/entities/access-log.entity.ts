import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AccessEventKind } from '../vocabulary.js';

/** Logins, logouts and each function used, per user (R-TRACE-2). Kept until the end of the contract. */
@Entity({ tableName: 'access_log' })
@Index({ properties: ['userId', 'time'] })
export class AccessLog {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', length: 3 })
  @Index()
  time: Date = new Date();

  @Property({ type: 'string', length: 20 })
  event!: AccessEventKind;

  @Property({ type: 'string', length: 36, nullable: true })
  userId?: string;

  /** As typed at login (failures may name no existing user). */
  @Property({ type: 'string', length: 80, nullable: true })
  username?: string;

  @Property({ type: 'string', length: 36, nullable: true })
  enteId?: string;

  @Property({ type: 'string', length: 6, nullable: true })
  comune?: string;

  @Property({ type: 'string', length: 36, nullable: true })
  applicationId?: string;

  /** Function used (operation id), or the failure reason of a login. */
  @Property({ type: 'string', length: 80, nullable: true })
  detail?: string;

  @Property({ type: 'string', length: 45, nullable: true })
  clientIp?: string;

  @Property({ type: 'string', length: 64, nullable: true })
  requestId?: string;

  @Property({ type: 'boolean' })
  monitored: boolean = true;
}
