import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { COUNTER_STORE, type CounterStore } from '../lookup/counter-store.js';

/** What is being guessed: a person's password at login, a client secret, or the current password on a change. */
export type ThrottleScope = 'login' | 'client' | 'password';

export interface FailureOutcome {
  /** Failures of this subject from this address in the current window. */
  failures: number;
  /** Seconds the next attempt has to wait (0: none). */
  delaySeconds: number;
}

/**
 * Growing delays after failed credentials, instead of a lockout. Failures are counted per subject
 * (username, client id or user id) *and* client address: after `free` failures from one address,
 * that address waits 1 s, 2 s, 4 s… (capped) before its next attempt for that subject, while the
 * same subject from another address is untouched. A per-subject count over all addresses, with a
 * much higher threshold, slows a distributed guesser without handing a lone one the power to lock
 * a person out. Counted in Redis when configured (every instance sees the same counts), in memory
 * otherwise; subjects are hashed so that no username sits in Redis keys.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The delay imposed after the n-th failure past the free ones (n = 0 → 1 s). */
  delayAfter(n: number): number {
    return Math.min(2 ** Math.min(n, 30), this.config.loginThrottleMaxDelaySeconds);
  }

  /** Refuses with 429 rate-limited (and Retry-After) while this subject must wait at this address. */
  async check(scope: ThrottleScope, subject: string, address: string | undefined): Promise<void> {
    const k = this.keys(scope, subject, address);
    const [pairBlocked, accountBlocked] = await Promise.all([this.counters.get(k.pairBlock), this.counters.get(k.accountBlock)]);
    if (pairBlocked <= 0 && accountBlocked <= 0) return;
    const [pair, account] = await Promise.all([this.counters.get(k.pairFailures), this.counters.get(k.accountFailures)]);
    // The delay set by the last failure: an upper bound of what is left of it.
    const retryAfterSeconds = Math.max(
      pairBlocked > 0 ? this.delayAfter(Math.max(0, pair - this.config.loginThrottleFreeFailures)) : 0,
      accountBlocked > 0 ? this.delayAfter(Math.max(0, account - this.config.loginThrottleAccountFreeFailures)) : 0,
      1,
    );
    throw problem('rate-limited', `Too many failed attempts; wait ${retryAfterSeconds} s before trying again`, { retryAfterSeconds });
  }

  async fail(scope: ThrottleScope, subject: string, address: string | undefined): Promise<FailureOutcome> {
    const k = this.keys(scope, subject, address);
    const window = this.config.loginThrottleWindowSeconds;
    const [pair, account] = await Promise.all([this.counters.incr(k.pairFailures, window), this.counters.incr(k.accountFailures, window)]);
    const pairDelay = pair >= this.config.loginThrottleFreeFailures ? this.delayAfter(pair - this.config.loginThrottleFreeFailures) : 0;
    const accountDelay =
      account >= this.config.loginThrottleAccountFreeFailures ? this.delayAfter(account - this.config.loginThrottleAccountFreeFailures) : 0;
    // Nobody attempts while blocked (check refuses first), so the block key is always a new one here.
    if (pairDelay) await this.counters.incr(k.pairBlock, pairDelay);
    if (accountDelay) await this.counters.incr(k.accountBlock, accountDelay);
    return { failures: pair, delaySeconds: Math.max(pairDelay, accountDelay) };
  }

  /** A success from this address forgets its failures (not those from other addresses). */
  async succeed(scope: ThrottleScope, subject: string, address: string | undefined): Promise<void> {
    const k = this.keys(scope, subject, address);
    const pair = await this.counters.get(k.pairFailures);
    if (pair > 0) await this.counters.incr(k.pairFailures, this.config.loginThrottleWindowSeconds, -pair);
  }

  private keys(scope: ThrottleScope, subject: string, address: string | undefined) {
    const s = createHash('sha256').update(`${scope}\u0000${subject.toLowerCase()}`).digest('base64url').slice(0, 22);
    const a = address || 'unknown';
    return {
      pairFailures: `throttle:${scope}:${s}:${a}:failures`,
      pairBlock: `throttle:${scope}:${s}:${a}:blocked`,
      accountFailures: `throttle:${scope}:${s}:failures`,
      accountBlock: `throttle:${scope}:${s}:blocked`,
    };
  }
}
