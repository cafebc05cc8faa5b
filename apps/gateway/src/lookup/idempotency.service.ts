import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson, IdempotencyRecord } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';

const TTL_MS = 24 * 3600_000;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
/** Expired records are swept at most this often, by whichever request comes first. */
const SWEEP_EVERY_MS = 60_000;

export type IdempotencyStart = { replay: { status: number; body: unknown } } | { recordId: string };

/** How a stored answer sits in `responseBody`: AES-256-GCM, bound to its record id. */
interface SealedAnswer {
  alg: 'A256GCM';
  iv: string;
  tag: string;
  data: string;
}

/**
 * Idempotency-Key on POST: the first request with a key is processed and its answer stored for 24
 * hours; a repeat with the same body gets that answer again without calling ANPR; a repeat with a
 * different body is refused (422); a repeat while the first is still running gets 409. Failures
 * that may be transient (ANPR down, quota) are not stored, so the same key can be retried.
 *
 * Stored answers hold personal data: they are encrypted (AES-256-GCM, key derived from
 * AUDIT_CHAIN_KEY, the record id as associated data so an answer cannot be moved to another
 * caller's key) and deleted once expired. A key left `in_progress` by a crash expires after twice
 * the ANPR timeout plus 5 s (a PDND call may fetch a voucher and then call, each with that
 * timeout), not after 24 hours.
 */
@Injectable()
export class IdempotencyService {
  private readonly key: Buffer;
  private readonly inProgressMs: number;
  private lastSweep = 0;

  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    // Sandbox without a chain key: a key per process; answers stored before a restart then no
    // longer open and are treated as expired.
    const secret = config.auditChainKey ?? randomBytes(32).toString('hex');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'geres-idempotency', 'stored-answers-v1', 32));
    this.inProgressMs = 2 * config.anprTimeoutMs + 5000;
  }

  async begin(caller: string, key: string, method: string, path: string, body: unknown): Promise<IdempotencyStart> {
    if (!KEY.test(key)) throw problem('bad-request', 'Idempotency-Key must be 8-128 characters: letters, digits, . _ : -');
    const id = `${caller}:${key}`;
    const requestHash = createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
    const em = this.em.fork();
    const now = new Date();
    await this.sweep(em, now);
    try {
      await em.insert(IdempotencyRecord, { id, requestHash, state: 'in_progress', createdAt: now, expiresAt: new Date(now.getTime() + this.inProgressMs) });
      return { recordId: id };
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
    }
    const existing = await em.findOneOrFail(IdempotencyRecord, { id });
    const answer = existing.state === 'done' ? this.open(id, existing.responseBody) : undefined;
    if (existing.expiresAt <= now || (existing.state === 'done' && answer === undefined)) {
      await em.nativeDelete(IdempotencyRecord, { id, expiresAt: existing.expiresAt });
      return this.begin(caller, key, method, path, body);
    }
    if (existing.requestHash !== requestHash) {
      throw problem('idempotency-key-reused', `Idempotency-Key ${key} was first used with a different request on ${existing.createdAt.toISOString()}`);
    }
    if (existing.state !== 'done') throw problem('idempotency-in-progress', 'Retry after the first request has finished');
    return { replay: { status: existing.responseStatus ?? 200, body: answer } };
  }

  async complete(recordId: string, status: number, body: unknown): Promise<void> {
    const expiresAt = new Date(Date.now() + TTL_MS);
    await this.em.fork().nativeUpdate(IdempotencyRecord, { id: recordId }, { state: 'done', responseStatus: status, responseBody: this.seal(recordId, body), expiresAt });
  }

  async abandon(recordId: string): Promise<void> {
    await this.em.fork().nativeDelete(IdempotencyRecord, { id: recordId });
  }

  private seal(recordId: string, body: unknown): SealedAnswer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(recordId, 'utf8'));
    const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
    return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  /** The stored answer, or undefined when it does not open (another key, or altered). */
  private open(recordId: string, stored: unknown): unknown {
    const s = stored as SealedAnswer | null | undefined;
    if (!s || s.alg !== 'A256GCM') return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(s.iv, 'base64'));
      decipher.setAAD(Buffer.from(recordId, 'utf8'));
      decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
      return JSON.parse(Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]).toString('utf8'));
    } catch {
      return undefined;
    }
  }

  private async sweep(em: EntityManager, now: Date) {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    await em.nativeDelete(IdempotencyRecord, { expiresAt: { $lte: now } });
  }
}
