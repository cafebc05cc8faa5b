import { CallHandler, ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap } from 'rxjs';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import type { Principal } from '../auth/principal.js';
import { COUNTER_STORE, type CounterStore } from './counter-store.js';

const WINDOW = 60;

/**
 * Per-user and per-application limits on the lookup endpoints, in fixed one-minute windows counted
 * in the shared store (Redis), announced with the IETF RateLimit-Policy / RateLimit fields.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler) {
    return from(this.check(ctx.switchToHttp().getRequest(), ctx.switchToHttp().getResponse())).pipe(mergeMap(() => next.handle()));
  }

  private async check(req: Request, res: Response) {
    const p = req.user as Principal;
    const nowS = Math.floor(Date.now() / 1000);
    const window = Math.floor(nowS / WINDOW);
    const reset = (window + 1) * WINDOW - nowS;
    const policies = [{ name: 'user', key: `geres:rl:u:${p.user.id}:${window}`, quota: this.config.rateLimitUserPerMinute }];
    if (p.application) policies.push({ name: 'application', key: `geres:rl:a:${p.application.id}:${window}`, quota: this.config.rateLimitAppPerMinute });
    const counts = await Promise.all(policies.map((x) => this.counters.incr(x.key, WINDOW * 2)));
    const remaining = policies.map((x, i) => ({ ...x, remaining: x.quota - counts[i] }));
    const tightest = remaining.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    res.setHeader('RateLimit-Policy', policies.map((x) => `"${x.name}";q=${x.quota};w=${WINDOW}`).join(', '));
    res.setHeader('RateLimit', `"${tightest.name}";r=${Math.max(0, tightest.remaining)};t=${reset}`);
    if (tightest.remaining < 0) {
      throw problem('rate-limited', `More than ${tightest.quota} requests per minute for this ${tightest.name}`, { retryAfterSeconds: reset, policy: tightest.name });
    }
  }
}
