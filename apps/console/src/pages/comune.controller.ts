import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { NonResidentVisuraPolicy, UpdateComuneSettingsRequest, WorkstationPolicy } from '../../../../sdk/src/index.js';
import type { SessionService } from '../session/session.service.js';
import { formFailure } from '../web/forms.js';
import { q, type ConsoleRequest } from '../web/http.js';
import { SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

@Controller('comune')
export class ComuneController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
  ) {}

  @Get()
  async showComune(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.render(req, res, {});
  }

  private async render(req: ConsoleRequest, res: Response, model: Record<string, unknown>, status = 200) {
    const api = req.gatewayApi!;
    const me = await api.me.getMe({});
    // Only TOP users belong to a Comune; for anyone else there is no Comune to show.
    if (!me.user.comune) {
      return this.views.page(req, res, 'error', { title: 'Accesso non consentito', message: 'Questa funzione non rientra nella tua area di competenza.' }, 403);
    }
    const comune = await api.comuni.getComune({ codiceIstat: me.user.comune });
    return this.views.page(req, res, 'comune', { title: `Comune di ${comune.nome}`, active: 'comune', breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Comune' }], comune, s: comune.settings, ...model }, status);
  }

  @Post()
  async updateSettings(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const api = req.gatewayApi!;
    const me = await api.me.getMe({});
    const num = (v: unknown) => (q(v) === undefined ? undefined : Number(q(v)));
    const requestBody: UpdateComuneSettingsRequest = {
      nonResidentVisuraPolicy: q(body.nonResidentVisuraPolicy) as NonResidentVisuraPolicy | undefined,
      silentConsentHours: num(body.silentConsentHours),
      silentConsentMediator: q(body.silentConsentMediator),
      workstationPolicy: q(body.workstationPolicy) as WorkstationPolicy | undefined,
      alarmNightStart: q(body.alarmNightStart),
      alarmNightEnd: q(body.alarmNightEnd),
      alarmRepeatThreshold: num(body.alarmRepeatThreshold),
    };
    try {
      await api.comuni.updateComuneSettings({ codiceIstat: me.user.comune ?? '-', requestBody });
    } catch (e) {
      const shown = formFailure(e);
      return this.render(req, res, { error: shown }, shown.status);
    }
    this.sessions.flash(req.consoleSession!, 'success', 'Impostazioni del Comune salvate.');
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, '/comune');
  }
}
