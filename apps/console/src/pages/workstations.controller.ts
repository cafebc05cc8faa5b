import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { SessionService } from '../session/session.service.js';
import { formFailure } from '../web/forms.js';
import { q, type ConsoleRequest } from '../web/http.js';
import { SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

@Controller('postazioni')
export class WorkstationsController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
  ) {}

  @Get()
  async listWorkstations(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.renderList(req, res, {});
  }

  private async renderList(req: ConsoleRequest, res: Response, model: Record<string, unknown>, status = 200) {
    const api = req.gatewayApi!;
    const [list, enti] = await Promise.all([api.workstations.listWorkstations({}), api.enti.listEnti({})]);
    const enteName = new Map(enti.items.map((e) => [e.id, e.name]));
    const rows = list.items.map((w) => ({ ...w, enteName: enteName.get(w.enteId) ?? '—' }));
    return this.views.page(
      req,
      res,
      'workstations',
      { title: 'Postazioni', active: 'postazioni', breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Postazioni' }], rows, enti: enti.items, isTop: req.consoleSession?.auth?.role === 'TOP', values: {}, ...model },
      status,
    );
  }

  @Post()
  async createWorkstation(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const values = { code: q(body.code) ?? '', label: q(body.label) ?? '', enteId: q(body.enteId) ?? '', ipRange: q(body.ipRange), certFingerprint: q(body.certFingerprint), issueDeviceToken: body.issueDeviceToken === 'on' };
    try {
      const created = await req.gatewayApi!.workstations.createWorkstation({
        requestBody: {
          code: values.code,
          label: values.label,
          enteId: values.enteId,
          ...(values.ipRange ? { ipRange: values.ipRange } : {}),
          ...(values.certFingerprint ? { certFingerprint: values.certFingerprint } : {}),
          issueDeviceToken: values.issueDeviceToken,
        },
      });
      // The device token is shown on this answer only.
      return this.renderList(req, res, { created: { code: created.code, deviceToken: created.deviceToken } }, 201);
    } catch (e) {
      const shown = formFailure(e);
      return this.renderList(req, res, { error: shown, values }, shown.status);
    }
  }

  @Post(':id/autorizzazione')
  async authorise(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const authorised = body.authorised === 'true';
    try {
      await req.gatewayApi!.workstations.updateWorkstation({ id, requestBody: { authorised } });
    } catch (e) {
      const shown = formFailure(e);
      return this.renderList(req, res, { error: shown }, shown.status);
    }
    this.sessions.flash(req.consoleSession!, 'success', authorised ? 'Postazione autorizzata.' : 'Autorizzazione della postazione revocata.');
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, '/postazioni');
  }
}
