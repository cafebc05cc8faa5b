import { MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pinoHttp } from 'pino-http';
import type { Redis } from 'ioredis';
import type { AnprPort } from '#libs/anpr';
import type { Clock } from '#libs/clock';
import { AppModule } from './app.module.js';
import type { GatewayConfig } from './config/config.js';
import { logger, PinoNestLogger, redactUrl } from './common/logger.js';
import { MetricsService } from './common/metrics.js';
import { ProblemFilter } from './common/problem.filter.js';
import { edgeValidation } from './common/edge-validation.js';
import { RouteTable } from './common/route-table.js';
import { GatewayValidationPipe } from './common/validation-pipe.js';
import { requestIdMiddleware, requestIdOf } from './common/request-context.js';
import { REDIS } from './health/health.controller.js';
import { LookupRefusalAuditor } from './lookup/lookup-refusal.auditor.js';

/** Builds the gateway application (not yet listening): used by main.ts and by the tests. */
export interface CreateAppOptions {
  /** Create the schema from the entities (sandbox on SQLite, and test databases). */
  createSchema?: boolean;
  /** The gateway's time (default: the machine's); tests pass a FakeClock. */
  clock?: Clock;
  /** Replaces the gateway's way to ANPR (tests, or another channel). */
  anprPort?: AnprPort;
}

export async function createGatewayApp(config: GatewayConfig, opts: CreateAppOptions = {}): Promise<INestApplication> {
  logger.level = config.logLevel;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, { clock: opts.clock, anprPort: opts.anprPort }), {
    logger: new PinoNestLogger(),
    abortOnError: false,
    // The edge middleware parses bodies itself, by the media types each route declares.
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => requestIdOf(req) ?? '',
      customProps: (req) => ({ requestId: requestIdOf(req) }),
      // Query strings can carry search criteria, paths a codice fiscale: see redactUrl.
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(String(req.url)) }) },
      autoLogging: { ignore: (req) => req.url === '/health/live' || req.url === '/metrics' },
    }),
  );
  app.use(app.get(MetricsService).middleware);
  // Before authentication, so that nothing (not even a refusal's audit event) sees unstorable text.
  app.use(edgeValidation(() => RouteTable.fromApp(app)));
  app.useGlobalPipes(new GatewayValidationPipe());
  // Refusals of the lookup endpoints are audited where every error passes (edge refusals included).
  app.useGlobalFilters(new ProblemFilter([app.get(LookupRefusalAuditor)]));
  app.enableShutdownHooks();
  if (!config.databaseUrl && config.sqlitePath !== ':memory:') {
    // The sandbox database is one local file: write-ahead logging without a disk sync per commit
    // (a crash may lose the last transactions, never corrupt the file) keeps writes from freezing
    // the event loop for milliseconds each.
    const conn = app.get(MikroORM).em.getConnection();
    await conn.execute('pragma journal_mode = wal');
    await conn.execute('pragma synchronous = normal');
  }
  if (opts.createSchema ?? (config.sandbox && !config.databaseUrl)) {
    // The embedded sandbox database is created from the entities; MariaDB uses migrations only.
    await app.get(MikroORM).schema.update();
  }
  return app;
}

export async function closeGatewayApp(app: INestApplication) {
  await app.close();
  try {
    const redis = app.get<Redis>(REDIS, { strict: false });
    redis?.disconnect();
  } catch {
    // no Redis configured
  }
}
