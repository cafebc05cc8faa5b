import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { User } from './user.entity.js';
import type { LookupSection, RivestizioneField, SearchScope, VisuraType } from '../vocabulary.js';

/** What a user may do, set by TOP or ADMIN within their own powers. One per user. */
@Entity({ tableName: 'profile' })
export class Profile {
  /** Properties with a default: em.create may leave them out. */
  [OptionalProps]?: 'sections' | 'visuraTypes' | 'rivestizioneFields' | 'scope' | 'allowedComuni' | 'dailyQuota' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @OneToOne(() => User, { owner: true, unique: true })
  user!: User;

  @Property({ type: 'json' })
  sections: LookupSection[] = [];

  @Property({ type: 'json' })
  visuraTypes: VisuraType[] = [];

  @Property({ type: 'json' })
  rivestizioneFields: RivestizioneField[] = [];

  @Property({ type: 'string', length: 12 })
  scope: SearchScope = 'agreed';

  /** ISTAT codes: a subset of the Ente's convenzioni (for TOP users, their own Comune). */
  @Property({ type: 'json' })
  allowedComuni: string[] = [];

  @Property({ type: 'integer' })
  dailyQuota: number = 0;

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: User;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
