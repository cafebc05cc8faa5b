import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/config.js';
import type { CounterStore } from '../lookup/counter-store.js';
import { ProblemException } from '../common/problem.js';
import { LoginThrottleService } from './login-throttle.service.js';

/** A counter store on a clock the test moves. */
class ManualCounterStore implements CounterStore {
  now = 0;
  private readonly counters = new Map<string, { value: number; expiresAt: number }>();
  async incr(key: string, ttlSeconds: number, by = 1) {
    let c = this.counters.get(key);
    if (!c || c.expiresAt <= this.now) {
      c = { value: 0, expiresAt: this.now + ttlSeconds * 1000 };
      this.counters.set(key, c);
    }
    c.value += by;
    return c.value;
  }
  async get(key: string) {
    const c = this.counters.get(key);
    return c && c.expiresAt > this.now ? c.value : 0;
  }
}

const config = loadConfig({
  GERES_SANDBOX: 'true',
  LOGIN_THROTTLE_FREE_FAILURES: '3',
  LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES: '10',
  LOGIN_THROTTLE_MAX_DELAY_SECONDS: '8',
  LOGIN_THROTTLE_WINDOW_SECONDS: '900',
});

async function refusal(p: Promise<void>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    const pe = e as ProblemException;
    expect(pe.problemType).toBe('rate-limited');
    return pe.extensions.retryAfterSeconds as number;
  }
}

describe('LoginThrottleService', () => {
  it('lets the free failures through, then doubles the wait after each further failure, up to the cap', async () => {
    const store = new ManualCounterStore();
    const sut = new LoginThrottleService(store, config);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      expect(await refusal(sut.check('login', 'top.bari', '198.51.100.7'))).toBeUndefined();
      delays.push((await sut.fail('login', 'top.bari', '198.51.100.7')).delaySeconds);
      // Refused until the delay has passed, with that delay as Retry-After.
      if (delays[i] > 0) {
        expect(await refusal(sut.check('login', 'top.bari', '198.51.100.7'))).toBe(delays[i]);
        store.now += delays[i] * 1000 - 1;
        expect(await refusal(sut.check('login', 'top.bari', '198.51.100.7'))).toBe(delays[i]);
        store.now += 1;
      }
    }
    expect(delays).toEqual([0, 0, 1, 2, 4, 8, 8, 8]);
  });

  it('never slows the same person down from another address, nor another person from the same one', async () => {
    const store = new ManualCounterStore();
    const sut = new LoginThrottleService(store, config);
    for (let i = 0; i < 5; i++) await sut.fail('login', 'top.bari', '203.0.113.66');
    expect(await refusal(sut.check('login', 'top.bari', '203.0.113.66'))).toBe(4);
    expect(await refusal(sut.check('login', 'top.bari', '192.0.2.10'))).toBeUndefined();
    expect(await refusal(sut.check('login', 'admin.pl', '203.0.113.66'))).toBeUndefined();
    expect(await refusal(sut.check('client', 'top.bari', '203.0.113.66'))).toBeUndefined();
  });

  it('slows a guesser spread over many addresses once the per-account threshold is passed', async () => {
    const store = new ManualCounterStore();
    const sut = new LoginThrottleService(store, config);
    // Two failures per address: never enough to slow any one address down.
    for (let i = 0; i < 9; i++) expect((await sut.fail('login', 'top.bari', `10.0.0.${Math.floor(i / 2)}`)).delaySeconds).toBe(0);
    expect(await refusal(sut.check('login', 'top.bari', '10.9.9.9'))).toBeUndefined();
    // The tenth failure over all addresses (the per-account threshold of this configuration).
    expect((await sut.fail('login', 'top.bari', '10.0.0.99')).delaySeconds).toBe(1);
    expect(await refusal(sut.check('login', 'top.bari', '10.9.9.9'))).toBe(1);
    store.now += 1000;
    expect(await refusal(sut.check('login', 'top.bari', '10.9.9.9'))).toBeUndefined();
    expect((await sut.fail('login', 'top.bari', '10.0.0.98')).delaySeconds).toBe(2);
  });

  it('forgets an address\'s failures on a success from it, and all of them after the window', async () => {
    const store = new ManualCounterStore();
    const sut = new LoginThrottleService(store, config);
    await sut.fail('password', 'u-1', '192.0.2.1');
    await sut.fail('password', 'u-1', '192.0.2.1');
    await sut.succeed('password', 'u-1', '192.0.2.1');
    expect((await sut.fail('password', 'u-1', '192.0.2.1')).failures).toBe(1);
    store.now += 900_000;
    expect((await sut.fail('password', 'u-1', '192.0.2.1')).failures).toBe(1);
  });
});
