import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { Ente } from './ente.entity.js';
import { User } from './user.entity.js';

/** A third-party application of an Ente, calling GeRes with client credentials. */
@Entity({ tableName: 'application' })
export class Application {
  /** Properties with a default: em.create may leave them out. */
  [OptionalProps]?: 'status' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Ente)
  ente!: Ente;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 64 })
  @Unique()
  clientId!: string;

  @Property({ type: 'string', length: 12 })
  status: 'active' | 'revoked' = 'active';

  @OneToMany(() => ApplicationSecret, (s) => s.application)
  secrets = new Collection<ApplicationSecret>(this);

  /** The operators this application may act for. */
  @ManyToMany(() => User, undefined, { owner: true, pivotTable: 'application_operator' })
  operators = new Collection<User>(this);

  @ManyToOne(() => User, { nullable: true })
  createdBy?: User;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** A client secret, stored hashed. Rotation keeps the previous one valid until `expiresAt`. */
@Entity({ tableName: 'application_secret' })
export class ApplicationSecret {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Application)
  application!: Application;

  @Property({ type: 'string', length: 200, hidden: true })
  hash!: string;

  /** First characters, shown to help people tell secrets apart. */
  @Property({ type: 'string', length: 12 })
  prefix!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  isUsableAt(now: Date): boolean {
    return !this.revokedAt && (!this.expiresAt || this.expiresAt > now);
  }
}
