import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ValidationError } from 'class-validator';
import { PROBLEM_TYPES, ProblemException, problem, problemTypeUri, type ProblemType } from './problem.js';
import { logger } from './logger.js';

const STATUS_TO_TYPE: Record<number, ProblemType> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  503: 'service-unavailable',
};

/** Flattens class-validator's tree into `errors: [{ field, message }]`, fields as dotted paths. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const out: Array<{ field: string; message: string }> = [];
  const walk = (list: ValidationError[], prefix: string) => {
    for (const e of list) {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      for (const [rule, message] of Object.entries(e.constraints ?? {})) {
        out.push({ field, message: rule === 'whitelistValidation' ? `${field} is not a known field` : message });
      }
      if (e.children?.length) walk(e.children, field);
    }
  };
  walk(errors, '');
  return problem('validation-failed', out.map((e) => e.message).join('; '), { errors: out });
}

/** Renders every error as application/problem+json carrying the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const requestId = (req as any).id as string | undefined;
    let type: ProblemType;
    let detail: string | undefined;
    let extensions: Record<string, unknown> = {};
    let status: number;

    if (exception instanceof ProblemException) {
      type = exception.problemType;
      detail = exception.detail;
      extensions = exception.extensions;
      status = exception.getStatus();
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse() as any;
      const messages = Array.isArray(body?.message) ? body.message : undefined;
      if (status === HttpStatus.BAD_REQUEST && messages) {
        type = 'validation-failed';
        detail = messages.join('; ');
        extensions = { errors: messages.map((m: string) => ({ field: m.split(' ')[0], message: m })) };
      } else {
        type = STATUS_TO_TYPE[status] ?? (status >= 500 ? 'internal-error' : 'bad-request');
        detail = typeof body?.message === 'string' ? body.message : exception.message;
      }
    } else if ((exception as any)?.type === 'entity.too.large') {
      status = 413;
      type = 'payload-too-large';
      detail = `The body exceeds the limit of ${(exception as any).limit} bytes`;
    } else if ((exception as any)?.type === 'entity.parse.failed') {
      status = 400;
      type = 'bad-request';
      detail = 'The request body is not valid JSON';
    } else {
      status = 500;
      type = 'internal-error';
      detail = 'An unexpected error occurred; quote the request id when reporting it';
      logger.error({ err: exception, requestId }, 'unhandled error');
    }

    if (typeof extensions.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(extensions.retryAfterSeconds));
    res
      .status(status)
      .type('application/problem+json')
      .json({
        type: problemTypeUri(type),
        title: PROBLEM_TYPES[type].title,
        status,
        detail,
        instance: req.originalUrl?.split('?')[0],
        requestId,
        ...extensions,
      });
  }
}
