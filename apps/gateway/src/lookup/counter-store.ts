import type { Redis } from 'ioredis';

/**
 * Counters with an expiry, shared by every gateway instance when Redis is configured (quotas and
 * rate limits must hold across instances), in process memory otherwise (the single-instance sandbox).
 */
export interface CounterStore {
  /** Adds `by` and returns the new value; the counter expires `ttlSeconds` after it was created. */
  incr(key: string, ttlSeconds: number, by?: number): Promise<number>;
  get(key: string): Promise<number>;
}

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis) {}

  async incr(key: string, ttlSeconds: number, by = 1): Promise<number> {
    // One round trip: increment, and set the expiry only when the key is new.
    const [[, value]] = (await this.redis.multi().incrby(key, by).expire(key, ttlSeconds, 'NX').exec()) as [[unknown, number]];
    return Number(value);
  }

  async get(key: string): Promise<number> {
    return Number((await this.redis.get(key)) ?? 0);
  }
}

export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { value: number; expiresAt: number }>();

  async incr(key: string, ttlSeconds: number, by = 1): Promise<number> {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.expiresAt <= now) {
      c = { value: 0, expiresAt: now + ttlSeconds * 1000 };
      this.counters.set(key, c);
      if (this.counters.size > 100_000) this.sweep(now);
    }
    c.value += by;
    return c.value;
  }

  async get(key: string): Promise<number> {
    const c = this.counters.get(key);
    return c && c.expiresAt > Date.now() ? c.value : 0;
  }

  private sweep(now: number) {
    for (const [k, c] of this.counters) if (c.expiresAt <= now) this.counters.delete(k);
  }
}

export const COUNTER_STORE = Symbol('COUNTER_STORE');
