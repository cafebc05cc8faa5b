import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { LocalThrottle, RedisThrottle, type Throttle } from './throttle.js';

const redisUrl = process.env.TEST_REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl) : undefined;
const prefix = `geres-riv-test-${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  if (!redis) return;
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

const kinds: Array<{ name: string; make: () => Throttle; skipReason?: string }> = [
  { name: 'in memory', make: () => new LocalThrottle() },
  { name: 'Redis', make: () => new RedisThrottle(redis!, prefix, 5_000), skipReason: redis ? undefined : 'TEST_REDIS_URL is not set' },
];

describe.each(kinds)('throttle ($name)', ({ make }) => {
  it('never lets more than `concurrency` run at once for a Comune, nor start more than `rate` in a second', async () => {
    const sut = make();
    let inFlight = 0;
    let max = 0;
    const starts = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        const release = await sut.acquire('072006', { concurrency: 3, ratePerSecond: 10 });
        inFlight++;
        max = Math.max(max, inFlight);
        const s = Math.floor(Date.now() / 1000);
        starts.set(s, (starts.get(s) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 15));
        inFlight--;
        await release();
      }),
    );
    expect(max).toBeLessThanOrEqual(3);
    expect(Math.max(...starts.values())).toBeLessThanOrEqual(10);
    expect([...starts.values()].reduce((a, b) => a + b, 0)).toBe(24);
  });

  it('keeps Comuni apart', async () => {
    const sut = make();
    const a = await sut.acquire('072006', { concurrency: 1, ratePerSecond: 100 });
    const b = await Promise.race([sut.acquire('075035', { concurrency: 1, ratePerSecond: 100 }), new Promise<null>((r) => setTimeout(() => r(null), 2000))]);
    expect(b).not.toBeNull();
    await a();
    await b!();
  });
});
