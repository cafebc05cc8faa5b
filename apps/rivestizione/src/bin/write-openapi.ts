import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRivestizioneApp } from '../app.factory.js';
import { loadConfig } from '../config.js';
import { OPENAPI_FILE, buildOpenApiDocument, projectRoot, serialiseOpenApi } from '../openapi/build-document.js';

/**
 * `npm run openapi:rivestizione` writes openapi/rivestizione.openapi.json from the controllers;
 * `npm run openapi:rivestizione:check` (CI) writes nothing and exits 1 when the committed file differs.
 */
export async function generateRivestizioneOpenApi(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'geres-riv-openapi-'));
  try {
    const config = loadConfig({
      GATEWAY_URL: 'http://127.0.0.1:1',
      GATEWAY_CLIENT_SECRET: 'x'.repeat(32),
      RIVESTIZIONE_GRANT_KEY: randomBytes(32).toString('base64'),
      RIVESTIZIONE_SQLITE_PATH: ':memory:',
      RIVESTIZIONE_FILES_DIR: join(dir, 'files'),
      RIVESTIZIONE_WORKER: 'false',
    });
    const { SdkGatewayAdapter } = await import('../gateway/sdk-gateway.adapter.js');
    const riv = await createRivestizioneApp(config, { createSchema: true, gateway: new SdkGatewayAdapter({ baseUrl: config.gatewayUrl, clientId: 'x', clientSecret: 'x' }) });
    try {
      return serialiseOpenApi(buildOpenApiDocument(riv.http!));
    } finally {
      await riv.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const file = join(projectRoot(), OPENAPI_FILE);
  const current = await generateRivestizioneOpenApi();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      /* missing: differs */
    }
    if (committed !== current) {
      process.stderr.write(`${OPENAPI_FILE} is out of date: run npm run openapi:rivestizione and commit it\n`);
      process.exit(1);
    }
    process.stdout.write(`${OPENAPI_FILE} is up to date\n`);
  } else {
    writeFileSync(file, current);
    process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
  }
}
