import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/** The states a person sees (R-RIV-4); the API spells them as here. */
export const REQUEST_STATES = ['caricata', 'in_convalida', 'convalidata', 'respinta', 'in_lavorazione', 'completata', 'completata_con_errori'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** A row's outcome, as written in the result file's `esito` column. */
export const ESITI = ['OK', 'NON_TROVATO', 'FUORI_AMBITO', 'PIU_SOGGETTI', 'ERRORE', 'SCARTATO'] as const;
export type Esito = (typeof ESITI)[number];

/**
 * One rivestizione request. The database is the source of truth: queues carry only its id and row
 * ranges. `grantCiphertext` is the submitter's delegation grant for this request (AES-256-GCM), wiped
 * when the request ends.
 */
@Entity({ tableName: 'riv_request' })
@Index({ properties: ['state', 'comune'] })
@Index({ properties: ['submitterId', 'createdAt'] })
export class RivRequest {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Property({ type: 'string', length: 36 })
  submitterId!: string;

  @Property({ type: 'string', length: 100 })
  submitterUsername!: string;

  @Property({ type: 'string', length: 12 })
  submitterRole!: string;

  /** STANDARDPS requests are hidden from the Comune's TOP and the submitter's ADMIN. */
  @Property({ type: 'boolean' })
  standardPs: boolean = false;

  @Property({ type: 'string', length: 36, nullable: true })
  enteId?: string | null;

  /** ISTAT code of the Comune whose credentials (and registry office) the request uses. */
  @Property({ type: 'string', length: 6 })
  comune!: string;

  @Property({ type: 'string', length: 100 })
  motivoRichiesta!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  sourceName?: string | null;

  @Property({ type: 'string', length: 12 })
  inputFormat!: string;

  @Property({ type: 'string', length: 24 })
  state: RequestState = 'caricata';

  @Property({ type: 'text', nullable: true, lazy: true })
  grantCiphertext?: string | null;

  @Property({ type: 'datetime', nullable: true })
  grantExpiresAt?: Date | null;

  /** The profile's rivestizione fields, read under the grant when processing starts (column order). */
  @Property({ type: 'json', nullable: true })
  fields?: string[] | null;

  /** The lookup sections those fields need, within the profile's sections. */
  @Property({ type: 'json', nullable: true })
  sections?: string[] | null;

  @Property({ type: 'integer' })
  totalRows: number = 0;

  @Property({ type: 'integer' })
  validRows: number = 0;

  @Property({ type: 'integer' })
  invalidRows: number = 0;

  @Property({ type: 'integer' })
  doneRows: number = 0;

  @Property({ type: 'integer' })
  okRows: number = 0;

  @Property({ type: 'integer' })
  errorRows: number = 0;

  /** Rejection reason, or why processing stopped. */
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  validatorId?: string | null;

  /** The officer's username, or `silenzio-assenso`, or `automatica` when the Comune needs no convalida. */
  @Property({ type: 'string', length: 100, nullable: true })
  validatorUsername?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  /** Who finalises (writes the files): a lease, so that one worker does it and a crashed one is replaced. */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  filesExpireAt?: Date | null;
}

/**
 * One input row. `position` is its line in the file (or place in the list), which orders the output.
 * Its result (`esito`, `errore`, `result`) is written once: the update that sets `doneAt` requires it null.
 */
@Entity({ tableName: 'riv_row' })
@Unique({ properties: ['request', 'position'] })
@Index({ properties: ['request', 'doneAt', 'position'] })
export class RivRow {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => RivRequest, { deleteRule: 'cascade' })
  request!: RivRequest;

  @Property({ type: 'integer' })
  position!: number;

  /** Null for a row refused by validation (kept so that the output has one row per input row). */
  @Property({ type: 'string', length: 20, nullable: true })
  idType?: string | null;

  @Property({ type: 'string', length: 30, nullable: true })
  idValue?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  reference?: string | null;

  /** Sent as the gateway's Idempotency-Key: a repeat of this row's lookup is a replay. */
  @Property({ type: 'string', length: 36 })
  idempotencyKey: string = randomUUID();

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'json', nullable: true })
  result?: Record<string, string | boolean | null> | null;

  @Property({ type: 'string', length: 16, nullable: true })
  esito?: Esito | null;

  @Property({ type: 'string', length: 300, nullable: true })
  errore?: string | null;

  @Property({ type: 'datetime', nullable: true })
  doneAt?: Date | null;
}

/** A result file. After `expiresAt` its content is deleted; name, size and SHA-256 stay in the archive. */
@Entity({ tableName: 'riv_file' })
export class RivFile {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => RivRequest, { deleteRule: 'cascade' })
  request!: RivRequest;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'bigint' })
  size!: number;

  @Property({ type: 'integer' })
  rows!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  deletedAt?: Date | null;
}

/** A processing window in Europe/Rome time, `from` inclusive, `to` exclusive, `HH:MM` (`24:00` allowed as `to`). */
export interface ProcessingWindow {
  from: string;
  to: string;
}

/** What the Comune's TOP decides for rivestizione in their Comune (defaults in config.ts). */
@Entity({ tableName: 'riv_comune_settings' })
export class RivComuneSettings {
  @PrimaryKey({ type: 'string', length: 6 })
  comune!: string;

  @Property({ type: 'boolean' })
  convalidaRequired!: boolean;

  /** With convalida required: approved by silent consent after this many hours; null = never. */
  @Property({ type: 'integer', nullable: true })
  silentConsentHours?: number | null;

  /** Lookups in flight at once for this Comune, across all workers. */
  @Property({ type: 'integer' })
  concurrency!: number;

  /** Lookups started per second for this Comune, across all workers. */
  @Property({ type: 'integer' })
  ratePerSecond!: number;

  /** Lookups per Italian day for this Comune (PDND finalità threshold). */
  @Property({ type: 'integer' })
  dailyBudget!: number;

  @Property({ type: 'json' })
  windows!: ProcessingWindow[];

  @Property({ type: 'string', length: 100, nullable: true })
  updatedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  updatedAt?: Date | null;
}

/** The daily ANPR budget ledger: lookups charged per Comune and Italian day. */
@Entity({ tableName: 'riv_budget_day' })
export class RivBudgetDay {
  @PrimaryKey({ type: 'string', length: 6 })
  comune!: string;

  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'integer' })
  used: number = 0;
}

export const RIV_ENTITIES = [RivRequest, RivRow, RivFile, RivComuneSettings, RivBudgetDay];
