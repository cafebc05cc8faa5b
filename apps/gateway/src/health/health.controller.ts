import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Redis } from 'ioredis';
import { Public } from '../auth/principal.js';
import { ApiProblems } from '../common/api-docs.js';
import { problem } from '../common/problem.js';
import { MetricsService } from '../common/metrics.js';
import { Liveness, Readiness } from './health.models.js';

export const REDIS = Symbol('REDIS');

@ApiTags('Health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: MetricsService,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {}

  @ApiOperation({ summary: 'Liveness probe', description: 'Answers as long as the process runs; for orchestrators\' liveness checks.' })
  @ApiOkResponse({ type: Liveness, description: 'Alive.' })
  @Get('health/live')
  getLiveness() {
    return { status: 'ok' };
  }

  /** Ready when the database answers and, if configured, Redis does too. */
  @ApiOperation({ summary: 'Readiness probe', description: 'Ready when the database answers and, if configured, Redis does too; otherwise 503 with the state of each.' })
  @ApiOkResponse({ type: Readiness, description: 'Ready.' })
  @ApiProblems('service-unavailable')
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

  @ApiOperation({ summary: 'Prometheus metrics', description: 'Metrics in the Prometheus text exposition format (requests by route and outcome, latency histograms, process metrics).' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: '# HELP geres_http_requests_total HTTP requests by method, route and outcome\n' }, description: 'The metrics.' })
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  getMetrics() {
    return this.metrics.registry.metrics();
  }
}
