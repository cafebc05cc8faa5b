import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { PROBLEM_PREFIX, VISURE_PROBLEMS, VisureProblem, type VisureProblemType } from './problem.js';

const BY_STATUS: Record<number, VisureProblemType> = { 400: 'validation-failed', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 429: 'rate-limited' };

/** Every error leaves as application/problem+json; unexpected ones as a logged 500 without details. */
@Catch()
export class VisureProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('visure');
  catch(e: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    let type: VisureProblemType;
    let detail: string;
    let ext: Record<string, unknown> = {};
    if (e instanceof VisureProblem) {
      type = e.problemType;
      detail = e.detail;
      ext = e.extensions;
    } else if (e instanceof HttpException) {
      type = BY_STATUS[e.getStatus()] ?? (e.getStatus() >= 500 ? 'internal-error' : 'validation-failed');
      const r = e.getResponse();
      const msg = typeof r === 'object' && r && 'message' in r ? (r as { message: unknown }).message : e.message;
      detail = Array.isArray(msg) ? msg.join('; ') : String(msg);
    } else {
      // The error's name only: a message may carry personal data.
      this.log.error(`unexpected ${(e as Error)?.name ?? typeof e}`);
      type = 'internal-error';
      detail = 'Errore interno del servizio visure';
    }
    const { status, title } = VISURE_PROBLEMS[type];
    if (typeof ext.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(ext.retryAfterSeconds));
    res.status(status).type('application/problem+json').send(JSON.stringify({ type: PROBLEM_PREFIX + type, title, status, detail, ...ext }));
  }
}
