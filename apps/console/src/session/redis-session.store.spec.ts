import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisSessionStore } from './redis-session.store.js';
import { storeKey, type ConsoleSession } from './session.store.js';

const url = process.env.TEST_REDIS_URL;

/** The Redis session store against a real Redis (TEST_REDIS_URL), skipped without one. */
(url ? describe : describe.skip)('RedisSessionStore (TEST_REDIS_URL)', () => {
  let sut: RedisSessionStore;
  let raw: Redis;

  beforeAll(() => {
    sut = new RedisSessionStore(url!);
    raw = new Redis(url!);
  });

  afterAll(async () => {
    await sut.close();
    await raw.quit();
  });

  const session = (id: string): ConsoleSession => ({ id, csrf: 'c'.repeat(43), createdAt: 1, lastSeen: 2, auth: { userId: 'u', role: 'TOP', accessToken: 'a', accessExpiresAt: 3, refreshToken: 'r', refreshExpiresAt: 4, passwordChangeRequired: false } });

  it('stores a session under a hash of its id, with the idle timeout as expiry', async () => {
    const id = `spec-${Date.now()}-${Math.random()}`;
    await sut.set(session(id), 120);
    expect(await sut.get(id)).toEqual(session(id));
    expect(await raw.exists(`geres:console:session:${id}`)).toBe(0);
    const ttl = await raw.ttl(`geres:console:session:${storeKey(id)}`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await sut.delete(id);
    expect(await sut.get(id)).toBeUndefined();
  });
});
