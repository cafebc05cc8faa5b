import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { Application, Comune, User } from '#libs/domain';
import {
  ComuneOnboardingService,
  ConfigError,
  createGatewayApp,
  flushLogs,
  loadConfig,
  SECOND_COMUNE,
  seedSandbox,
  seedSecondComune,
  verifySecret,
  wireComuneToSimulator,
  type SandboxCredentials,
} from '../../../apps/gateway/src/index.js';
import { COMUNE_POSTAZIONE, SANDBOX_WORKSTATION_ID, startSandboxAnpr } from '../sandbox-anpr.js';
import { demoComuneWiring, secondComuneWiring } from '../sandbox-wiring.js';
import { startMailCatcher } from '../sandbox-mail.js';
import { startSandboxVisure } from '../../../apps/visure/src/sandbox.js';
import { startConsole } from '../../../apps/console/src/console.factory.js';
import { startRivestizione } from '../../../apps/rivestizione/src/main.js';

/**
 * Everything the sandbox keeps is private to its user: keys, keystores and their passwords, the
 * database (and its -wal/-shm files) and credentials.json. A umask covers whatever is created from
 * now on; folders left by older versions (files 0644) are tightened on start.
 */
function makePrivate(dir: string) {
  chmodSync(dir, 0o700);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) makePrivate(p);
    else if (e.isFile()) chmodSync(p, 0o600);
  }
}

/**
 * `npm start`: the simulated ANPR and the gateway in sandbox mode (embedded SQLite), with demo
 * data seeded on first start and the demo Comune pointed at the simulator on every start.
 * Credentials are printed and written to .sandbox/credentials.json (GERES_SANDBOX_DIR) for scripts.
 */
async function main() {
  let config;
  const sandboxDir = process.env.GERES_SANDBOX_DIR || '.sandbox';
  // The daily reports go to a local catcher (one .eml per message) unless SMTP_URL names a server.
  const mail = process.env.SMTP_URL ? undefined : await startMailCatcher(resolve(sandboxDir, 'mail'), Number(process.env.MAIL_CATCHER_PORT ?? 0));
  try {
    // The simulator's population is born all over Italy: name its places from ANPR's tables when present.
    const tables = resolve('../shared/anpr/tables');
    config = loadConfig({
      ...(existsSync(tables) ? { ANPR_TABLES_DIR: tables } : {}),
      SERVICE_CLIENTS: sandboxServiceClients(sandboxDir),
      ...(mail ? { SMTP_URL: mail.url } : {}),
      ...process.env,
      GERES_SANDBOX: 'true',
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  process.umask(0o077);
  mkdirSync(config.sandboxDir, { recursive: true, mode: 0o700 });
  makePrivate(config.sandboxDir);
  const CREDENTIALS_FILE = join(config.sandboxDir, 'credentials.json');
  const anprDir = resolve(config.sandboxDir, 'anpr');
  const simPort = Number(process.env.ANPR_SIM_PORT ?? 3100);
  const anpr = await startSandboxAnpr({ dir: anprDir, port: simPort, extraWorkstations: [COMUNE_POSTAZIONE, SECOND_COMUNE.postazione], pdndComuni: [SECOND_COMUNE.codiceIstat] });

  const app = await createGatewayApp(config);
  const em = app.get(EntityManager).fork();
  let creds: SandboxCredentials;
  let mismatch: string | undefined;
  const onboarding = app.get(ComuneOnboardingService);
  if ((await em.count(User, {})) === 0) {
    creds = await seedSandbox(em, onboarding);
    writeFileSync(CREDENTIALS_FILE, JSON.stringify({ gatewayUrl: config.publicUrl, simulatorUrl: anpr.url, ...creds }, null, 2), { mode: 0o600 });
  } else if (existsSync(CREDENTIALS_FILE)) {
    creds = JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8'));
    mismatch = await credentialsMismatch(em, creds);
    creds.comuni ??= [creds.comune];
    for (const u of creds.users) u.comune ??= creds.comune.codiceIstat;
    if (!(await em.count(Comune, { codiceIstat: SECOND_COMUNE.codiceIstat })) && !(await em.count(User, { username: 'top.lecce' }))) {
      // A sandbox seeded before it had a second Comune: add it, and its users to the credentials.
      const second = await seedSecondComune(em, onboarding);
      creds.comuni.push(second.comune);
      creds.users.push(...second.users);
    }
    // The ports may differ from the last start: the file always names where the sandbox listens now.
    writeFileSync(CREDENTIALS_FILE, JSON.stringify({ ...creds, gatewayUrl: config.publicUrl, simulatorUrl: anpr.url }, null, 2), { mode: 0o600 });
  } else {
    throw new Error(`${config.sqlitePath} has users but ${CREDENTIALS_FILE} is missing: delete the ${config.sandboxDir} folder to start afresh`);
  }
  await wireComuneToSimulator(app.get(EntityManager).fork(), demoComuneWiring(anpr, anprDir, { workstations: [SANDBOX_WORKSTATION_ID] }));
  // Sandboxes seeded before silent consent had a designated mediator get the demo TOP.
  await em.nativeUpdate(Comune, { codiceIstat: creds.comune.codiceIstat, silentConsentMediator: null }, { silentConsentMediator: 'top.bari' });
  if (await em.count(Comune, { codiceIstat: SECOND_COMUNE.codiceIstat })) await wireComuneToSimulator(app.get(EntityManager).fork(), secondComuneWiring(anpr));
  await app.listen(config.port, config.host);
  // The consumer apps, each on the sandbox gateway through its public API with its own service secret.
  const visure = await startSandboxVisure({ gatewayUrl: config.publicUrl, sandboxDir: config.sandboxDir, gatewayEm: app.get(EntityManager), port: Number(process.env.VISURE_PORT ?? 3200), host: config.host });
  const rivestizione = await startSandboxRivestizione(config.sandboxDir, config.publicUrl, config.host);
  const consoleApp = await startConsole({ gatewayUrl: config.publicUrl, port: Number(process.env.CONSOLE_PORT ?? 3300), host: config.host, sandbox: true });
  const shutdown = async () => {
    await consoleApp.close();
    await rivestizione.close();
    await visure.close();
    await app.close();
    await anpr.close();
    await mail?.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const lines = [
    '',
    'GeRes sandbox is running',
    `  Gateway:        ${config.publicUrl}`,
    `  Health:         ${config.publicUrl}/health/ready`,
    `  JWKS:           ${config.publicUrl}/.well-known/jwks.json`,
    `  Simulated ANPR: ${anpr.url}  (SOAP 3002/E002 and PDND; ${anpr.registry.size} synthetic people)`,
    `  Console:        ${consoleApp.url}  (Italian web console: log in with any user below)`,
    `  Rivestizione:   ${rivestizione.url}  (API: openapi/rivestizione.openapi.json; processes all day here, ${process.env.REDIS_URL ? 'on BullMQ' : 'in-process (no REDIS_URL)'})`,
    `  Visure:         ${visure.url}  (API: openapi/visure.openapi.json; log in at the gateway and send the same bearer token)`,
    `  Test identities: test-env/SANDBOX-CATALOGUE.md  (or GET ${anpr.url}/catalogue)`,
    `  Comuni:         ${creds.comuni.map((c) => `${c.nome} (${c.codiceIstat})`).join(', ')}, each wired to the simulator with its own certificate (in ${join(config.sandboxDir, 'anpr', 'pki')})`,
    ...creds.comuni.flatMap((c) => [
      `  Users of ${c.nome} (POST /v1/auth/login):`,
      ...creds.users.filter((u) => u.comune === c.codiceIstat).map((u) => `    ${u.role.padEnd(10)} ${u.username.padEnd(24)} ${u.password}${u.mediator ? '   (mediatore)' : ''}`),
    ]),
    `  Application:    client_id=${creds.application.clientId} client_secret=${creds.application.clientSecret}`,
    `                  acts for ${creds.application.operator} (header X-GeRes-Operator)`,
    `  Workstation:    ${creds.workstation.code} device token ${creds.workstation.deviceToken}`,
    `  Mail:           ${mail ? `daily reports caught in ${mail.dir} (SMTP ${mail.url})` : `daily reports sent through ${new URL(process.env.SMTP_URL!).host}`}`,
    `  All of this is in ${CREDENTIALS_FILE}`,
    '',
  ];
  if (mismatch) {
    // Not fatal (a password changed through the API is a legitimate reason), but the printed credentials may not work.
    lines.push(
      `  WARNING: ${CREDENTIALS_FILE} does not match the database ${config.sqlitePath}: ${mismatch}.`,
      `  If logins fail, delete the ${config.sandboxDir} folder to start afresh (keep the database inside it: GERES_SANDBOX_DIR rather than SQLITE_PATH).`,
      '',
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** The consumer services of the sandbox, with secrets generated on first start and kept in the sandbox folder. */
export const SANDBOX_SERVICES = ['visure', 'rivestizione', 'console'] as const;

function sandboxServiceClients(dir: string): string {
  const file = join(dir, 'service-clients.json');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const known: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const name of SANDBOX_SERVICES) known[name] ??= randomBytes(32).toString('base64url');
  writeFileSync(file, JSON.stringify(known, null, 2), { mode: 0o600 });
  return Object.entries(known).map(([name, secret]) => `${name}:${secret}`).join(',');
}

/**
 * The rivestizione service of the sandbox: SQLite and files in the sandbox folder, its grant key kept
 * there (0600), processing in-process (or on BullMQ when REDIS_URL is set), and no processing window:
 * the simulated ANPR has no evening maintenance and nobody monitors its volumes.
 */
async function startSandboxRivestizione(sandboxDir: string, gatewayUrl: string, host: string) {
  const dir = join(sandboxDir, 'rivestizione');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, 'grant.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  const clients = JSON.parse(readFileSync(join(sandboxDir, 'service-clients.json'), 'utf8')) as Record<string, string>;
  const started = await startRivestizione({
    env: {
      GATEWAY_URL: gatewayUrl,
      GATEWAY_CLIENT_ID: 'rivestizione',
      GATEWAY_CLIENT_SECRET: clients.rivestizione,
      RIVESTIZIONE_GRANT_KEY: readFileSync(keyFile, 'utf8').trim(),
      RIVESTIZIONE_SQLITE_PATH: join(sandboxDir, 'rivestizione.sqlite'),
      RIVESTIZIONE_FILES_DIR: join(dir, 'files'),
      RIVESTIZIONE_HOST: host,
      RIVESTIZIONE_PORT: process.env.RIVESTIZIONE_PORT ?? '3400',
      RIVESTIZIONE_DEFAULT_WINDOWS: '00:00-23:59',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
  });
  return { url: started.url ?? '', close: () => started.close() };
}

/** Why the credentials file would not log in to this database, if it would not: the printed credentials should work. */
async function credentialsMismatch(em: EntityManager, creds: SandboxCredentials): Promise<string | undefined> {
  const app = await em.findOne(Application, { clientId: creds.application?.clientId }, { populate: ['secrets'] });
  if (!app) return `no application ${creds.application?.clientId}`;
  const secretOk = await Promise.all(app.secrets.getItems().map((x) => verifySecret(x.hash, creds.application.clientSecret)));
  if (!secretOk.some(Boolean)) return `the secret of ${app.clientId} differs`;
  const first = creds.users?.[0];
  const user = first && (await em.findOne(User, { username: first.username }));
  if (!user) return `no user ${first?.username}`;
  if (!(await verifySecret(user.passwordHash, first.password))) return `the password of ${first.username} differs`;
  return undefined;
}

process.on('exit', flushLogs);

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
