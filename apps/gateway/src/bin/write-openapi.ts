import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { closeGatewayApp, createGatewayApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { OPENAPI_FILE, buildOpenApiDocument, projectRoot, serialiseOpenApi } from '../openapi/build-document.js';

/**
 * `npm run openapi` writes openapi/geres.openapi.json from the controllers; commit it with the code.
 * `npm run openapi:check` (CI) writes nothing and exits 1, with a summary, when the committed file
 * differs from what the code produces.
 */

// An OpenAPI document walked node by node: typing each node would restate the OpenAPI schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Json = Record<string, any>;

async function generate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'geres-openapi-'));
  try {
    // Sandbox mode on an in-memory database: no MariaDB, Redis or ANPR needed to describe the API.
    const config = loadConfig({ GERES_SANDBOX: 'true', SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent', JWT_SIGNING_KEY_FILE: join(dir, 'jwt.pem') });
    const app = await createGatewayApp(config, { createSchema: true });
    try {
      return serialiseOpenApi(buildOpenApiDocument(app));
    } finally {
      await closeGatewayApp(app);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const operations = (doc: Json): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) out.set(`${method.toUpperCase()} ${path}`, op);
  }
  return out;
};

const schemas = (doc: Json): Map<string, unknown> => new Map(Object.entries(doc.components?.schemas ?? {}).map(([k, v]) => [`schema ${k}`, v]));

/** What differs, by operation and by schema, so a reviewer knows where to look. */
function summarise(committed: string, current: string): string[] {
  let before: Json;
  try {
    before = JSON.parse(committed);
  } catch {
    return ['the committed file is not valid JSON'];
  }
  const after = JSON.parse(current) as Json;
  const lines: string[] = [];
  for (const pick of [operations, schemas]) {
    const a = pick(before);
    const b = pick(after);
    for (const k of b.keys()) if (!a.has(k)) lines.push(`+ ${k}`);
    for (const k of a.keys()) if (!b.has(k)) lines.push(`- ${k}`);
    for (const [k, v] of b) if (a.has(k) && JSON.stringify(a.get(k)) !== JSON.stringify(v)) lines.push(`~ ${k}`);
  }
  const rest = (d: Json) => JSON.stringify({ ...d, paths: undefined, components: { ...d.components, schemas: undefined } });
  if (rest(before) !== rest(after)) lines.push('~ info, servers, tags, security schemes or shared components');
  return lines;
}

async function main() {
  const check = process.argv.includes('--check');
  const file = join(projectRoot(), OPENAPI_FILE);
  const current = await generate();
  if (!check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, current);
    console.log(`wrote ${OPENAPI_FILE}`);
    return;
  }
  if (!existsSync(file)) {
    console.error(`${OPENAPI_FILE} is missing: run npm run openapi and commit it`);
    process.exit(1);
  }
  const committed = readFileSync(file, 'utf8');
  if (committed === current) {
    console.log(`${OPENAPI_FILE} is up to date`);
    return;
  }
  const lines = summarise(committed, current);
  console.error(`${OPENAPI_FILE} differs from what the code produces (run npm run openapi and commit it):`);
  for (const l of lines.slice(0, 40)) console.error(`  ${l}`);
  if (lines.length > 40) console.error(`  … and ${lines.length - 40} more`);
  if (!lines.length) console.error('  formatting only');
  process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
