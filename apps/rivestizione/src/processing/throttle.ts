import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface Limits {
  concurrency: number;
  ratePerSecond: number;
}

/** Per-Comune concurrency and rate, shared by every worker that uses the same store. */
export interface Throttle {
  /** Waits for a slot; the returned function gives it back. */
  acquire(comune: string, limits: Limits): Promise<() => Promise<void>>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One process (the sandbox without Redis): the same rules, in memory. */
export class LocalThrottle implements Throttle {
  private readonly inFlight = new Map<string, number>();
  private readonly started = new Map<string, { second: number; count: number }>();

  async acquire(comune: string, limits: Limits): Promise<() => Promise<void>> {
    for (;;) {
      const wait = this.tryTake(comune, limits);
      if (wait === 0) break;
      await sleep(wait);
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.inFlight.set(comune, (this.inFlight.get(comune) ?? 1) - 1);
    };
  }

  private tryTake(comune: string, limits: Limits): number {
    if ((this.inFlight.get(comune) ?? 0) >= limits.concurrency) return 10;
    const now = Date.now();
    const second = Math.floor(now / 1000);
    const s = this.started.get(comune);
    const count = s && s.second === second ? s.count : 0;
    if (count >= limits.ratePerSecond) return 1000 - (now % 1000);
    this.started.set(comune, { second, count: count + 1 });
    this.inFlight.set(comune, (this.inFlight.get(comune) ?? 0) + 1);
    return 0;
  }
}

/**
 * Atomic in Redis, on Redis's own clock: drop expired leases; refuse (-1) when `concurrency` leases
 * are held; count starts in the current second and refuse (ms to the next second) past the rate;
 * otherwise take a lease that expires by itself if its worker dies.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return -1 end
local rk = KEYS[2] .. ':' .. t[1]
local n = redis.call('INCR', rk)
if n == 1 then redis.call('EXPIRE', rk, 5) end
if n > tonumber(ARGV[2]) then return 1000 - math.floor(tonumber(t[2]) / 1000) end
redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[3]), ARGV[4])
return 0
`;

/** Across processes: the leases and per-second counters live in Redis (keys name the Comune only). */
export class RedisThrottle implements Throttle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly leaseMs = 60_000,
  ) {}

  async acquire(comune: string, limits: Limits): Promise<() => Promise<void>> {
    const leases = `${this.prefix}:limit:${comune}:leases`;
    const rate = `${this.prefix}:limit:${comune}:rate`;
    const token = randomUUID();
    for (;;) {
      const r = Number(await this.redis.eval(ACQUIRE, 2, leases, rate, limits.concurrency, limits.ratePerSecond, this.leaseMs, token));
      if (r === 0) break;
      await sleep(r < 0 ? 10 + Math.floor(Math.random() * 10) : r + Math.floor(Math.random() * 5));
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.redis.zrem(leases, token);
    };
  }
}
