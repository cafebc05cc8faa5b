import { Catch, HttpException, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GeResError } from '../../../../sdk/src/index.js';
import { SessionEndedError, type SessionService } from '../session/session.service.js';
import { PasswordChangeRequired } from './auth.guard.js';
import { clearSessionCookie, redirect, type ConsoleRequest } from './http.js';
import { describeError } from './messages.js';
import { CsrfError } from './session.middleware.js';
import { SESSIONS } from './tokens.js';
import type { Views } from './views.js';

/**
 * Every error becomes a page in Italian: an ended session goes back to the login, a forced password
 * change to its page, and the gateway's refusals are shown with the request id to quote.
 */
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('console');

  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
    private readonly secureCookies: boolean,
  ) {}

  async catch(e: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<ConsoleRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    try {
      await this.handle(e, req, res);
    } catch (inner) {
      this.log.error(`error page failed: ${(inner as Error).name}`);
      if (!res.headersSent) res.status(500).type('text/plain').send('Errore interno della console.');
    }
  }

  private async handle(e: unknown, req: ConsoleRequest, res: Response) {
    if (e instanceof SessionEndedError || (e instanceof GeResError && (e.problemName === 'invalid-token' || e.problemName === 'unauthenticated'))) {
      if (req.consoleSession) await this.sessions.logout(req.consoleSession);
      clearSessionCookie(res, this.secureCookies);
      const ended = e instanceof SessionEndedError ? e.reason !== 'missing' : true;
      // Back to the same page after the login, without its query string (filters may name a person).
      const back = req.method === 'GET' && !req.get('hx-request') && req.path !== '/' ? `&dopo=${encodeURIComponent(req.path)}` : '';
      return redirect(req, res, ended ? `/accedi?scaduta=1${back}` : `/accedi${back ? `?${back.slice(1)}` : ''}`);
    }
    if (e instanceof GeResError && e.problemName === 'account-suspended') {
      // Suspended while logged in: the session ends at once, as the gateway's grants do.
      if (req.consoleSession) await this.sessions.logout(req.consoleSession);
      clearSessionCookie(res, this.secureCookies);
      return redirect(req, res, '/accedi?sospeso=1');
    }
    if (e instanceof PasswordChangeRequired || (e instanceof GeResError && e.problemName === 'password-change-required')) {
      if (req.consoleSession?.auth) {
        req.consoleSession.auth.passwordChangeRequired = true;
        await this.sessions.save(req.consoleSession);
      }
      return redirect(req, res, '/password');
    }
    if (e instanceof CsrfError) {
      return this.views.page(req, res, 'error', {
        title: 'Richiesta non valida',
        message: 'La pagina da cui proviene la richiesta è scaduta o non è stata aperta da questa console. Torna indietro, ricarica la pagina e riprova.',
      }, 403);
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      return this.views.page(req, res, 'error', {
        title: status === 404 ? 'Pagina non trovata' : 'Richiesta non valida',
        message: status === 404 ? 'La pagina richiesta non esiste.' : 'La richiesta non può essere eseguita.',
      }, status);
    }
    if (!(e instanceof GeResError)) this.log.error(`unexpected error: ${(e as Error)?.name}: ${(e as Error)?.message}`);
    const shown = describeError(e);
    const title = shown.status === 403 ? 'Accesso non consentito' : shown.status === 404 ? 'Non trovato' : 'Operazione non riuscita';
    // The header needs the person's name from the gateway; when the gateway is the problem, skip it.
    if (shown.status >= 500) req.gatewayApi = undefined;
    return this.views.page(req, res, 'error', { title, message: shown.message, details: shown.details, requestId: shown.requestId }, shown.status);
  }
}
