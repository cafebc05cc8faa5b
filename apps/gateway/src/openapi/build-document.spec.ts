import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { closeGatewayApp, createGatewayApp } from '../app.factory.js';
import { loadConfig } from '../config/config.js';
import { IS_PUBLIC, ROLES_KEY } from '../auth/principal.js';
import { BEARER_SCHEME, PROBLEM_MEDIA_TYPE } from '../common/api-docs.js';
import { PROBLEM_TYPES, problemTypeUri } from '../common/problem.js';
import type { AuthController } from '../auth/auth.controller.js';
import type { ClientCredentialsToken, Me, TokenPair } from '../auth/auth.models.js';
import type { ApplicationsController } from '../governance/applications/applications.controller.js';
import type { ComuniController } from '../governance/comuni/comuni.controller.js';
import type { EntiController } from '../governance/enti/enti.controller.js';
import type { UsersController } from '../governance/users/users.controller.js';
import type { WorkstationsController } from '../governance/workstations/workstations.controller.js';
import type {
  ApplicationList,
  ApplicationView,
  ApplicationWithSecret,
  ComuneView,
  ConvenzioneView,
  EnteList,
  EnteView,
  ProfileView,
  UserImportResult,
  UserPage,
  UserView,
  WorkstationCreated,
  WorkstationList,
  WorkstationView,
} from '../governance/governance.models.js';
import type { AuditController } from '../audit/audit.controller.js';
import type { AccessLogPage, AuditEventPage, AuditVerification } from '../audit/audit.models.js';
import { API_TAGS, OPENAPI_VERSION, buildOpenApiDocument, serialiseOpenApi } from './build-document.js';

type Json = Record<string, any>;

interface Route {
  controller: string;
  handler: string;
  method: string;
  path: string;
  isPublic: boolean;
  roles?: string[];
  status: number;
}

/** Every route the application serves, read from Nest's own metadata (not from the document). */
function routesOf(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as any;
      if (!type?.prototype) continue;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const handler of Object.getOwnPropertyNames(type.prototype)) {
        const fn = type.prototype[handler];
        if (handler === 'constructor' || typeof fn !== 'function' || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod].toLowerCase();
        const path = `/${[prefix, String(Reflect.getMetadata(PATH_METADATA, fn))].filter((s) => s && s !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        routes.push({
          controller: type.name,
          handler,
          method,
          path,
          isPublic: Boolean(Reflect.getMetadata(IS_PUBLIC, fn) ?? Reflect.getMetadata(IS_PUBLIC, type)),
          roles: Reflect.getMetadata(ROLES_KEY, fn) ?? Reflect.getMetadata(ROLES_KEY, type),
          status: Reflect.getMetadata(HTTP_CODE_METADATA, fn) ?? (method === 'post' ? 201 : 200),
        });
      }
    }
  }
  return routes;
}

function* walk(node: unknown, path: string[] = []): Generator<{ node: Json; path: string[] }> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* walk(v, [...path, String(i)]);
  } else if (node && typeof node === 'object') {
    yield { node: node as Json, path };
    for (const [k, v] of Object.entries(node)) yield* walk(v, [...path, k]);
  }
}

describe('the OpenAPI document', () => {
  let dir: string;
  let app: INestApplication;
  let doc: OpenAPIObject;
  let routes: Route[];
  const op = (r: Route): Json => (doc.paths[r.path] as Json)?.[r.method];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'geres-openapi-spec-'));
    const config = loadConfig({ GERES_SANDBOX: 'true', SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent', JWT_SIGNING_KEY_FILE: join(dir, 'jwt.pem') });
    app = await createGatewayApp(config, { createSchema: true });
    doc = buildOpenApiDocument(app);
    routes = routesOf(app);
  });

  afterAll(async () => {
    if (app) await closeGatewayApp(app);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is OpenAPI 3.1.0 with servers, security schemes and tags', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(OPENAPI_VERSION).toBe('3.1.0');
    expect(doc.servers?.map((s) => s.url)).toEqual(['http://127.0.0.1:3000', 'https://geres.example.invalid']);
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(['bearerAuth', 'clientCredentials']);
    expect(doc.tags?.map((t) => t.name)).toEqual(API_TAGS.map((t) => t.name));
  });

  it('lists every problem type in the description', () => {
    for (const t of Object.keys(PROBLEM_TYPES) as Array<keyof typeof PROBLEM_TYPES>) expect(doc.info.description).toContain(problemTypeUri(t));
  });

  it('has every route of the application, and nothing else', () => {
    expect(routes.length).toBeGreaterThan(30);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item as Json)
        .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
  });

  it('names each operation after its controller method, uniquely', () => {
    const ids = routes.map((r) => op(r)?.operationId);
    for (const r of routes) expect(`${r.controller}.${r.handler}: ${op(r)?.operationId}`).toBe(`${r.controller}.${r.handler}: ${r.handler}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every operation a summary, a description and a declared tag', () => {
    const tags = new Set(API_TAGS.map((t) => t.name));
    for (const r of routes) {
      const o = op(r);
      expect([r.handler, Boolean(o.summary), Boolean(o.description)]).toEqual([r.handler, true, true]);
      expect([r.handler, o.tags?.length ?? 0]).toEqual([r.handler, 1]);
      expect([r.handler, tags.has(o.tags[0])]).toEqual([r.handler, true]);
    }
  });

  it('documents the success status each handler really answers with, and only that one', () => {
    for (const r of routes) {
      const success = Object.keys(op(r).responses).filter((s) => s.startsWith('2'));
      expect([r.handler, success]).toEqual([r.handler, [String(r.status)]]);
    }
  });

  it('secures every protected operation and documents its 401 and 403 problems; public ones need no token', () => {
    for (const r of routes) {
      const o = op(r);
      if (r.isPublic) {
        expect([r.handler, o.security]).toEqual([r.handler, undefined]);
        continue;
      }
      expect([r.handler, o.security]).toEqual([r.handler, expect.arrayContaining([{ [BEARER_SCHEME]: [] }])]);
      for (const status of ['401', '403']) {
        expect([r.handler, status, o.responses[status]?.content?.[PROBLEM_MEDIA_TYPE]?.schema]).toEqual([r.handler, status, { $ref: '#/components/schemas/Problem' }]);
      }
      const headers = (o.parameters ?? []).map((p: Json) => p.$ref);
      expect([r.handler, headers]).toEqual([r.handler, expect.arrayContaining(['#/components/parameters/OperatorHeader', '#/components/parameters/WorkstationHeader', '#/components/parameters/DeviceTokenHeader'])]);
    }
  });

  it('documents the role check of role-restricted operations', () => {
    for (const r of routes.filter((x) => x.roles)) {
      const o = op(r);
      expect([r.handler, o.description]).toEqual([r.handler, expect.stringContaining(`Roles: ${r.roles!.join(', ')}.`)]);
      expect([r.handler, Object.keys(o.responses['403'].content[PROBLEM_MEDIA_TYPE].examples)]).toEqual([r.handler, expect.arrayContaining(['forbidden'])]);
    }
  });

  it('serves problems as application/problem+json only, and X-Request-Id everywhere', () => {
    for (const r of routes) {
      const o = op(r);
      expect([r.handler, (o.parameters ?? []).some((p: Json) => p.$ref === '#/components/parameters/RequestIdHeader')]).toEqual([r.handler, true]);
      for (const [status, response] of Object.entries<Json>(o.responses)) {
        expect([r.handler, status, response.headers?.['X-Request-Id']]).toEqual([r.handler, status, { $ref: '#/components/headers/RequestId' }]);
        if (Number(status) >= 400) expect([r.handler, status, Object.keys(response.content)]).toEqual([r.handler, status, [PROBLEM_MEDIA_TYPE]]);
      }
    }
  });

  it('uses no OpenAPI 3.0 `nullable`, and every $ref resolves', () => {
    const resolve = (ref: string) => ref.slice(2).split('/').reduce<any>((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    for (const { node, path } of walk(doc)) {
      expect([path.join('.'), 'nullable' in node]).toEqual([path.join('.'), false]);
      if (typeof node.$ref === 'string') expect([node.$ref, resolve(node.$ref) !== undefined]).toEqual([node.$ref, true]);
    }
  });

  it('has its keys sorted at every depth, so that diffs are stable', () => {
    for (const { node, path } of walk(doc)) {
      const keys = Object.keys(node);
      expect([path.join('.'), keys]).toEqual([path.join('.'), [...keys].sort()]);
    }
    expect(serialiseOpenApi(doc).endsWith('}\n')).toBe(true);
  });
});

// Compile-time (npm run typecheck): each handler returns exactly the members of the schema its
// decorators document. Mappers are typed too, which covers the nested objects.
type Returns<C, M extends keyof C> = C[M] extends (...args: any[]) => infer R ? Awaited<R> : never;
type Mirrors<Actual, Documented> = Actual extends Documented
  ? [Exclude<keyof Actual, keyof Documented> | Exclude<keyof Documented, keyof Actual>] extends [never]
    ? true
    : false
  : false;
type Assert<T extends true> = T;

export type ResponseConformance = [
  Assert<Mirrors<Returns<AuthController, 'login'>, TokenPair>>,
  Assert<Mirrors<Returns<AuthController, 'refreshToken'>, TokenPair>>,
  Assert<Mirrors<Returns<AuthController, 'issueApplicationToken'>, ClientCredentialsToken>>,
  Assert<Mirrors<Returns<AuthController, 'getMe'>, Me>>,
  Assert<Mirrors<Returns<ComuniController, 'getComune'>, ComuneView>>,
  Assert<Mirrors<Returns<ComuniController, 'updateComuneSettings'>, ComuneView>>,
  Assert<Mirrors<Returns<EntiController, 'listEnti'>, EnteList>>,
  Assert<Mirrors<Returns<EntiController, 'createEnte'>, EnteView>>,
  Assert<Mirrors<Returns<EntiController, 'getEnte'>, EnteView>>,
  Assert<Mirrors<Returns<EntiController, 'updateEnte'>, EnteView>>,
  Assert<Mirrors<Returns<EntiController, 'createConvenzione'>, ConvenzioneView>>,
  Assert<Mirrors<Returns<EntiController, 'endConvenzione'>, ConvenzioneView>>,
  Assert<Mirrors<Returns<UsersController, 'listUsers'>, UserPage>>,
  Assert<Mirrors<Returns<UsersController, 'createUser'>, UserView>>,
  Assert<Mirrors<Returns<UsersController, 'importUsers'>, UserImportResult>>,
  Assert<Mirrors<Returns<UsersController, 'getUser'>, UserView>>,
  Assert<Mirrors<Returns<UsersController, 'updateUser'>, UserView>>,
  Assert<Mirrors<Returns<UsersController, 'getUserProfile'>, ProfileView>>,
  Assert<Mirrors<Returns<UsersController, 'setUserProfile'>, ProfileView>>,
  Assert<Mirrors<Returns<ApplicationsController, 'listApplications'>, ApplicationList>>,
  Assert<Mirrors<Returns<ApplicationsController, 'createApplication'>, ApplicationWithSecret>>,
  Assert<Mirrors<Returns<ApplicationsController, 'getApplication'>, ApplicationView>>,
  Assert<Mirrors<Returns<ApplicationsController, 'rotateApplicationSecret'>, ApplicationWithSecret>>,
  Assert<Mirrors<Returns<ApplicationsController, 'revokeApplicationSecret'>, ApplicationView>>,
  Assert<Mirrors<Returns<ApplicationsController, 'revokeApplication'>, ApplicationView>>,
  Assert<Mirrors<Returns<ApplicationsController, 'setApplicationOperators'>, ApplicationView>>,
  Assert<Mirrors<Returns<WorkstationsController, 'listWorkstations'>, WorkstationList>>,
  Assert<Mirrors<Returns<WorkstationsController, 'createWorkstation'>, WorkstationCreated>>,
  Assert<Mirrors<Returns<WorkstationsController, 'updateWorkstation'>, WorkstationView>>,
  Assert<Mirrors<Returns<AuditController, 'searchAuditEvents'>, AuditEventPage>>,
  Assert<Mirrors<Returns<AuditController, 'verifyAuditTrail'>, AuditVerification>>,
  Assert<Mirrors<Returns<AuditController, 'searchAccessLog'>, AccessLogPage>>,
  Assert<Mirrors<Returns<AuditController, 'listMyHistory'>, AuditEventPage>>,
  Assert<Mirrors<Returns<AuditController, 'listMyAccessLog'>, AccessLogPage>>,
];
