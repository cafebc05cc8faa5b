import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A POST made with an Idempotency-Key: the same caller sending the same key within 24 hours gets
 * the stored answer back without a second ANPR call; the same key with another body is refused.
 */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** `<caller>:<key>`: keys are scoped to the caller (user, or application + operator). */
  @PrimaryKey({ type: 'string', length: 255 })
  id!: string;

  /** SHA-256 of method, path and canonical body. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'string', length: 12 })
  state: 'in_progress' | 'done' = 'in_progress';

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number;

  @Property({ type: 'json', nullable: true })
  responseBody?: unknown;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  @Index()
  expiresAt!: Date;
}
