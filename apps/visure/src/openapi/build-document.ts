import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Problem } from '../http/dto.js';
import { PROBLEM_PREFIX, VISURE_PROBLEMS, type VisureProblemType } from '../http/problem.js';

export const VISURE_OPENAPI_FILE = 'openapi/visure.openapi.json';

const TAGS = [
  { name: 'Visure', description: 'Finding the subject and requesting a visura: routed by who asks, where the subject lives and the Comune\'s policy.' },
  { name: 'Archive', description: 'The historical archive of requests (R-VIS-7), the issued documents and the export to PDF.' },
  { name: 'Mediation', description: 'The mediators\' queue of deferred requests: approval and rejection.' },
  { name: 'Verification', description: 'Public: the verification of a printed visura by id and CVD, and the Comune\'s seal certificate for the offline check.' },
  { name: 'Health', description: 'Probes for operators.' },
];

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
  const rows = (Object.keys(VISURE_PROBLEMS) as VisureProblemType[]).map((t) => `| \`${PROBLEM_PREFIX}${t}\` | ${VISURE_PROBLEMS[t].status} | ${VISURE_PROBLEMS[t].title} |`).join('\n');
  return `The GeRes visure service issues official registry extracts (visure) from live ANPR data: PDF/A-2b, sealed by the Comune (PAdES), with a contrassegno that a public endpoint verifies. It consumes the GeRes gateway through its public API only and acts for the person who asked, with a grant the gateway issues for that person (OAuth 2.0 Token Exchange).

## Authentication

Send your own GeRes access token (from the gateway's \`POST /v1/auth/login\`) as \`Authorization: Bearer <token>\`. Verification and the seal certificate are public.

## Outcomes of a request

\`POST /v1/visure\` answers **201** with the issued document, **202** when the request waits for a mediator or for the Comune's silent consent, **200** with the Comune of residence only. A visura that cannot be issued for the subject is a **422** \`cannot-issue\` whose \`detail\` gives the reason in Italian.

## Errors

Errors are \`application/problem+json\` documents (RFC 9457) with a stable \`type\`:

| type | status | meaning |
| --- | --- | --- |
${rows}
`;
}

export function buildVisureOpenApi(app: INestApplication): OpenAPIObject {
  const version = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version as string;
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('GeRes Visure API')
    .setVersion(version)
    .setDescription(description())
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer('http://127.0.0.1:3200', 'Sandbox: `npm start` runs the visure service beside the gateway')
    .addServer('https://visure.example.invalid', 'Production: your Comune\'s visure service (replace with its address)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Your GeRes access token (a person\'s, from the gateway\'s login).' }, 'bearer');
  for (const t of TAGS) builder.addTag(t.name, t.description);
  const config = builder.build();
  config.info.contact = { name: 'The administrators of your Comune\'s GeRes' };
  const doc = SwaggerModule.createDocument(app, config, { operationIdFactory: (_c, method) => method, extraModels: [Problem], autoTagControllers: false });
  return sortKeys(doc) as OpenAPIObject;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
}

export const serialiseOpenApi = (doc: OpenAPIObject) => JSON.stringify(doc, null, 2) + '\n';
