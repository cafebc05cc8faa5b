import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Per-Comune counter behind idOperazioneComune: numeric, strictly increasing, shared by all instances. */
@Entity({ tableName: 'anpr_operation_counter' })
export class AnprOperationCounter {
  @PrimaryKey({ type: 'string', length: 6 })
  codiceIstat!: string;

  @Property({ type: 'bigint' })
  lastValue!: string;
}
