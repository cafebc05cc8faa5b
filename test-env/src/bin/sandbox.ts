import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { EntityManager } from '@mikro-orm/core';
import { User } from '#libs/domain';
import { ConfigError, loadConfig } from '../config/config.js';
import { createGatewayApp } from '../app.factory.js';
import { seedSandbox, type SandboxCredentials } from '../sandbox/seed.js';

const CREDENTIALS_FILE = '.sandbox/credentials.json';

/**
 * `npm start`: the gateway in sandbox mode on an embedded SQLite file, seeded with demo data on
 * first start. Credentials are printed and written to .sandbox/credentials.json for scripts.
 */
async function main() {
  let config;
  try {
    config = loadConfig({ ...process.env, GERES_SANDBOX: 'true' });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  mkdirSync('.sandbox', { recursive: true });
  const app = await createGatewayApp(config);
  const em = app.get(EntityManager).fork();
  let creds: SandboxCredentials;
  if ((await em.count(User, {})) === 0) {
    creds = await seedSandbox(em);
    writeFileSync(CREDENTIALS_FILE, JSON.stringify({ gatewayUrl: config.publicUrl, ...creds }, null, 2), { mode: 0o600 });
  } else if (existsSync(CREDENTIALS_FILE)) {
    creds = JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8'));
  } else {
    throw new Error(`${config.sqlitePath} has users but ${CREDENTIALS_FILE} is missing: delete the .sandbox folder to start afresh`);
  }
  await app.listen(config.port, config.host);
  const lines = [
    '',
    'GeRes sandbox is running',
    `  Gateway:        ${config.publicUrl}`,
    `  Health:         ${config.publicUrl}/health/ready`,
    `  JWKS:           ${config.publicUrl}/.well-known/jwks.json`,
    `  Demo Comune:    ${creds.comune.nome} (${creds.comune.codiceIstat})`,
    '  Users (POST /v1/auth/login):',
    ...creds.users.map((u) => `    ${u.role.padEnd(10)} ${u.username.padEnd(22)} ${u.password}${u.mediator ? '   (mediatore)' : ''}`),
    `  Application:    client_id=${creds.application.clientId} client_secret=${creds.application.clientSecret}`,
    `                  acts for ${creds.application.operator} (header X-GeRes-Operator)`,
    `  Workstation:    ${creds.workstation.code} device token ${creds.workstation.deviceToken}`,
    `  All of this is in ${CREDENTIALS_FILE}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
