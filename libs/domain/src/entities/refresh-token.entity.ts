import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { User } from './user.entity.js';

/** A refresh token (stored as its SHA-256), rotated on every use; reuse of a rotated one revokes the family. */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'string', length: 36 })
  family!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** End of the login this token descends from: no rotation reaches past it (null on rows written before it existed). */
  @Property({ type: 'datetime', nullable: true })
  familyExpiresAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
