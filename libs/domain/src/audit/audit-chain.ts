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
  /** The service that acted for the user under a delegation grant (visure, rivestizione…). */
  actingService?: string | null;
  /** The mediator whose approval (or the Comune's designated one, for silent consent) the call used. */
  mediatorId?: string | null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The form of a text that every supported database stores and gives back unchanged: well-formed
 * UTF-16 (a lone surrogate becomes U+FFFD, as MariaDB's utf8mb4 would turn it), no NUL (which
 * drivers and C APIs cut strings at), at most `maxLength` code points (MariaDB counts VARCHAR
 * lengths in characters and, in strict mode, refuses longer values). Applied to every audited text
 * before hashing, so that what is hashed is exactly what is stored.
 */
export function storableText(value: string, maxLength?: number): string;
export function storableText(value: string | null | undefined, maxLength?: number): string | undefined;
export function storableText(value: string | null | undefined, maxLength?: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const clean = String(value).replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
  if (maxLength === undefined) return clean;
  // Cheap exit first: a string of n UTF-16 units has at most n code points.
  if (clean.length <= maxLength) return clean;
  const points = Array.from(clean);
  return points.length <= maxLength ? clean : points.slice(0, maxLength).join('');
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
    // Appended only when present, so that every event written before delegation hashes as it did.
    ...(e.actingService || e.mediatorId ? [v(e.actingService), v(e.mediatorId)] : []),
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

export const CHAIN_BREAK_REASONS = [
  'hash_mismatch',
  'prev_hash_mismatch',
  'sequence_gap',
  'missing_tail',
  'head_mismatch',
  'checkpoint_chain_missing',
  'checkpoint_events_missing',
  'checkpoint_hash_mismatch',
  'checkpoint_bad_signature',
] as const;
export type ChainBreakReason = (typeof CHAIN_BREAK_REASONS)[number];

export interface ChainBreak {
  chainId: string;
  /** Row id of the event that does not verify (or of the last good one, for a missing tail). */
  eventId: string | null;
  seq: number;
  reason: ChainBreakReason;
  message: string;
}

export interface ChainReport {
  chainId: string;
  events: number;
  ok: boolean;
  /** The first of `breaks`, kept for callers that read only one. */
  break?: ChainBreak;
  /** Every broken link, in chain order. */
  breaks: ChainBreak[];
}

/** What an external checkpoint says a chain held at one moment: the event at `seq` had `hash`. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  /** Where the anchor comes from (e.g. "checkpoint line 12, 2026-12-03T10:00:00.000Z"). */
  source: string;
}

/**
 * Verifies one chain given its events in `seq` order, the recorded head and, optionally, anchors
 * from external checkpoints. Reports every broken link, not only the first: after a break the check
 * resynchronises on the event as stored (its own seq and hash) and goes on, so one edit yields one
 * break and an edit further on is still seen. An edited event fails its own hash; a deleted one
 * leaves a gap in `seq`; a removed tail no longer reaches the head recorded in `audit_chain`. The
 * anchors catch what the database alone cannot show: a tail removed together with its head moved
 * back, and a chain rewritten (even with the key) after a checkpoint was taken.
 */
export async function verifyChain(
  chainId: string,
  events: AsyncIterable<ChainedFields & { id: string; hash: string }>,
  head: { lastSeq: number; lastHash: string } | null,
  key?: string,
  anchors: ChainAnchor[] = [],
): Promise<ChainReport> {
  const bySeq = new Map<number, ChainAnchor[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastId: string | null = null;
  let count = 0;
  const breaks: ChainBreak[] = [];
  const add = (b: Omit<ChainBreak, 'chainId'>) => breaks.push({ chainId, ...b });
  for await (const e of events) {
    count++;
    const seq = Number(e.seq);
    const id = String(e.id);
    if (seq !== expectedSeq) {
      add({ eventId: id, seq, reason: 'sequence_gap', message: `event ${id} has seq ${seq} but ${expectedSeq} was expected: event(s) deleted before it` });
    } else if (e.prevHash !== prevHash) {
      add({ eventId: id, seq, reason: 'prev_hash_mismatch', message: `event ${id} does not link to the event before it` });
    }
    if (hashEvent(e, key) !== e.hash) {
      add({ eventId: id, seq, reason: 'hash_mismatch', message: `event ${id} was modified after it was written` });
    }
    for (const a of bySeq.get(seq) ?? []) {
      if (a.hash !== e.hash) {
        add({ eventId: id, seq, reason: 'checkpoint_hash_mismatch', message: `event ${id} (seq ${seq}) differs from what ${a.source} recorded: the chain was rewritten after it` });
      }
    }
    bySeq.delete(seq);
    prevHash = e.hash;
    lastId = id;
    expectedSeq = seq + 1;
  }
  const lastSeq = expectedSeq - 1;
  if (head) {
    if (head.lastSeq > lastSeq) {
      add({ eventId: lastId, seq: expectedSeq, reason: 'missing_tail', message: `chain head records seq ${head.lastSeq} but events stop at ${lastSeq}: later events deleted` });
    } else if (head.lastSeq === lastSeq && head.lastHash !== prevHash) {
      add({ eventId: lastId, seq: lastSeq, reason: 'head_mismatch', message: `chain head hash differs from event ${lastId}` });
    }
  }
  // Anchors left unmatched name events that a checkpoint saw and that are no longer there.
  const missing = [...bySeq.values()].flat().sort((a, b) => a.seq - b.seq);
  if (missing.length) {
    const worst = missing[missing.length - 1];
    add({
      eventId: null,
      seq: worst.seq,
      reason: 'checkpoint_events_missing',
      message: `${worst.source} recorded this chain up to seq ${worst.seq}; seq ${[...new Set(missing.map((a) => a.seq))].join(', ')} no longer exist (events stop at seq ${lastSeq}): events deleted or the chain truncated`,
    });
  }
  return breaks.length ? { chainId, events: count, ok: false, break: breaks[0], breaks } : { chainId, events: count, ok: true, breaks };
}
