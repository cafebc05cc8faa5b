import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { VisuraType } from '#libs/domain';
import type { Route, RouteReason } from '../domain/routing.js';

/**
 * The life of a request: `received` (being processed), `issued` (document), `comune_only` (the Comune of residence only),
 * `refused` (cannot issue), `pending_mediator` / `pending_silent_consent` (deferred),
 * `rejected` (by the mediator), `retrying` (ANPR or the gateway did not answer; kept and retried),
 * `failed` (given up, with the reason), `expired` (the stored grant ran out before processing).
 */
export const REQUEST_STATES = ['received', 'issued', 'comune_only', 'refused', 'pending_mediator', 'pending_silent_consent', 'rejected', 'retrying', 'failed', 'expired'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** One visura request, from the search to its outcome (R-TRACE-1, R-VIS-7). */
@Entity({ tableName: 'visura_request' })
@Index({ properties: ['comune', 'createdAt'] })
@Index({ properties: ['enteId', 'createdAt'] })
@Index({ properties: ['requesterId', 'createdAt'] })
@Index({ properties: ['state'] })
export class VisuraRequest {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Property({ type: 'string', length: 32 })
  type!: VisuraType;

  @Property({ type: 'string', length: 24 })
  state!: RequestState;

  @Property({ type: 'string', length: 32, nullable: true })
  route?: Route;

  @Property({ type: 'string', length: 32, nullable: true })
  routeReason?: RouteReason;

  /** ISTAT code of the Comune the request concerns (its ANPR credentials, its mediators). */
  @Property({ type: 'string', length: 6 })
  comune!: string;

  @Property({ type: 'string', length: 16 })
  criterionKind!: string;

  /** The subject as identified (for the archive): codice fiscale and names; null until known. */
  @Property({ type: 'string', length: 16, nullable: true })
  subjectCf?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  subjectName?: string;

  @Property({ type: 'string', length: 10, nullable: true })
  subjectBirthDate?: string;

  /** The chosen candidate when the search found several (the choice is recorded). */
  @Property({ type: 'string', length: 36, nullable: true })
  searchId?: string;

  @Property({ type: 'integer', nullable: true })
  candidateIndex?: number;

  @Property({ type: 'string', length: 200 })
  motivoRichiesta!: string;

  @Property({ type: 'string', length: 36 })
  requesterId!: string;

  @Property({ type: 'string', length: 80 })
  requesterUsername!: string;

  @Property({ type: 'string', length: 200 })
  requesterName!: string;

  @Property({ type: 'string', length: 12 })
  requesterRole!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  enteId?: string;

  /** STANDARDPS requests are never shown to TOP, ADMIN or mediators. */
  @Property({ type: 'boolean' })
  standardPs: boolean = false;

  /** The requester's grant for a deferred or retried request, AES-256-GCM encrypted; cleared once processed. */
  @Property({ type: 'text', nullable: true })
  grantCiphertext?: string | null;

  @Property({ type: 'datetime', nullable: true })
  grantExpiresAt?: Date | null;

  /** For a request kept for a retry before ANPR answered: the criterion, encrypted like the grant. */
  @Property({ type: 'text', nullable: true })
  criterionCiphertext?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  mediatorId?: string;

  /** As printed on the document ("Mediatore ANPR"). */
  @Property({ type: 'string', length: 200, nullable: true })
  mediatorName?: string;

  /** Refusal, rejection or failure reason, in Italian. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** The name of the Comune of residence, for the comune-only outcome. */
  @Property({ type: 'string', length: 120, nullable: true })
  residenceComuneName?: string;

  /** ANPR protocol (idOperazioneANPR) of the lookup that produced the outcome. */
  @Property({ type: 'string', length: 120, nullable: true })
  anprProtocol?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  documentId?: string;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date;
}

/** An issued document: what the archive keeps about it; the PDF itself is in the document store. */
@Entity({ tableName: 'visura_document' })
export class VisuraDocument {
  /** The printed document id. */
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  /** One document per request, ever. */
  @Unique()
  @Property({ type: 'string', length: 36 })
  requestId!: string;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** SHA-256 of the CVD: the code itself is printed, never stored. */
  @Property({ type: 'string', length: 64 })
  cvdHash!: string;

  @Property({ type: 'string', length: 6 })
  comune!: string;

  @Property({ type: 'string', length: 32 })
  type!: VisuraType;

  @Property({ type: 'string', length: 120 })
  anprProtocol!: string;

  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** Last day the verification endpoint returns the original. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime' })
  issuedAt!: Date;
}

/** A search, and its candidates when several matched: the user's choice refers to it. */
@Entity({ tableName: 'visura_search' })
export class VisuraSearch {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Property({ type: 'string', length: 36 })
  requesterId!: string;

  @Property({ type: 'string', length: 6 })
  comune!: string;

  @Property({ type: 'string', length: 32 })
  type!: VisuraType;

  @Property({ type: 'string', length: 16 })
  criterionKind!: string;

  @Property({ type: 'string', length: 200 })
  motivoRichiesta!: string;

  /** codice fiscale and the minimum shown (cognome, nome, data e luogo di nascita) per candidate. */
  @Property({ type: 'json' })
  candidates: Array<{ codiceFiscale: string; cognome: string; nome: string; dataNascita: string; luogoNascita: string }> = [];

  @Property({ type: 'string', length: 120, nullable: true })
  anprProtocol?: string;

  @Property({ type: 'integer', nullable: true })
  chosenIndex?: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}

export const VERIFICATION_OUTCOMES = ['ok', 'wrong_code', 'expired', 'unknown', 'throttled'] as const;

/** Every verification of a document, successful or not. */
@Entity({ tableName: 'visura_verification' })
@Index({ properties: ['documentId'] })
export class VisuraVerification {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Property({ type: 'string', length: 40 })
  documentId!: string;

  @Property({ type: 'string', length: 12 })
  outcome!: (typeof VERIFICATION_OUTCOMES)[number];

  /** The client address, as seen by the service (not personal data of a subject). */
  @Property({ type: 'string', length: 64, nullable: true })
  clientIp?: string;

  @Property({ type: 'datetime' })
  at: Date = new Date();
}

export const VISURE_ENTITIES = [VisuraRequest, VisuraDocument, VisuraSearch, VisuraVerification];
