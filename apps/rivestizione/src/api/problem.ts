import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';

/**
 * RFC 9457 problem types of the rivestizione API. Types shared with the gateway keep its names
 * (same `urn:geres:problem:` prefix), so the SDKs map them to the same error classes.
 */
export const RIV_PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  'invalid-token': { status: 401, title: 'The token is not valid' },
  forbidden: { status: 403, title: 'This action is outside your area' },
  'forbidden-by-profile': { status: 403, title: 'Your profile does not allow this request' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  'file-expired': { status: 410, title: 'The file was deleted at the end of its retention period' },
  'payload-too-large': { status: 413, title: 'The input is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'input-rejected': { status: 422, title: 'The input cannot be read as a whole; nothing was imported' },
  'invalid-rows': { status: 422, title: 'Some rows are not valid; fix them or submit only the valid ones' },
  'too-many-rows': { status: 422, title: 'The input has more rows than allowed' },
  'service-unavailable': { status: 503, title: 'A dependency is unavailable' },
  'internal-error': { status: 500, title: 'Internal error' },
} as const;

export type RivProblemType = keyof typeof RIV_PROBLEM_TYPES;
export const PROBLEM_PREFIX = 'urn:geres:problem:';

export class RivProblem extends HttpException {
  constructor(
    readonly problemType: RivProblemType,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? RIV_PROBLEM_TYPES[problemType].title, RIV_PROBLEM_TYPES[problemType].status);
  }
}

export const rivProblem = (type: RivProblemType, detail?: string, extensions?: Record<string, unknown>) => new RivProblem(type, detail, extensions);

const BY_STATUS: Record<number, RivProblemType> = { 400: 'validation-failed', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 413: 'payload-too-large', 415: 'unsupported-media-type' };

/** Every error as application/problem+json; a fault of ours is a 500 whose detail says nothing of its cause. */
@Catch()
export class RivProblemFilter implements ExceptionFilter {
  constructor(private readonly log: (e: unknown) => void = () => {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    let type: RivProblemType;
    let detail: string | undefined;
    let ext: Record<string, unknown> = {};
    if (exception instanceof RivProblem) {
      type = exception.problemType;
      detail = exception.detail;
      ext = exception.extensions;
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      type = BY_STATUS[status] ?? 'validation-failed';
      const body = exception.getResponse() as { message?: unknown };
      const messages = Array.isArray(body?.message) ? (body.message as string[]) : undefined;
      detail = messages ? messages.join('; ') : typeof body?.message === 'string' ? body.message : undefined;
      if (messages) ext = { errors: messages.map((m) => ({ field: m.split(' ')[0], message: m })) };
      // Body parsers and multer say "entity too large" / "File too large" with their own status.
      if (status === 413) detail = 'The input is larger than allowed';
    } else {
      this.log(exception);
      type = 'internal-error';
    }
    const { status, title } = RIV_PROBLEM_TYPES[type];
    res
      .status(status)
      .type('application/problem+json')
      .send(JSON.stringify({ type: `${PROBLEM_PREFIX}${type}`, title, status, ...(detail ? { detail } : {}), instance: req.originalUrl?.split('?')[0], ...ext }));
  }
}
