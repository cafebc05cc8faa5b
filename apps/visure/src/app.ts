import 'reflect-metadata';
import { Module, ValidationPipe, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MikroORM } from '@mikro-orm/core';
import type { SealKeystore } from './document/index.js';
import { StaticDirectory, type ComuneDirectoryEntry, type DirectoryPort, type GatewayPort } from './gateway/gateway.port.js';
import { SdkGateway } from './gateway/sdk-gateway.js';
import { VisureProblemFilter } from './http/problem.filter.js';
import { visureProblem } from './http/problem.js';
import { VISURE_SERVICE, VisureController } from './http/visure.controller.js';
import { openVisureDatabase } from './persistence/orm.js';
import { DEFAULT_SETTINGS, VisureService, type VisureSettings } from './service/visure.service.js';
import { FileDocumentStore, type DocumentStore } from './storage/document-store.js';
import type { EnteKind } from '#libs/domain';

/** Routes that act for a person (everything but verification, the seal certificate and health). */
const PROTECTED = /^\/v1\/(searches|visure|visure-export|mediation)(\/|$)/;

@Module({})
class VisureModule {
  static register(service: VisureService): DynamicModule {
    return { module: VisureModule, controllers: [VisureController], providers: [{ provide: VISURE_SERVICE, useValue: service }] };
  }
}

export interface StartVisureOptions {
  /** The gateway and this service's client credentials there (SERVICE_CLIENTS). */
  gatewayUrl: string;
  clientId?: string;
  clientSecret: string;
  /** Or a gateway port of your own (tests). */
  gateway?: GatewayPort;
  port?: number;
  host?: string;
  /** MariaDB in production; otherwise SQLite at sqlitePath (default in-memory). */
  databaseUrl?: string;
  sqlitePath?: string;
  /** Create or update the visura_* tables from the entities (sandbox, tests). Default true on SQLite. */
  createSchema?: boolean;
  /** Folder of the encrypted documents, and the 32-byte key (documents and stored grants). */
  storageDir: string;
  dataKey: Uint8Array;
  store?: DocumentStore;
  /** Public address of this service: verification URLs are `${publicUrl}/v1/verifica`. */
  publicUrl?: string;
  /** Each Comune's seal, by ISTAT code. */
  seals: Record<string, SealKeystore>;
  /** The Comuni (name, visura policy) and Enti (kind) the gateway does not tell a grant yet. */
  directory: DirectoryPort | { comuni: Record<string, ComuneDirectoryEntry>; enti: Record<string, { kind: EnteKind; name: string }> };
  /** Seconds between silent-consent and retry sweeps; 0 disables the timer (tests call the sweeps). */
  sweepSeconds?: number;
  settings?: Partial<VisureSettings>;
  now?: () => Date;
}

export interface RunningVisure {
  app: INestApplication;
  url: string;
  service: VisureService;
  orm: MikroORM;
  close(): Promise<void>;
}

/** Builds and starts the visure service; the sandbox launcher and the tests call it. */
export async function startVisure(o: StartVisureOptions): Promise<RunningVisure> {
  const { app, service, orm, settings, publicUrl: configured } = await createVisureApp(o);
  const host = o.host ?? '127.0.0.1';
  await app.listen(o.port ?? 0, host);
  const addr = app.getHttpServer().address() as { port: number };
  const url = `http://${host}:${addr.port}`;
  const publicUrl = configured ?? url;
  settings.verificationBaseUrl ||= `${publicUrl.replace(/\/+$/, '')}/v1/verifica`;
  const timer = o.sweepSeconds
    ? setInterval(() => {
        void service.sweepSilentConsent().catch(() => undefined);
        void service.sweepRetries().catch(() => undefined);
      }, o.sweepSeconds * 1000)
    : null;
  timer?.unref();
  return {
    app,
    url,
    service,
    orm,
    async close() {
      if (timer) clearInterval(timer);
      await app.close();
      await orm.close(true);
    },
  };
}

/** The application, not yet listening (startVisure, and the OpenAPI writer). */
export async function createVisureApp(o: StartVisureOptions) {
  const orm = await openVisureDatabase({ databaseUrl: o.databaseUrl, sqlitePath: o.sqlitePath ?? ':memory:' }, o.createSchema ?? !o.databaseUrl);
  const gateway = o.gateway ?? new SdkGateway({ baseUrl: o.gatewayUrl, clientId: o.clientId ?? 'visure', clientSecret: o.clientSecret });
  const directory = 'comune' in o.directory ? o.directory : new StaticDirectory(o.directory.comuni, o.directory.enti);
  const settings: VisureSettings = { ...DEFAULT_SETTINGS, verificationBaseUrl: '', ...o.settings };
  const service = new VisureService({
    orm,
    gateway,
    directory,
    store: o.store ?? new FileDocumentStore(o.storageDir, o.dataKey),
    seal: (istat) => o.seals[istat] ?? null,
    dataKey: o.dataKey,
    settings,
    now: o.now,
  });
  const app = await NestFactory.create<NestExpressApplication>(VisureModule.register(service), { logger: ['error', 'warn'], abortOnError: false });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Authentication before validation: a caller without a token learns nothing about the body.
  app.use((req: { path: string; headers: Record<string, unknown> }, res: unknown, next: (e?: unknown) => void) => {
    if (PROTECTED.test(req.path) && !/^Bearer\s+\S+$/i.test(String(req.headers.authorization ?? ''))) {
      return new VisureProblemFilter().catch(visureProblem('unauthenticated', 'Accesso richiesto: inviare il proprio token (Authorization: Bearer).'), { switchToHttp: () => ({ getResponse: () => res }) } as never);
    }
    next();
  });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => visureProblem('validation-failed', 'Richiesta non valida: ' + errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? { nested: 'non valido' }).join(', ')}`).join('; ')),
    }),
  );
  app.useGlobalFilters(new VisureProblemFilter());
  return { app, service, orm, settings, publicUrl: o.publicUrl };
}
