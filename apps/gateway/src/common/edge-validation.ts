import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { problem, type ProblemException } from './problem.js';
import type { RouteMatch, RouteTable } from './route-table.js';
import { printableField, textFault } from './validation.js';

/**
 * The edge of the gateway: what every request passes before authentication, guards, audit or any
 * service sees it. It refuses, as one problem document naming every field at fault:
 * - a body of a media type the route does not take (415), or too large (413), or not parseable (400);
 * - any text that cannot be stored and hashed as it is (NUL and other control characters, lone
 *   UTF-16 surrogates) in the body, the query, the path parameters and the headers the gateway reads;
 * - `null` anywhere in a JSON body (no field of the API takes it: leave an optional field out),
 *   numbers that are not finite or lie beyond ±(2^53−1), and JSON bodies that are not objects;
 * - a body or a query string sent to a route that reads none (an unknown field, like any other).
 * Types, required fields and formats are then the request DTOs' job (GatewayValidationPipe).
 */

export interface FieldError {
  field: string;
  message: string;
}

/** Headers the gateway reads, with the longest value that can be meant (the audit trail stores some). */
export const READ_HEADERS: Record<string, number> = {
  'X-GeRes-Operator': 80,
  'X-GeRes-Workstation': 40,
  'X-GeRes-Device-Token': 200,
  'Idempotency-Key': 128,
  'X-Request-Id': 200,
};

export const BODY_LIMITS = { json: '100kb', form: '100kb', csv: '5mb' } as const;

const MAX_DEPTH = 32;

/** One fault: the message names the field, as class-validator's messages do. */
const fieldError = (field: string, text: string): FieldError => ({ field, message: `${field} ${text}` });

export const fieldProblem = (errors: FieldError[]): ProblemException =>
  problem('validation-failed', errors.map((e) => e.message).join('; '), { errors });

/** Faults of a parsed JSON body: not an object, nulls, numbers out of range, text that cannot be stored. */
export function jsonBodyFaults(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [fieldError('body', 'must be a JSON object')];
  }
  const walk = (value: unknown, field: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      errors.push(fieldError(field, `is nested more than ${MAX_DEPTH} levels deep`));
      return;
    }
    if (value === null) {
      errors.push(fieldError(field, 'must not be null (leave an optional field out instead)'));
    } else if (typeof value === 'string') {
      const fault = textFault(value, true);
      if (fault) errors.push(fieldError(field, fault));
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) errors.push(fieldError(field, 'must be a finite number'));
      else if (Math.abs(value) > Number.MAX_SAFE_INTEGER) errors.push(fieldError(field, `must lie between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${field}.${i}`, depth + 1));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const name = field ? `${field}.${printableField(key)}` : printableField(key);
        const fault = textFault(key, false);
        if (fault) errors.push(fieldError(name, `is not a known field (its name ${fault})`));
        else walk(item, name, depth + 1);
      }
    }
  };
  walk(body, '', 0);
  return errors;
}

/** Every string in a parsed query value (a string, an array when repeated, an object with `a[b]=`). */
const leaves = (value: unknown, depth = 0): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' && depth < MAX_DEPTH ? Object.entries(value).flatMap(([k, v]) => [k, ...leaves(v, depth + 1)]) : [];

/** Faults of query parameters (strings, or arrays of them when repeated). */
export function queryFaults(query: Record<string, unknown>, takesQuery: boolean): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(query)) {
    const field = printableField(key);
    if (!takesQuery) {
      errors.push(fieldError(field, 'is not a known query parameter of this operation'));
      continue;
    }
    const fault = textFault(key, false) ?? leaves(value).map((v) => textFault(v, false)).find(Boolean);
    if (fault) errors.push(fieldError(field, fault));
  }
  return errors;
}

/**
 * Names in a query string or form body whose percent-encoding is not UTF-8 (`%ED%A0%80`, `%E0%A4%A`):
 * the parser would silently turn them into U+FFFD, so what is stored would differ from what was sent.
 */
export function percentFaults(raw: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const [key, value] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    const decode = (x: string) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return undefined;
      }
    };
    const name = decode(key);
    if (name === undefined || decode(value) === undefined) errors.push(fieldError(printableField(name ?? key), 'is not valid percent-encoded UTF-8'));
  }
  return errors;
}

/** Faults of the path parameters of the matched route, decoded as Express will decode them. */
export function pathFaults(rawParams: Record<string, string>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, raw] of Object.entries(rawParams)) {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      errors.push(fieldError(name, 'is not valid percent-encoded UTF-8'));
      continue;
    }
    const fault = textFault(value, false);
    if (fault) errors.push(fieldError(name, fault));
  }
  return errors;
}

/** Faults of the headers the gateway reads. */
export function headerFaults(header: (name: string) => string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, max] of Object.entries(READ_HEADERS)) {
    const value = header(name);
    if (value === undefined) continue;
    const fault = textFault(value, false) ?? (value.length > max ? `is longer than ${max} characters` : undefined);
    if (fault) errors.push(fieldError(name, fault));
  }
  return errors;
}

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

const mediaType = (req: Request) => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

class NotText extends Error {}

/** Bytes that are not UTF-8 would be decoded to U+FFFD: refused, like a lone surrogate. */
const utf8Only = (_req: unknown, _res: unknown, buf: Buffer) => {
  if (!isUtf8(buf)) throw new NotText('The body is not valid UTF-8');
};

/** The form's text, kept to check its percent-encoding (the parser decodes it leniently). */
const rawForms = new WeakMap<Request, string>();
const utf8Form = (req: Request, res: unknown, buf: Buffer) => {
  utf8Only(req, res, buf);
  rawForms.set(req, buf.toString());
};

const PARSERS: Record<string, RequestHandler> = {
  'application/json': express.json({ limit: BODY_LIMITS.json, type: 'application/json', verify: utf8Only }),
  'application/x-www-form-urlencoded': express.urlencoded({ limit: BODY_LIMITS.form, extended: false, type: 'application/x-www-form-urlencoded', verify: utf8Form }),
  'text/csv': express.text({ limit: BODY_LIMITS.csv, type: 'text/csv', verify: utf8Only }),
};

/** body-parser's errors (http-errors with a `type`) as the API's problem documents. */
function parserProblem(e: unknown): ProblemException {
  const err = typeof e === 'object' && e !== null ? (e as { type?: unknown; limit?: unknown; charset?: unknown }) : undefined;
  if (e instanceof NotText || err?.type === 'entity.verify.failed') return fieldProblem([fieldError('body', 'is not valid UTF-8')]);
  switch (err?.type) {
    case 'entity.too.large':
      return problem('payload-too-large', `The body exceeds the limit of ${err.limit} bytes`);
    case 'entity.parse.failed':
      return problem('bad-request', 'The request body is not valid JSON');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return problem('unsupported-media-type', 'Send the body as UTF-8, without a content encoding');
    default:
      return problem('bad-request', 'The request body could not be read');
  }
}

/**
 * The edge middleware. `routes` is read at the first request, when Nest has registered every
 * controller. It replaces Nest's own body parsers (the app is created with bodyParser: false).
 */
export function edgeValidation(routes: () => RouteTable): RequestHandler {
  let table: RouteTable | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    table ??= routes();
    const match: RouteMatch | undefined = table.match(req.method, req.path);
    const errors = [...headerFaults((n) => req.header(n)), ...(match ? pathFaults(match.rawParams) : [])];
    const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    errors.push(...queryFaults(req.query as Record<string, unknown>, match ? match.route.takesQuery : true), ...percentFaults(rawQuery));

    if (!hasBody(req)) {
      req.body = undefined;
      return next(errors.length ? fieldProblem(errors) : undefined);
    }
    const accepted = match?.route.consumes ?? ['application/json'];
    const type = mediaType(req);
    if (!accepted.includes(type)) {
      return next(problem('unsupported-media-type', `Send the body as ${accepted.join(' or ')}${type ? `, not ${type}` : ''}`));
    }
    PARSERS[type](req, res, (err?: unknown) => {
      if (err) return next(parserProblem(err));
      if (type === 'application/x-www-form-urlencoded') errors.push(...percentFaults(rawForms.get(req) ?? ''));
      if (type === 'text/csv') {
        const lines = String(req.body ?? '').split('\n');
        const at = lines.findIndex((l) => textFault(l, true));
        if (at >= 0) errors.push(fieldError('body', `line ${at + 1} ${textFault(lines[at], true)}`));
      } else {
        const faults = jsonBodyFaults(req.body);
        if (!faults.length && match && !match.route.takesBody) {
          for (const key of Object.keys(req.body)) errors.push(fieldError(printableField(key), 'is not a known field (this operation takes no body)'));
        }
        errors.push(...faults);
      }
      next(errors.length ? fieldProblem(errors) : undefined);
    });
  };
}
