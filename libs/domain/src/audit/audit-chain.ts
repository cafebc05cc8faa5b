import { createHash, createHmac } from 'node:crypto';

/** The genesis value every chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit hash covers: everything but the row id and the hash itself. */
export interface ChainedFields {
  chainId: string;
  seq: number;
  prevHash: string;
  time: Date;
  requestId: string;
  userId?: string | null;
  username?: string | null;
  enteId?: string | null;
  applicationId?: string | null;
  anprOperatorId?: string | null;
  workstation?: string | null;
  clientIp?: string | null;
  targetComune?: string | null;
  operation: string;
  purpose?: string | null;
  motivoRichiesta?: string | null;
  criterionType?: string | null;
  criterionValue?: string | null;
  subjects: string[];
  sections: string[];
  outcome: string;
  outcomeDetail?: string | null;
  anprOperationId?: string | null;
  latencyMs?: number | null;
  monitored: boolean;
}

/**
 * A fixed-order, type-stable serialisation: the same event read back from MariaDB or SQLite
 * (where undefined becomes null and dates lose nothing below the millisecond) hashes the same.
 */
export function canonicalise(e: ChainedFields): string {
  const v = (x: unknown) => (x === undefined || x === null ? null : x);
  return JSON.stringify([
    e.chainId,
    Number(e.seq),
    e.prevHash,
    new Date(e.time).toISOString(),
    e.requestId,
    v(e.userId),
    v(e.username),
    v(e.enteId),
    v(e.applicationId),
    v(e.anprOperatorId),
    v(e.workstation),
    v(e.clientIp),
    v(e.targetComune),
    e.operation,
    v(e.purpose),
    v(e.motivoRichiesta),
    v(e.criterionType),
    v(e.criterionValue),
    [...(e.subjects ?? [])],
    [...(e.sections ?? [])],
    e.outcome,
    v(e.outcomeDetail),
    v(e.anprOperationId),
    e.latencyMs === undefined || e.latencyMs === null ? null : Number(e.latencyMs),
    Boolean(e.monitored),
  ]);
}

/**
 * SHA-256 of the canonical form, or HMAC-SHA-256 when a key is configured: with a key, someone who
 * can write to the database but does not hold the key cannot recompute a consistent chain.
 */
export function hashEvent(e: ChainedFields, key?: string): string {
  const data = canonicalise(e);
  return key ? createHmac('sha256', key).update(data).digest('hex') : createHash('sha256').update(data).digest('hex');
}

export interface ChainBreak {
  chainId: string;
  /** Row id of the first event that does not verify (or of the last good one, for a missing tail). */
  eventId: string | null;
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'missing_tail' | 'head_mismatch';
  message: string;
}

export interface ChainReport {
  chainId: string;
  events: number;
  ok: boolean;
  break?: ChainBreak;
}

/**
 * Verifies one chain given its events in `seq` order and the recorded head. Returns the first
 * broken link: an edited event fails its own hash; a deleted one leaves a gap in `seq`; a removed
 * tail no longer reaches the head recorded in `audit_chain`.
 */
export async function verifyChain(
  chainId: string,
  events: AsyncIterable<ChainedFields & { id: string; hash: string }>,
  head: { lastSeq: number; lastHash: string } | null,
  key?: string,
): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastId: string | null = null;
  let count = 0;
  const fail = (b: Omit<ChainBreak, 'chainId'>): ChainReport => ({ chainId, events: count, ok: false, break: { chainId, ...b } });
  for await (const e of events) {
    count++;
    const seq = Number(e.seq);
    if (seq !== expectedSeq) {
      return fail({
        eventId: String(e.id),
        seq,
        reason: 'sequence_gap',
        message: `event ${e.id} has seq ${seq} but ${expectedSeq} was expected: event(s) deleted before it`,
      });
    }
    if (e.prevHash !== prevHash) {
      return fail({ eventId: String(e.id), seq, reason: 'prev_hash_mismatch', message: `event ${e.id} does not link to the event before it` });
    }
    if (hashEvent(e, key) !== e.hash) {
      return fail({ eventId: String(e.id), seq, reason: 'hash_mismatch', message: `event ${e.id} was modified after it was written` });
    }
    prevHash = e.hash;
    lastId = String(e.id);
    expectedSeq++;
  }
  if (head) {
    if (head.lastSeq > expectedSeq - 1) {
      return fail({
        eventId: lastId,
        seq: expectedSeq,
        reason: 'missing_tail',
        message: `chain head records seq ${head.lastSeq} but events stop at ${expectedSeq - 1}: later events deleted`,
      });
    }
    if (head.lastSeq === expectedSeq - 1 && head.lastHash !== prevHash) {
      return fail({ eventId: lastId, seq: expectedSeq - 1, reason: 'head_mismatch', message: `chain head hash differs from event ${lastId}` });
    }
  }
  return { chainId, events: count, ok: true };
}
