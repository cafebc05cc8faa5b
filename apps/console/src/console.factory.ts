import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import multer from 'multer';
import type { NextFunction, Request, Response } from 'express';
import { loadConsoleConfig, type ConsoleConfig } from './config.js';
import { ConsoleModule } from './console.module.js';
import type { GatewayPort } from './gateway/gateway.port.js';
import { SdkGatewayAdapter } from './gateway/sdk-gateway.adapter.js';
import { RedisSessionStore } from './session/redis-session.store.js';
import { SessionService } from './session/session.service.js';
import { InMemorySessionStore, type SessionStore } from './session/session.store.js';
import { ConsoleErrorFilter } from './web/error.filter.js';
import { sessionMiddleware } from './web/session.middleware.js';
import { createTemplateEngine } from './web/templates.js';
import { SESSIONS } from './web/tokens.js';
import { Views } from './web/views.js';

export interface StartConsoleOptions {
  /** The gateway's base URL (GATEWAY_URL). */
  gatewayUrl: string;
  /** Default 3200; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Sandbox: plain-HTTP cookies allowed. */
  sandbox?: boolean;
  /** Default: Secure outside the sandbox. */
  secureCookies?: boolean;
  /** Default 15. */
  idleTimeoutMinutes?: number;
  /** Sessions in Redis when set. */
  redisUrl?: string;
  /** Tests: the clock (idle timeout, token expiry). */
  now?: () => number;
  /** Tests: another gateway port (default: the SDK against gatewayUrl). */
  gateway?: GatewayPort;
  /** Tests: another session store. */
  sessionStore?: SessionStore;
}

export interface RunningConsole {
  app: NestExpressApplication;
  url: string;
  config: ConsoleConfig;
  close(): Promise<void>;
}

/** The folder holding apps/console/{views,static}, from src (tests) or dist (built). */
function consoleRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'apps', 'console', 'views'))) return join(dir, 'apps', 'console');
    if (existsSync(join(dir, 'views', 'layouts'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find apps/console/views above ${fileURLToPath(import.meta.url)}`);
}

export function configFromOptions(o: StartConsoleOptions): ConsoleConfig {
  return loadConsoleConfig({
    GATEWAY_URL: o.gatewayUrl,
    CONSOLE_PORT: o.port === undefined ? undefined : String(o.port),
    CONSOLE_HOST: o.host,
    GERES_SANDBOX: o.sandbox === undefined ? undefined : String(o.sandbox),
    CONSOLE_SECURE_COOKIES: o.secureCookies === undefined ? undefined : String(o.secureCookies),
    CONSOLE_IDLE_MINUTES: o.idleTimeoutMinutes === undefined ? undefined : String(o.idleTimeoutMinutes),
    REDIS_URL: o.redisUrl,
  });
}

/** Builds and starts the console; the sandbox launcher and the tests call this. */
export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const config = configFromOptions(options);
  return startConsoleWith(config, options);
}

export async function startConsoleWith(config: ConsoleConfig, options: Partial<StartConsoleOptions> = {}): Promise<RunningConsole> {
  const now = options.now ?? Date.now;
  const store = options.sessionStore ?? (config.redisUrl ? new RedisSessionStore(config.redisUrl) : new InMemorySessionStore(now));
  const gateway = options.gateway ?? new SdkGatewayAdapter(config.gatewayUrl);
  const sessions = new SessionService(store, gateway, config.idleTimeoutSeconds, now);

  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.register(config, gateway, sessions, now), {
    logger: ['error', 'warn'],
    bodyParser: false,
    abortOnError: false,
  });
  const root = consoleRoot();
  const require = createRequire(import.meta.url);
  const bootstrapItalia = join(dirname(require.resolve('bootstrap-italia/package.json')), 'dist');
  const htmx = join(dirname(require.resolve('htmx.org/package.json')), 'dist');

  app.disable('x-powered-by');
  app.set('trust proxy', config.sandbox ? false : 'loopback');
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.set({
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    next();
  });
  app.useStaticAssets(bootstrapItalia, { prefix: '/static/bootstrap-italia/', maxAge: '1h', setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=3600') });
  app.useStaticAssets(htmx, { prefix: '/static/htmx/', maxAge: '1h', setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=3600') });
  app.useStaticAssets(join(root, 'static'), { prefix: '/static/console/', setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=300') });
  app.use(cookieParser());
  // The CSV import is the one multipart form: parsed before the session check reads its CSRF field.
  app.use('/utenti/importa', multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } }).single('file'));
  app.useBodyParser('urlencoded', { extended: true, limit: '256kb' });
  app.use(sessionMiddleware(sessions, config.secureCookies));

  const views = join(root, 'views');
  const engine = createTemplateEngine(views);
  app.engine('hbs', engine.__express);
  app.setBaseViewsDir(views);
  app.setViewEngine('hbs');
  app.useGlobalFilters(new ConsoleErrorFilter(app.get(Views), app.get(SESSIONS), config.secureCookies));
  app.enableShutdownHooks();

  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
  return {
    app,
    url,
    config,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
