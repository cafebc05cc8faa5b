/**
 * Child process of `npm run bench`: the gateway as `npm start` builds it (createGatewayApp, sandbox
 * mode, SQLite on a file), seeded with the sandbox's demo data and wired to the simulated ANPR, on
 * 127.0.0.1 and any free port. Only the limits that would cut a load test short are raised: the
 * per-user and per-application rate limits, and the TOP user's daily quota.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Comune, Profile, User } from '#libs/domain';
import { randomBytes } from 'node:crypto';
import {
  closeGatewayApp,
  ComuneOnboardingService,
  createGatewayApp,
  drainGatewayWrites,
  loadConfig,
  ormOptions,
  seedSandbox,
  wireComuneToSimulator,
} from '../../../apps/gateway/src/index.js';
import { DEMO_COMUNE_ISTAT } from '../population/places.js';
import { serveParent } from './ipc.js';
import type { SimulatorInfo } from './simulator-process.js';

export interface GatewayStartArgs {
  dir: string;
  simulator: SimulatorInfo;
  logLevel: string;
  /** Daily quota given to the benchmark user (well above what the run can use). */
  dailyQuota: number;
  /**
   * Opt-in experiment (BENCH_SQLITE_WAL=1): put the SQLite file in WAL mode with synchronous=NORMAL,
   * to measure what that setting would bring. Off by default: the gateway is measured as it ships.
   */
  sqliteWal: boolean;
  /**
   * BENCH_DATABASE_URL: run the gateway as deployed, on MariaDB (a fresh database created next to
   * the one named, schema from the entities, dropped afterwards) instead of the sandbox's SQLite.
   */
  databaseUrl?: string;
  /** BENCH_REDIS_URL: rate-limit and quota counters in Redis, as deployed. */
  redisUrl?: string;
}

export interface GatewayInfo {
  url: string;
  username: string;
  password: string;
  startupMs: number;
}

export const BENCH_USER = 'top.bari';

let app: INestApplication | undefined;
let benchDatabaseUrl: string | undefined;

/** Runs one statement on the MariaDB server of `url`, connected to the (existing) database it names. */
async function onServer(url: string, sql: string): Promise<void> {
  const admin = await MikroORM.init({ ...ormOptions({ databaseUrl: url, sqlitePath: '' }), entities: [Comune], discovery: { warnWhenNoEntities: false } } as never);
  try {
    await admin.em.getConnection().execute(sql);
  } finally {
    await admin.close(true);
  }
}

serveParent(
  {
    start: async (args: GatewayStartArgs): Promise<GatewayInfo> => {
      const t0 = performance.now();
      const sim = args.simulator;
      if (args.databaseUrl) {
        const url = new URL(args.databaseUrl);
        const name = `${url.pathname.replace(/^\//, '') || 'geres'}_bench_${randomBytes(4).toString('hex')}`;
        await onServer(args.databaseUrl, `create database \`${name}\` character set utf8mb4 collate utf8mb4_unicode_ci`);
        url.pathname = `/${name}`;
        benchDatabaseUrl = url.toString();
      }
      const config = loadConfig({
        GERES_SANDBOX: 'true',
        SQLITE_PATH: join(args.dir, 'geres.sqlite'),
        ...(benchDatabaseUrl ? { DATABASE_URL: benchDatabaseUrl } : {}),
        ...(args.redisUrl ? { REDIS_URL: args.redisUrl } : {}),
        JWT_SIGNING_KEY_FILE: join(args.dir, 'jwt.pem'),
        HOST: '127.0.0.1',
        PORT: '0',
        INSTANCE_NAME: 'bench',
        LOG_LEVEL: args.logLevel,
        RATE_LIMIT_USER_PER_MINUTE: '10000000',
        RATE_LIMIT_APP_PER_MINUTE: '10000000',
      });
      app = await createGatewayApp(config, benchDatabaseUrl ? { createSchema: true } : {});
      if (args.sqliteWal) {
        // better-sqlite3 behind MikroORM keeps one connection: the pragmas hold for every query.
        const conn = app.get(MikroORM).em.getConnection();
        await conn.execute('pragma journal_mode = wal');
        await conn.execute('pragma synchronous = normal');
      }
      const em = app.get(EntityManager).fork();
      const creds = await seedSandbox(em, app.get(ComuneOnboardingService));
      const user = creds.users.find((u) => u.username === BENCH_USER);
      if (!user) throw new Error(`the sandbox seed has no ${BENCH_USER}`);
      const top = await em.findOneOrFail(User, { username: BENCH_USER });
      await em.fork().nativeUpdate(Profile, { user: top.id }, { dailyQuota: args.dailyQuota });
      await wireComuneToSimulator(app.get(EntityManager).fork(), {
        codiceIstat: DEMO_COMUNE_ISTAT,
        operatorIds: [sim.operatorId],
        idApplicazione: sim.idApplicazione,
        soap: sim.soap.soap!,
        pdnd: sim.pdnd.pdnd!,
        keystorePath: sim.comuneKeystorePath,
        keystorePasswordFile: sim.keystorePasswordFile,
        pdndPrivateKeyFile: sim.pdndPrivateKeyFile,
        workstations: [],
        postazione: { code: sim.postazione.id, keystorePath: sim.postazione.keystore.path!, keystorePasswordFile: sim.postazione.passwordFile },
      });
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, username: user.username, password: user.password, startupMs: performance.now() - t0 };
    },
  },
  async () => {
    if (!app) return;
    await drainGatewayWrites(app);
    await closeGatewayApp(app);
    if (benchDatabaseUrl) await onServer(benchDatabaseUrl, `drop database if exists \`${new URL(benchDatabaseUrl).pathname.slice(1)}\``);
  },
);
