import { Collection, EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './base.js';
import { Comune } from './comune.entity.js';
import type { EnteKind } from '../vocabulary.js';
import { ConvenzioneRepository } from './convenzione.repository.js';

/** An office of a Comune or an external body that uses the service under convenzioni. */
@Entity({ tableName: 'ente' })
export class Ente {
  /** Properties with a default: em.create may leave them out. */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 20 })
  kind!: EnteKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Codice fiscale / partita IVA of the body. */
  @Property({ type: 'string', length: 16, nullable: true })
  codiceFiscale?: string;

  /**
   * The Comune that registered the Ente and manages its users (its owner): for a municipal office
   * its own Comune, for an external body the Comune whose TOP registered it. Convenzioni with other
   * Comuni give those Comuni no power over the Ente.
   */
  @ManyToOne(() => Comune, { nullable: true })
  comune?: Comune;

  @OneToMany(() => Convenzione, (c) => c.ente)
  convenzioni = new Collection<Convenzione>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** An agreement between an Ente and a Comune, valid between two dates. */
@Entity({ tableName: 'convenzione', repository: () => ConvenzioneRepository })
export class Convenzione {
  [EntityRepositoryType]?: ConvenzioneRepository;

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Ente)
  ente!: Ente;

  @ManyToOne(() => Comune)
  comune!: Comune;

  /** YYYY-MM-DD */
  @Property({ type: 'string', length: 10 })
  validFrom!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  validTo?: string;

  @Property({ type: 'string', length: 100, nullable: true })
  reference?: string;

  isActiveOn(day: string): boolean {
    return this.validFrom <= day && (!this.validTo || day <= this.validTo);
  }
}
