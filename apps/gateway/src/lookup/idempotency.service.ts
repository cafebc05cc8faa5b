import { createHash } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { canonicalJson, IdempotencyRecord } from '#libs/domain';
import { problem } from '../common/problem.js';

const TTL_MS = 24 * 3600_000;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export type IdempotencyStart = { replay: { status: number; body: unknown } } | { recordId: string };

/**
 * Idempotency-Key on POST: the first request with a key is processed and its answer stored for 24
 * hours; a repeat with the same body gets that answer again without calling ANPR; a repeat with a
 * different body is refused (422); a repeat while the first is still running gets 409. Failures
 * that may be transient (ANPR down, quota) are not stored, so the same key can be retried.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly em: EntityManager) {}

  async begin(caller: string, key: string, method: string, path: string, body: unknown): Promise<IdempotencyStart> {
    if (!KEY.test(key)) throw problem('bad-request', 'Idempotency-Key must be 8-128 characters: letters, digits, . _ : -');
    const id = `${caller}:${key}`;
    const requestHash = createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
    const em = this.em.fork();
    const now = new Date();
    try {
      await em.insert(IdempotencyRecord, { id, requestHash, state: 'in_progress', createdAt: now, expiresAt: new Date(now.getTime() + TTL_MS) });
      return { recordId: id };
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
    }
    const existing = await em.findOneOrFail(IdempotencyRecord, { id });
    if (existing.expiresAt <= now) {
      await em.nativeDelete(IdempotencyRecord, { id });
      return this.begin(caller, key, method, path, body);
    }
    if (existing.requestHash !== requestHash) {
      throw problem('idempotency-key-reused', `Idempotency-Key ${key} was first used with a different request on ${existing.createdAt.toISOString()}`);
    }
    if (existing.state !== 'done') throw problem('idempotency-in-progress', 'Retry after the first request has finished');
    return { replay: { status: existing.responseStatus ?? 200, body: existing.responseBody } };
  }

  async complete(recordId: string, status: number, body: unknown): Promise<void> {
    await this.em.fork().nativeUpdate(IdempotencyRecord, { id: recordId }, { state: 'done', responseStatus: status, responseBody: body as any });
  }

  async abandon(recordId: string): Promise<void> {
    await this.em.fork().nativeDelete(IdempotencyRecord, { id: recordId });
  }
}
