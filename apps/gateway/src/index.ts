/**
 * The gateway in-process: the one module of apps/gateway that code outside it may import (the
 * sandbox launcher, the benchmarks, and the tests of test-env, the SDK and the other apps; ESLint
 * enforces it). Tests may also use apps/gateway/test/harness.ts. Everything else in apps/gateway
 * is free to change.
 */
import type { INestApplication } from '@nestjs/common';
import { AccessLogService } from './audit/access-log.service.js';
import { AuditService } from './audit/audit.service.js';

export { createGatewayApp, closeGatewayApp, type CreateAppOptions } from './app.factory.js';
export { loadConfig, ConfigError, type GatewayConfig } from './config/config.js';
export { ormOptions } from './database/orm-config.js';
export { flushLogs } from './common/logger.js';
export { verifySecret } from './auth/password.js';
export { ComuneOnboardingService } from './onboarding/comune-onboarding.service.js';
export { DEMO_COMUNE, SECOND_COMUNE, seedSandbox, seedSecondComune, type SandboxCredentials, type SandboxUser } from './sandbox/seed.js';
export { wireComuneToSimulator, type SandboxAnprWiring } from './sandbox/anpr-wiring.js';

/** Waits until every audit event and access-log entry recorded so far is stored. */
export async function drainGatewayWrites(app: INestApplication): Promise<void> {
  await app.get(AuditService).drain();
  await app.get(AccessLogService).drain();
}
