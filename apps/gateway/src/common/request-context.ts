import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Accepts a caller's X-Request-Id when it is sane, otherwise makes one; echoes it on the response. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction) {
  const given = req.header('x-request-id');
  const id = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  (req as { id?: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/** The id requestIdMiddleware gave this request (undefined before it ran). */
export function requestIdOf(req: IncomingMessage): string | undefined {
  const id: unknown = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
