import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { Comune } from './comune.entity.js';
import { Ente } from './ente.entity.js';
import type { Role } from '../vocabulary.js';
import { UserRepository } from './user.repository.js';

/** A person who uses GeRes. TOP users belong to a Comune; everyone else to an Ente. */
@Entity({ tableName: 'app_user', repository: () => UserRepository })
export class User {
  [EntityRepositoryType]?: UserRepository;
  /** Properties with a default: em.create may leave them out. */
  [OptionalProps]?: 'mediator' | 'status' | 'failedLogins' | 'mustChangePassword' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 80 })
  @Unique()
  username!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 12 })
  @Index()
  role!: Role;

  @ManyToOne(() => Ente, { nullable: true })
  ente?: Ente;

  @ManyToOne(() => Comune, { nullable: true })
  comune?: Comune;

  /** Holds the MEDIATORE function: their ANPR identity may be used for others' requests. */
  @Property({ type: 'boolean' })
  mediator: boolean = false;

  /** ANPR operator id (codice fiscale or ANPR user id) when the user performs registry functions. */
  @Property({ type: 'string', length: 64, nullable: true })
  anprOperatorId?: string;

  @Property({ type: 'string', length: 12 })
  status: 'active' | 'suspended' = 'active';

  /** argon2id hash; null until a password is set. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  passwordHash?: string;

  @Property({ type: 'integer' })
  failedLogins: number = 0;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date;

  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt?: Date;

  /** Set for a one-time password: the user must choose a new password before doing anything else. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  createdBy?: User;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
