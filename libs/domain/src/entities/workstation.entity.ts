import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { Ente } from './ente.entity.js';

/** A workstation (postazione) of an Ente, possibly authorised by the Comune's TOP users. */
@Entity({ tableName: 'workstation' })
export class Workstation {
  /** Properties with a default: em.create may leave them out. */
  [OptionalProps]?: 'authorised' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  /** ANPR IdPostazione, e.g. 072006-PL-0001. */
  @Property({ type: 'string', length: 40 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 200 })
  label!: string;

  @ManyToOne(() => Ente)
  ente!: Ente;

  @Property({ type: 'boolean' })
  authorised: boolean = false;

  /** SHA-256 of the device token the workstation presents in X-GeRes-Device-Token. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  deviceTokenHash?: string;

  /** SHA-256 fingerprint (hex) of its client certificate. */
  @Property({ type: 'string', length: 64, nullable: true })
  certFingerprint?: string;

  /** CIDR range the workstation connects from, e.g. 10.1.2.0/24. */
  @Property({ type: 'string', length: 64, nullable: true })
  ipRange?: string;

  /** Reference of the workstation's PKCS#12 keystore (for IdPostazioneFirmato). */
  @Property({ type: 'string', length: 500, nullable: true })
  keystoreRef?: string;

  /** `file:` or `env:` reference of the keystore password. */
  @Property({ type: 'string', length: 500, nullable: true })
  keystorePasswordRef?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
