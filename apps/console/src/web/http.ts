import type { Request, Response } from 'express';
import type { GeResApi } from '../../../../sdk/src/index.js';
import type { ConsoleSession } from '../session/session.store.js';

/** A request as the console's middleware leaves it. */
export interface ConsoleRequest extends Request {
  consoleSession?: ConsoleSession;
  /** The session existed but ended for inactivity. */
  sessionIdle?: boolean;
  /** The SDK acting with the person's access token (set by the auth guard). */
  gatewayApi?: GeResApi;
}

export const isHtmx = (req: Request) => req.get('hx-request') === 'true';

/** The session id cookie: host-only and Secure (`__Host-`) outside the sandbox. */
export function sessionCookieName(secure: boolean) {
  return secure ? '__Host-geres_console' : 'geres_console';
}

export function setSessionCookie(res: Response, session: ConsoleSession, secure: boolean) {
  res.cookie(sessionCookieName(secure), session.id, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookie(res: Response, secure: boolean) {
  res.clearCookie(sessionCookieName(secure), { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** Sends the browser to another page: a redirect, or for htmx an HX-Redirect it follows itself. */
export function redirect(req: Request, res: Response, to: string) {
  if (isHtmx(req)) {
    res.set('HX-Redirect', to).status(204).end();
    return;
  }
  res.redirect(303, to);
}

/** Query-string values as plain trimmed strings (repeated parameters keep the first). */
export function q(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** Form values that may be repeated (checkbox groups) as an array of strings. */
export function many(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export function positiveInt(value: unknown, fallback: number, max = 1_000_000): number {
  const n = Number(q(value));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}
