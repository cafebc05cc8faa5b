import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { ormOptions } from '../database/orm-config.js';
import { ComuneOnboardingService } from './comune-onboarding.service.js';

/**
 * What the provider's commands need of the gateway: the database and the audit trail, without the
 * HTTP side (no controllers, guards, signing keys or Redis).
 */
@Module({})
export class OnboardingModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: OnboardingModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: false })],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, AuditService, ComuneOnboardingService],
      exports: [ComuneOnboardingService],
    };
  }
}
