import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Public } from '../auth/principal.js';
import { problem } from '../common/problem.js';
import { MetricsService } from '../common/metrics.js';

export const REDIS = Symbol('REDIS');

@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: MetricsService,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {}

  @Get('health/live')
  getLiveness() {
    return { status: 'ok' };
  }

  /** Ready when the database answers and, if configured, Redis does too. */
  @Get('health/ready')
  async getReadiness() {
    const checks: Record<string, string> = {};
    try {
      await this.em.getConnection().execute('select 1');
      checks.database = 'ok';
    } catch (e) {
      checks.database = `down: ${(e as Error).message}`;
    }
    if (this.redis) {
      try {
        await this.redis.ping();
        checks.redis = 'ok';
      } catch (e) {
        checks.redis = `down: ${(e as Error).message}`;
      }
    } else checks.redis = 'not configured';
    if (Object.values(checks).some((v) => v.startsWith('down'))) throw problem('service-unavailable', 'Not ready', { checks });
    return { status: 'ok', checks };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  getMetrics() {
    return this.metrics.registry.metrics();
  }
}
