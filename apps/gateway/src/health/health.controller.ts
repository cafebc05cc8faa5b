import { timingSafeEqual, createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Header, Inject, Optional, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import type { Redis } from 'ioredis';
import { Public } from '../auth/principal.js';
import { ApiProblems } from '../common/api-docs.js';
import { problem } from '../common/problem.js';
import { MetricsService } from '../common/metrics.js';
import { logger } from '../common/logger.js';
import { Liveness, Readiness } from './health.models.js';

export const REDIS = Symbol('REDIS');

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may read /metrics: with METRICS_TOKEN, whoever sends it as a bearer token; without it, anyone
 * in the sandbox and nobody elsewhere (the endpoint answers 404, as if it did not exist). Metrics
 * name routes and outcomes, enough to watch who is being refused: not for the open internet.
 */
export function checkMetricsAccess(config: Pick<GatewayConfig, 'sandbox' | 'metricsToken'>, authorization: string | undefined): void {
  if (!config.metricsToken) {
    if (config.sandbox) return;
    throw problem('not-found', 'Metrics are off: set METRICS_TOKEN to publish them');
  }
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw problem('unauthenticated', 'Send the metrics token as a bearer token');
  // Compared as digests: equal lengths, and no timing clue about the token.
  if (!timingSafeEqual(digest(match[1]), digest(config.metricsToken))) throw problem('invalid-token', 'Wrong metrics token');
}

@ApiTags('Health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: MetricsService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
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
      // The cause goes to the log: hosts, ports and file paths are not for an unauthenticated caller.
      logger.error({ err: e }, 'readiness: database down');
      checks.database = 'down';
    }
    if (this.redis) {
      try {
        await this.redis.ping();
        checks.redis = 'ok';
      } catch (e) {
        logger.error({ err: e }, 'readiness: Redis down');
        checks.redis = 'down';
      }
    } else checks.redis = 'not configured';
    if (Object.values(checks).some((v) => v === 'down')) throw problem('service-unavailable', 'Not ready', { checks });
    return { status: 'ok', checks };
  }

  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Metrics in the Prometheus text exposition format (requests by route and outcome, latency histograms, process metrics). ' +
      'Send the METRICS_TOKEN of the installation as a bearer token (not a user\'s access token); without METRICS_TOKEN ' +
      'the endpoint is open in the sandbox and off (404) elsewhere.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: '# HELP geres_http_requests_total HTTP requests by method, route and outcome\n' }, description: 'The metrics.' })
  @ApiProblems('unauthenticated', 'invalid-token', 'not-found')
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  getMetrics(@Req() req: Request) {
    checkMetricsAccess(this.config, req.header('authorization'));
    return this.metrics.registry.metrics();
  }
}
