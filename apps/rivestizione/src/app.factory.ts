import 'reflect-metadata';
import { type DynamicModule, type INestApplication, type INestApplicationContext, Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MulterModule } from '@nestjs/platform-express';
import type { MikroORM } from '@mikro-orm/core';
import type { Queue } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import { BearerGuard } from './api/auth.guard.js';
import { RivProblemFilter } from './api/problem.js';
import { ComuneSettingsController, RIVESTIZIONE_SERVICE, RivestizioneController } from './api/rivestizione.controller.js';
import { RivestizioneService } from './api/rivestizione.service.js';
import type { RivestizioneConfig } from './config.js';
import { openDatabase } from './database/orm-config.js';
import { GATEWAY_PORT, type GatewayPort } from './gateway/gateway.port.js';
import { BullMqChunkQueue, RIVESTIZIONE_QUEUE } from './processing/bullmq-queue.js';
import { ChunkProcessor, ENGINE } from './processing/chunk.processor.js';
import { GrantCipher } from './processing/grant-cipher.js';
import { InProcessChunkQueue } from './processing/in-process-queue.js';
import { RivestizioneEngine } from './processing/rivestizione.engine.js';
import { LocalThrottle, RedisThrottle } from './processing/throttle.js';

export interface RivestizioneAppOptions {
  /** The gateway; default the SDK adapter on config.gatewayUrl. */
  gateway?: GatewayPort;
  now?: () => Date;
  /** Build the tables from the entities (sandbox and tests). */
  createSchema?: boolean;
  /** Errors of the background work (default: printed to stderr without personal data). */
  onError?: (e: unknown) => void;
}

export interface RivestizioneApp {
  /** The HTTP application (config.api), or a context without controllers (worker only). */
  app: INestApplication | INestApplicationContext;
  http?: INestApplication;
  engine: RivestizioneEngine;
  orm: MikroORM;
  /** Runs the periodic work once now (tests call it instead of waiting for the timer). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

@Module({})
class RivestizioneModule {
  static forRoot(config: RivestizioneConfig, deps: { gateway: GatewayPort; service: RivestizioneService; engine: RivestizioneEngine }): DynamicModule {
    const bull = !!config.redisUrl && config.worker;
    return {
      module: RivestizioneModule,
      imports: [
        MulterModule.register({ limits: { fileSize: config.maxBytes, files: 1 } }),
        ...(bull
          ? [BullModule.forRoot({ connection: { url: config.redisUrl, maxRetriesPerRequest: null } as never, prefix: config.redisPrefix }), BullModule.registerQueue({ name: RIVESTIZIONE_QUEUE })]
          : []),
      ],
      controllers: config.api ? [RivestizioneController, ComuneSettingsController] : [],
      providers: [
        { provide: GATEWAY_PORT, useValue: deps.gateway },
        { provide: RIVESTIZIONE_SERVICE, useValue: deps.service },
        { provide: ENGINE, useValue: deps.engine },
        BearerGuard,
        ...(bull ? [ChunkProcessor] : []),
      ],
    };
  }
}

const defaultOnError = (e: unknown) => {
  // Names and messages of our own errors only: no row data is ever put into an error message.
  process.stderr.write(`rivestizione: background error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
};

export async function createRivestizioneApp(config: RivestizioneConfig, options: RivestizioneAppOptions = {}): Promise<RivestizioneApp> {
  const orm = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath }, options.createSchema ?? !config.databaseUrl);
  let gateway = options.gateway;
  if (!gateway) {
    const { SdkGatewayAdapter } = await import('./gateway/sdk-gateway.adapter.js');
    gateway = new SdkGatewayAdapter({ baseUrl: config.gatewayUrl, clientId: config.gatewayClientId, clientSecret: config.gatewayClientSecret });
  }
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false }) : undefined;
  const throttle = redis ? new RedisThrottle(redis, config.redisPrefix) : new LocalThrottle();
  const cipher = new GrantCipher(config.grantKey);
  const engine = new RivestizioneEngine(orm, config, gateway, cipher, throttle, options.now);
  const service = new RivestizioneService(config, engine, gateway, cipher);
  const onError = options.onError ?? defaultOnError;
  const module = RivestizioneModule.forRoot(config, { gateway, service, engine });

  let http: INestApplication | undefined;
  let app: INestApplication | INestApplicationContext;
  if (config.api) {
    http = await NestFactory.create(module, { bodyParser: false, logger: false });
    http.use(express.json({ limit: config.maxBytes }));
    http.use(express.raw({ type: ['text/csv', 'text/plain'], limit: config.maxBytes }));
    http.use(express.urlencoded({ extended: false, limit: '64kb' }));
    http.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    http.useGlobalFilters(new RivProblemFilter(onError));
    http.getHttpAdapter().getInstance().disable('x-powered-by');
    app = http;
  } else {
    app = await NestFactory.createApplicationContext(module, { logger: false });
  }
  await app.init();

  let queue: InProcessChunkQueue | BullMqChunkQueue | undefined;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  const tick = async () => {
    if (ticking) return ticking;
    ticking = engine.tick().catch(onError).finally(() => (ticking = undefined));
    return ticking;
  };
  if (config.worker) {
    queue = config.redisUrl ? new BullMqChunkQueue(app.get<Queue>(getQueueToken(RIVESTIZIONE_QUEUE))) : new InProcessChunkQueue(engine, 4, onError);
    engine.useQueue(queue);
    timer = setInterval(() => void tick(), config.tickMs);
    timer.unref();
  }
  return {
    app,
    http,
    engine,
    orm,
    tick,
    async close() {
      if (timer) clearInterval(timer);
      await ticking;
      if (queue instanceof InProcessChunkQueue) await queue.close();
      await app.close();
      await redis?.quit().catch(() => redis.disconnect());
      await orm.close(true);
    },
  };
}
