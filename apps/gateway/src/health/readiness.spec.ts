import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/core';
import type { Redis } from 'ioredis';
import { loadConfig } from '../config/config.js';
import { MetricsService } from '../common/metrics.js';
import { ProblemException } from '../common/problem.js';
import { HealthController } from './health.controller.js';

describe('HealthController readiness', () => {
  it('says which dependency is down without its error message (hosts, ports, paths)', async () => {
    const em = { getConnection: () => ({ execute: async () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:3306')) }) } as unknown as EntityManager;
    const redis = { ping: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND redis.internal')) } as unknown as Redis;
    const sut = new HealthController(em, new MetricsService(), loadConfig({ GERES_SANDBOX: 'true', LOG_LEVEL: 'silent' }), redis);
    let thrown: unknown;
    try {
      await sut.getReadiness();
    } catch (e) {
      thrown = e;
    }
    expect((thrown as ProblemException).problemType).toBe('service-unavailable');
    expect((thrown as ProblemException).extensions).toEqual({ checks: { database: 'down', redis: 'down' } });
  });
});
