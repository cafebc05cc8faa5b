import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { Comune } from './comune.entity.js';
import { User } from './user.entity.js';

/**
 * A message of a Comune's bacheca (R-VIS-12), written by one of its TOP users: public (for every
 * user who works with the Comune) or private (for one user), shown between two days.
 */
@Entity({ tableName: 'bacheca_message' })
@Index({ properties: ['comune', 'validFrom'] })
export class BachecaMessage {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Comune)
  comune!: Comune;

  @ManyToOne(() => User)
  author!: User;

  /** The one user a private message is for; none for a public message. */
  @ManyToOne(() => User, { nullable: true })
  recipient?: User;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  /** First day shown, YYYY-MM-DD (Europe/Rome). */
  @Property({ type: 'string', length: 10 })
  validFrom!: string;

  /** Last day shown, YYYY-MM-DD; none: until removed. */
  @Property({ type: 'string', length: 10, nullable: true })
  validTo?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
