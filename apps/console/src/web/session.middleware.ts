import type { NextFunction, Response } from 'express';
import type { SessionService } from '../session/session.service.js';
import { sessionCookieName, type ConsoleRequest } from './http.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A form or htmx request without the session's synchronizer token. */
export class CsrfError extends Error {
  constructor() {
    super('CSRF token missing or wrong');
  }
}

/**
 * Loads the browser's session (if any) before the routes run, and refuses every unsafe request
 * whose CSRF token (form field `_csrf` or header `X-CSRF-Token`) is not the session's.
 */
export function sessionMiddleware(sessions: SessionService, secureCookies: boolean) {
  const cookie = sessionCookieName(secureCookies);
  return (req: ConsoleRequest, _res: Response, next: NextFunction) => {
    (async () => {
      const { session, idle } = await sessions.load(req.cookies?.[cookie]);
      req.consoleSession = session;
      req.sessionIdle = idle;
      if (UNSAFE.has(req.method)) {
        const token = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
        if (!sessions.checkCsrf(session, token)) throw new CsrfError();
      }
    })().then(() => next(), next);
  };
}
