import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createVisureApp } from '../app.js';
import { buildVisureOpenApi, projectRoot, serialiseOpenApi, VISURE_OPENAPI_FILE } from '../openapi/build-document.js';

/**
 * `npm run openapi:visure` writes openapi/visure.openapi.json from the controllers; commit it with
 * the code. `--check` (CI) writes nothing and exits 1 when the committed file differs.
 */
async function generate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'visure-openapi-'));
  const unused = () => Promise.reject(new Error('no gateway while describing the API'));
  const { app, orm } = await createVisureApp({
    gatewayUrl: 'http://127.0.0.1:9',
    clientSecret: 'unused',
    gateway: { exchange: unused, me: unused, search: unused },
    storageDir: dir,
    dataKey: Buffer.alloc(32),
    seals: {},
    directory: { comuni: {}, enti: {} },
  });
  try {
    await app.init();
    return serialiseOpenApi(buildVisureOpenApi(app));
  } finally {
    await app.close();
    await orm.close(true);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const file = join(projectRoot(), VISURE_OPENAPI_FILE);
  const current = await generate();
  if (!process.argv.includes('--check')) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, current);
    console.log(`wrote ${VISURE_OPENAPI_FILE}`);
    return;
  }
  if (!existsSync(file) || readFileSync(file, 'utf8') !== current) {
    console.error(`${VISURE_OPENAPI_FILE} differs from what the code produces: run npm run openapi:visure and commit it`);
    process.exit(1);
  }
  console.log(`${VISURE_OPENAPI_FILE} matches the code`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
