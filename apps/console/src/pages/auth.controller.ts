import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GeResError } from '../../../../sdk/src/index.js';
import type { ConsoleConfig } from '../config.js';
import type { SessionService } from '../session/session.service.js';
import { AllowedDuringPasswordChange, Public } from '../web/auth.guard.js';
import { clearSessionCookie, q, setSessionCookie, type ConsoleRequest } from '../web/http.js';
import { describeError } from '../web/messages.js';
import { CONSOLE_CONFIG, SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

/** Only a path of this console: never another site (open redirect). */
function safeNext(value: unknown): string {
  const v = q(value);
  return v && /^\/(?![/\\])[\w\-./?=&%]*$/.test(v) && !v.startsWith('/accedi') ? v : '/';
}

@Controller()
export class AuthController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  @Public()
  @Get('accedi')
  async showLogin(@Req() req: ConsoleRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    if (req.consoleSession?.auth) return res.redirect(303, '/');
    const session = req.consoleSession ?? (await this.sessions.open());
    req.consoleSession = session;
    setSessionCookie(res, session, this.config.secureCookies);
    const notice = q(query.scaduta)
      ? 'La sessione è scaduta per inattività o non è più valida: accedi di nuovo.'
      : q(query.sospeso)
        ? 'L\'account è stato sospeso: la sessione è terminata. Rivolgiti al tuo amministratore.'
        : q(query.uscito)
          ? 'Sei uscito dalla console.'
          : undefined;
    return this.views.page(req, res, 'login', { title: 'Accedi', notice, next: safeNext(query.dopo), idleMinutes: this.config.idleTimeoutSeconds / 60 });
  }

  @Public()
  @Post('accedi')
  async login(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const username = q(body.username) ?? '';
    const next = safeNext(body.next);
    try {
      const session = await this.sessions.login(req.consoleSession, username, typeof body.password === 'string' ? body.password : '');
      req.consoleSession = session;
      setSessionCookie(res, session, this.config.secureCookies);
      return res.redirect(303, session.auth?.passwordChangeRequired ? '/password' : next);
    } catch (e) {
      if (!(e instanceof GeResError)) throw e;
      const shown = describeError(e);
      const status = e.status === 401 || e.status === 403 || e.status === 423 || e.status === 429 || e.status === 400 ? e.status : 502;
      return this.views.page(req, res, 'login', { title: 'Accedi', error: shown.message, requestId: shown.requestId, username, next, idleMinutes: this.config.idleTimeoutSeconds / 60 }, status);
    }
  }

  @AllowedDuringPasswordChange()
  @Post('esci')
  async logout(@Req() req: ConsoleRequest, @Res() res: Response) {
    if (req.consoleSession) await this.sessions.logout(req.consoleSession);
    clearSessionCookie(res, this.config.secureCookies);
    return res.redirect(303, '/accedi?uscito=1');
  }

  @AllowedDuringPasswordChange()
  @Get('password')
  async showPasswordChange(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.views.page(req, res, 'password', { title: 'Cambio password', active: 'profilo', forced: req.consoleSession?.auth?.passwordChangeRequired });
  }

  @AllowedDuringPasswordChange()
  @Post('password')
  async changePassword(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const session = req.consoleSession!;
    const forced = session.auth?.passwordChangeRequired;
    const currentPassword = typeof body.currentPassword === 'string' ? body.currentPassword : '';
    const newPassword = typeof body.newPassword === 'string' ? body.newPassword : '';
    const render = (error: string, details: { label: string; message: string }[] = [], status = 400, requestId?: string) =>
      this.views.page(req, res, 'password', { title: 'Cambio password', active: 'profilo', forced, error, details, requestId }, status);
    if (newPassword !== body.confirmPassword) return render('La nuova password e la conferma non coincidono.');
    const api = req.gatewayApi!;
    const me = await api.me.getMe({});
    try {
      await api.me.changeMyPassword({ requestBody: { currentPassword, newPassword } });
    } catch (e) {
      if (!(e instanceof GeResError) || (e.status ?? 500) >= 500) throw e;
      const shown = describeError(e);
      const message = e.problemName === 'invalid-credentials' ? 'La password attuale non è corretta.' : shown.message;
      return render(message, shown.details, e.status, shown.requestId);
    }
    // The change revoked every refresh token of the person, this session's too: log in with the new one.
    const fresh = await this.sessions.relogin(session, me.user.username, newPassword);
    req.consoleSession = fresh;
    this.sessions.flash(fresh, 'success', 'La password è stata cambiata.');
    await this.sessions.save(fresh);
    setSessionCookie(res, fresh, this.config.secureCookies);
    return res.redirect(303, '/');
  }
}
