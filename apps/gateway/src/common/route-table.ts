import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';

/** swagger's key for @ApiConsumes: the media types a route declares in the OpenAPI document. */
const API_CONSUMES = 'swagger/apiConsumes';

/**
 * What the edge checks need to know about a route before Nest routes the request: its path
 * parameters (to name them in errors), the media types its body may have, and whether it reads a
 * body or a query string at all. Read from the controllers' own decorators, so a new route is
 * covered without being listed anywhere.
 */
export interface RouteInfo {
  method: string;
  /** e.g. `/v1/users/:id` */
  path: string;
  segments: string[];
  /** Media types its body may have; a route that declares none takes JSON. */
  consumes: string[];
  /** It reads a body (@Body, or the raw request with a declared media type). */
  takesBody: boolean;
  /** It reads query parameters (@Query). */
  takesQuery: boolean;
}

export interface RouteMatch {
  route: RouteInfo;
  /** Path parameters as sent, still percent-encoded. */
  rawParams: Record<string, string>;
}

const join = (...parts: string[]) => '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');

export class RouteTable {
  private constructor(readonly routes: RouteInfo[]) {}

  static fromApp(app: INestApplication): RouteTable {
    const routes: RouteInfo[] = [];
    for (const mod of app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const ctrl = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!ctrl) continue;
        const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
        for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
          const handler = ctrl.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (paths === undefined || method === undefined) continue;
          const args = Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, ctrl, name) ?? {}).map((k) => Number(k.split(':')[0]));
          const consumes = (Reflect.getMetadata(API_CONSUMES, handler) as string[] | undefined) ?? [];
          for (const b of base) {
            for (const p of ([] as string[]).concat(paths)) {
              const path = join(b, p);
              routes.push({
                method: RequestMethod[method],
                path,
                segments: path.split('/').slice(1),
                consumes: consumes.length ? consumes : ['application/json'],
                takesBody: args.includes(RouteParamtypes.BODY) || (consumes.length > 0 && args.includes(RouteParamtypes.REQUEST)),
                takesQuery: args.includes(RouteParamtypes.QUERY),
              });
            }
          }
        }
      }
    }
    return new RouteTable(routes);
  }

  /** The route Express will pick (literal segments first, case-insensitive as Express routes), or none. */
  match(method: string, path: string): RouteMatch | undefined {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const parts = path.split('/').slice(1);
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    let best: RouteMatch | undefined;
    let bestLiterals = -1;
    for (const route of this.routes) {
      if ((route.method !== wanted && route.method !== 'ALL') || route.segments.length !== parts.length) continue;
      const rawParams: Record<string, string> = {};
      let literals = 0;
      const ok = route.segments.every((seg, i) => {
        if (seg.startsWith(':')) {
          rawParams[seg.slice(1)] = parts[i];
          return parts[i] !== '';
        }
        literals++;
        return seg.toLowerCase() === parts[i].toLowerCase();
      });
      if (ok && literals > bestLiterals) {
        best = { route, rawParams };
        bestLiterals = literals;
      }
    }
    return best;
  }
}
