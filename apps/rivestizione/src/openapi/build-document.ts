import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_PREFIX, RIV_PROBLEM_TYPES, type RivProblemType } from '../api/problem.js';

export const OPENAPI_FILE = 'openapi/rivestizione.openapi.json';
const BEARER = 'bearer';

/** The repository root (the directory of GeRes's package.json), from src or from dist. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'geres') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of geres');
    dir = parent;
  }
}

function description(): string {
  const rows = (Object.keys(RIV_PROBLEM_TYPES) as RivProblemType[]).map((t) => `| \`${PROBLEM_PREFIX}${t}\` | ${RIV_PROBLEM_TYPES[t].status} | ${RIV_PROBLEM_TYPES[t].title} |`).join('\n');
  return `Rivestizione enriches a list of subjects (codice fiscale, carta d'identità, idANPR, permesso di soggiorno, passaporto) with live ANPR data, for the person who submits it and within their profile: each subject is one lookup through the GeRes gateway, made under a grant the gateway issued for that person and request.

A request is validated row by row (\`POST /v1/rivestizioni/validation\` checks without storing), submitted, approved by a registry officer of the Comune (or by silent consent, or automatically, as the Comune decides), processed within the Comune's windows, rate and daily budget, and its results downloaded as CSV files (\`;\`, UTF-8 with BOM) until the retention period ends.

## Authentication

Send your own GeRes access token (from the gateway's \`POST /v1/auth/login\`) as \`Authorization: Bearer <token>\`.

## Errors

Errors are \`application/problem+json\` (RFC 9457); match on \`type\`.

| type | status | meaning |
| --- | --- | --- |
${rows}
`;
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An RFC 9457 problem document.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'Stable URI of the problem type', example: `${PROBLEM_PREFIX}invalid-rows` },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
  additionalProperties: true,
};

/** Which problems each operation may answer, besides 401 and 503 (every operation). */
const PROBLEMS: Record<string, number[]> = {
  validateRivestizione: [400, 413, 415, 422],
  createRivestizione: [400, 403, 413, 415, 422],
  listRivestizioni: [400],
  getRivestizione: [404],
  approveRivestizione: [403, 404, 409],
  rejectRivestizione: [400, 403, 404, 409],
  downloadRivestizioneFile: [404, 410],
  getRivestizioneSettings: [403],
  updateRivestizioneSettings: [400, 403],
};

/** Sorted keys, two-space indent, final newline: the committed form, so that a diff shows only real changes. */
export function serialiseOpenApi(doc: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return `${JSON.stringify(sort(doc), null, 2)}\n`;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const version = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version as string;
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('GeRes Rivestizione API')
    .setVersion(version)
    .setDescription(description())
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer('http://127.0.0.1:3300', 'Sandbox')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Your GeRes access token' }, BEARER)
    .addTag('rivestizioni', 'Rivestizione requests: validation, submission, convalida, status, results and the Comune\'s settings.')
    .build();
  config.info.contact = { name: 'The administrators of your Comune\'s GeRes' };
  const doc = SwaggerModule.createDocument(app, config, { operationIdFactory: (_c, method) => method, autoTagControllers: false });
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA as never } };
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as Array<{ operationId?: string; summary?: string; description?: string; security?: unknown; responses: Record<string, unknown> }>) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      op.description ??= `${op.summary}.`;
      op.security = [{ [BEARER]: [] }];
      for (const status of [...(PROBLEMS[op.operationId ?? ''] ?? []), 401, 503]) {
        const types = (Object.keys(RIV_PROBLEM_TYPES) as RivProblemType[]).filter((t) => RIV_PROBLEM_TYPES[t].status === status);
        op.responses[String(status)] = {
          description: types.map((t) => `\`${PROBLEM_PREFIX}${t}\`: ${RIV_PROBLEM_TYPES[t].title}.`).join(' '),
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
  return doc;
}
