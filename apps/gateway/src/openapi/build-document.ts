import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_ENUMS } from '../common/api-enums.js';
import { BEARER_SCHEME, CALLER_HEADERS, CLIENT_CREDENTIALS_SCHEME, PROBLEM_EXAMPLE_PREFIX, problemExample } from '../common/api-docs.js';
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from '../common/problem.js';
import { Problem } from '../common/problem.model.js';

/**
 * The OpenAPI document of the gateway, built from the controllers' decorators. One function for the
 * script that writes openapi/geres.openapi.json and for the tests, so both see the same document.
 */

export const OPENAPI_VERSION = '3.1.0';

/**
 * Tags, in the order readers meet them. SDK generators make one client class per tag, so a tag is
 * part of the SDK's surface: every operation needs one of these (the spec checks it).
 */
export const API_TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'Persons', description: 'Looking up people in ANPR, with the checks, quota and audit every lookup goes through.' },
  { name: 'Auth', description: 'Logging in people, tokens for applications, and the keys that verify tokens.' },
  { name: 'Me', description: 'The caller: who they are, their password, their own request history and access log.' },
  { name: 'Comuni', description: 'A Comune\'s ANPR settings and policies, managed by its TOP users.' },
  { name: 'Enti', description: 'The offices and external bodies that use GeRes, and their convenzioni with the Comuni.' },
  { name: 'Users', description: 'People who use GeRes and their profiles: what each may look up, for which Comuni, and how much.' },
  { name: 'Applications', description: 'Third-party applications of an Ente, their client secrets and the operators they act for.' },
  { name: 'Workstations', description: 'Workstations (postazioni) of the Enti, and their authorisation by the Comune.' },
  { name: 'Bacheca', description: 'The Comuni\'s message boards: public messages for everyone working with a Comune, private ones for one user (R-VIS-12).' },
  { name: 'Monitoring', description: 'Statistics, rendicontazione and alarms computed from the audit trail, within what the caller monitors (R-STAT-1, R-VIS-10, R-VIS-11).' },
  { name: 'Audit', description: 'The tamper-evident audit trail of every request and the access log, as far as the caller may monitor them.' },
  { name: 'Health', description: 'Probes and metrics for operators of the gateway; no token needed.' },
];

const REQUEST_ID_PATTERN = '^[A-Za-z0-9._:-]{1,64}$';

/** The repository root (the directory of GeRes's package.json), from src or from dist. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'geres') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of geres above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

function apiDescription(): string {
  const rows = (Object.keys(PROBLEM_TYPES) as ProblemType[])
    .map((t) => `| \`${problemTypeUri(t)}\` | ${PROBLEM_TYPES[t].status} | ${PROBLEM_TYPES[t].title} |`)
    .join('\n');
  return `GeRes is the gateway through which a Comune, its offices and the bodies it has agreements (convenzioni) with consult ANPR, Italy's national population registry. Every call passes the same chain of checks (who calls, for which operator, from which workstation, under which convenzione, within which profile and quota), is made to ANPR with the Comune's own credentials, and is recorded in a tamper-evident audit trail.

## Authentication

- **People** log in with \`POST /v1/auth/login\` and send the access token as \`Authorization: Bearer <token>\`; \`POST /v1/auth/refresh\` renews it.
- **Applications** obtain a token with the OAuth2 client-credentials grant at \`POST /v1/oauth/token\` and, on every call, name the operator they act for in \`X-GeRes-Operator\`.
- Where a Comune admits authorised workstations only, calls also identify the workstation with \`X-GeRes-Workstation\` (and \`X-GeRes-Device-Token\`, a client certificate or an IP range).

Access tokens are JWTs signed by GeRes; the public keys are at \`/.well-known/jwks.json\`.

## Request ids

Every response carries \`X-Request-Id\`. Send your own (1-64 letters, digits and \`._:-\`) to follow a request through your logs and ours; otherwise GeRes makes one. Quote it when you report a problem.

## Errors

Errors are \`application/problem+json\` documents (RFC 9457) with a stable \`type\` for each case; match on \`type\`, never on \`title\` or \`detail\`. A type, once published, never changes meaning.

| type | status | meaning |
| --- | --- | --- |
${rows}
`;
}

function documentConfig(version: string) {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion(OPENAPI_VERSION)
    .setTitle('GeRes API')
    .setVersion(version)
    .setDescription(apiDescription())
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer('http://127.0.0.1:3000', 'Sandbox: `npm start` runs GeRes with a simulated ANPR and synthetic people')
    .addServer('https://geres.example.invalid', 'Production: your Comune\'s GeRes (replace with its address)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token: a person\'s from `POST /v1/auth/login`, or an application\'s from `POST /v1/oauth/token` (then with X-GeRes-Operator).',
      },
      BEARER_SCHEME,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Applications: the client-credentials grant. Every call with the token names the operator the application acts for in X-GeRes-Operator.',
        flows: { clientCredentials: { tokenUrl: '/v1/oauth/token', scopes: {} } },
      },
      CLIENT_CREDENTIALS_SCHEME,
    );
  for (const t of API_TAGS) builder.addTag(t.name, t.description);
  const config = builder.build();
  // Each deployment is run by its Comune: they, not the authors, are who integrators talk to.
  config.info.contact = { name: 'The administrators of your Comune\'s GeRes' };
  return config;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const version = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version as string;
  const document = SwaggerModule.createDocument(app, documentConfig(version), {
    // Method names are the operation ids, and so the method names of every SDK.
    operationIdFactory: (_controller, method) => method,
    extraModels: [Problem],
    // Tags come from API_TAGS only; the controllers' class names are no part of the API.
    autoTagControllers: false,
  });
  shareCallerHeaders(document);
  addProblemExamples(document);
  addRequestId(document);
  describeEnums(document);
  dropEmptyTags(document);
  return sortKeys(document) as OpenAPIObject;
}

type Json = Record<string, any>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const operationsOf = (doc: OpenAPIObject): Json[] =>
  (Object.values(doc.paths) as Json[]).flatMap((item) => HTTP_METHODS.filter((m) => item[m]).map((m) => item[m] as Json));

/** X-Request-Id on every operation (optional request header) and on every response. */
function addRequestId(doc: OpenAPIObject) {
  const components = doc.components as Json;
  components.parameters = {
    ...components.parameters,
    RequestIdHeader: {
      name: 'X-Request-Id',
      in: 'header',
      required: false,
      description: 'Your id for this request, echoed in the response and in problem documents; GeRes makes one when it is missing or not acceptable.',
      schema: { type: 'string', pattern: REQUEST_ID_PATTERN, example: '7f9c2ba4-e88f-4b2d-9b1e-3c2d1a0f5e6d' },
    },
  };
  components.headers = {
    ...components.headers,
    RequestId: {
      description: 'The id of this request (the caller\'s X-Request-Id when acceptable).',
      schema: { type: 'string', pattern: REQUEST_ID_PATTERN },
    },
    RetryAfter: {
      description: 'Seconds to wait before trying again, when GeRes knows (RFC 9110 §10.2.3).',
      schema: { type: 'integer', minimum: 0, example: 30 },
    },
  };
  for (const op of operationsOf(doc)) {
    op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/RequestIdHeader' }];
    for (const response of Object.values(op.responses ?? {}) as Json[]) {
      response.headers = { ...response.headers, 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
    }
  }
}

/** The X-GeRes-* headers of ApiCaller become shared parameters, referenced by each operation. */
function shareCallerHeaders(doc: OpenAPIObject) {
  const components = doc.components as Json;
  const byName = new Map(Object.entries(CALLER_HEADERS).map(([key, h]) => [h.name, key]));
  const used = new Set<string>();
  for (const op of operationsOf(doc)) {
    op.parameters = (op.parameters ?? []).map((p: Json) => {
      const key = p.in === 'header' ? byName.get(p.name) : undefined;
      if (!key) return p;
      used.add(key);
      return { $ref: `#/components/parameters/${key}` };
    });
  }
  components.parameters = { ...components.parameters };
  for (const key of used) {
    const h = CALLER_HEADERS[key as keyof typeof CALLER_HEADERS];
    components.parameters[key] = { ...h, in: 'header', required: false };
  }
}

/** Fills components.examples with the problem examples that ApiProblems refers to. */
function addProblemExamples(doc: OpenAPIObject) {
  const components = doc.components as Json;
  components.examples = { ...components.examples };
  const prefix = `#/components/examples/${PROBLEM_EXAMPLE_PREFIX}`;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string' && ref.startsWith(prefix)) {
      const type = ref.slice(prefix.length) as ProblemType;
      if (!PROBLEM_TYPES[type]) throw new Error(`${ref}: no such problem type`);
      components.examples[`${PROBLEM_EXAMPLE_PREFIX}${type}`] = problemExample(type);
    }
    Object.values(node).forEach(visit);
  };
  visit(doc.paths);
}

/** The named enums get their own description (the library takes the first property's). */
function describeEnums(doc: OpenAPIObject) {
  const schemas = (doc.components?.schemas ?? {}) as Json;
  for (const [name, { description }] of Object.entries(API_ENUMS)) {
    if (schemas[name]) schemas[name].description = description;
  }
}

/** The library writes `tags: []` on untagged operations; leave the key out (the spec requires a tag anyway). */
function dropEmptyTags(doc: OpenAPIObject) {
  for (const op of operationsOf(doc)) if (Array.isArray(op.tags) && !op.tags.length) delete op.tags;
}

/** Objects' keys in sort order at every depth, arrays in their own order: stable diffs. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Json)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The committed form: 2-space JSON and a final newline. */
export const serialiseOpenApi = (doc: OpenAPIObject): string => `${JSON.stringify(doc, null, 2)}\n`;

export const OPENAPI_FILE = join('openapi', 'geres.openapi.json');
