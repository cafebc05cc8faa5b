import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { Redis } from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/config.js';
import { ormOptions } from './database/orm-config.js';
import { MetricsService } from './common/metrics.js';
import { AccessLogService } from './audit/access-log.service.js';
import { AuditQueryService } from './audit/audit-query.service.js';
import { AuditCheckpointService } from './audit/audit-checkpoint.service.js';
import { AuditVerificationService } from './audit/audit-verification.service.js';
import { LookupRefusalAuditor } from './lookup/lookup-refusal.auditor.js';
import { AuditService } from './audit/audit.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { DelegationService } from './auth/delegation.service.js';
import { BachecaService } from './monitoring/bacheca.service.js';
import { DailyReportService } from './report/daily-report.service.js';
import { MonitoringController } from './monitoring/monitoring.controller.js';
import { StatisticsService } from './monitoring/statistics.service.js';
import { ApplicationScopeGuard, FunctionUseInterceptor, JwtAuthGuard, RolesGuard } from './auth/guards.js';
import { PrincipalService } from './auth/principal.service.js';
import { GovernanceCache } from './auth/governance-cache.js';
import { LoginThrottleService } from './auth/login-throttle.service.js';
import { SessionsService } from './auth/sessions.service.js';
import { SigningKeysService } from './auth/signing-keys.service.js';
import { JwtStrategy } from './auth/strategies.js';
import { GovernanceModule } from './governance/governance.module.js';
import { HealthController, REDIS } from './health/health.controller.js';
import { ComuneOnboardingService } from './onboarding/comune-onboarding.service.js';
import { AnprConnectorService } from './anpr/anpr-connector.service.js';
import { COUNTER_STORE, MemoryCounterStore, RedisCounterStore } from './lookup/counter-store.js';
import { IdempotencyService } from './lookup/idempotency.service.js';
import { LookupController } from './lookup/lookup.controller.js';
import { LookupService } from './lookup/lookup.service.js';
import { RateLimitInterceptor } from './lookup/rate-limit.interceptor.js';

@Module({})
class GatewayConfigModule {}

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    const redisProviders = config.redisUrl
      ? [
          {
            provide: REDIS,
            useFactory: () => new Redis(config.redisUrl!, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false }),
          },
        ]
      : [];
    // The configuration is global: every feature module (governance's included) may inject it.
    const configModule: DynamicModule = { module: GatewayConfigModule, global: true, providers: [{ provide: GATEWAY_CONFIG, useValue: config }], exports: [GATEWAY_CONFIG] };
    return {
      module: AppModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: false } as any), PassportModule, configModule, GovernanceModule],
      controllers: [AuthController, AuditController, LookupController, HealthController, MonitoringController],
      providers: [
        ...redisProviders,
        MetricsService,
        SigningKeysService,
        AuthService,
        DelegationService,
        LoginThrottleService,
        SessionsService,
        GovernanceCache,
        PrincipalService,
        JwtStrategy,
        AuditService,
        AccessLogService,
        AuditQueryService,
        BachecaService,
        DailyReportService,
        StatisticsService,
        AuditVerificationService,
        AuditCheckpointService,
        LookupRefusalAuditor,
        ComuneOnboardingService,
        AnprConnectorService,
        LookupService,
        IdempotencyService,
        RateLimitInterceptor,
        config.redisUrl
          ? { provide: COUNTER_STORE, useFactory: (redis: Redis) => new RedisCounterStore(redis), inject: [REDIS] }
          : { provide: COUNTER_STORE, useValue: new MemoryCounterStore() },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: ApplicationScopeGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_INTERCEPTOR, useClass: FunctionUseInterceptor },
      ],
    };
  }
}
