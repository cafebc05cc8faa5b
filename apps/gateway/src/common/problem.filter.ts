import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ValidationError } from 'class-validator';
import { PROBLEM_TYPES, ProblemException, problem, problemTypeUri, type ProblemType } from './problem.js';
import { logger } from './logger.js';
import { requestIdOf } from './request-context.js';

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

/** What the filter decided about an error, for observers that record refusals (e.g. the lookup's audit). */
export interface RenderedProblem {
  status: number;
  type: ProblemType;
  detail?: string;
}

export interface ProblemObserver {
  /** Called before the answer is sent; the answer waits for the returned promise (errors are logged, never answered). */
  observe(req: Request, exception: unknown, problem: RenderedProblem): Promise<void> | void;
}

/**
 * Renders every error as application/problem+json carrying the request id. An error that is not
 * a known HTTP error is a fault of ours: it is logged with the request id and answered as a 500
 * `internal-error` whose detail never carries the error's own message.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly observers: ProblemObserver[] = []) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const requestId = requestIdOf(req);
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
      const body = exception.getResponse() as { message?: unknown } | string;
      const message = typeof body === 'object' ? body.message : undefined;
      const messages = Array.isArray(message) ? (message as string[]) : undefined;
      if (status === HttpStatus.BAD_REQUEST && messages) {
        type = 'validation-failed';
        detail = messages.join('; ');
        extensions = { errors: messages.map((m: string) => ({ field: m.split(' ')[0], message: m })) };
      } else if (status >= 500) {
        // A 5xx that is not a ProblemException was not worded for callers: it may hold internals.
        type = STATUS_TO_TYPE[status] ?? 'internal-error';
        detail = 'An unexpected error occurred; quote the request id when reporting it';
        logger.error({ err: exception, requestId }, 'server error');
      } else {
        type = STATUS_TO_TYPE[status] ?? 'bad-request';
        detail = typeof message === 'string' ? message : exception.message;
      }
    } else if (parserError(exception)?.type === 'entity.too.large') {
      status = 413;
      type = 'payload-too-large';
      detail = `The body exceeds the limit of ${parserError(exception)!.limit} bytes`;
    } else if (parserError(exception)?.type === 'entity.parse.failed') {
      status = 400;
      type = 'bad-request';
      detail = 'The request body is not valid JSON';
    } else {
      status = 500;
      type = 'internal-error';
      detail = 'An unexpected error occurred; quote the request id when reporting it';
      logger.error({ err: exception, requestId }, 'unhandled error');
    }

    const send = () => {
      if (res.headersSent) return;
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
    };
    if (!this.observers.length) return send();
    const rendered: RenderedProblem = { status, type, detail };
    void Promise.all(
      this.observers.map(async (o) => {
        try {
          await o.observe(req, exception, rendered);
        } catch (err) {
          logger.error({ err, requestId }, 'recording an error response failed');
        }
      }),
    ).then(send);
  }
}

/** body-parser's errors are http-errors with a `type` (and, for a body too large, the `limit`). */
function parserError(e: unknown): { type?: unknown; limit?: unknown } | undefined {
  return typeof e === 'object' && e !== null ? (e as { type?: unknown; limit?: unknown }) : undefined;
}
