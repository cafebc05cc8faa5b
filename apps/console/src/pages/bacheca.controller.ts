import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { SessionService } from '../session/session.service.js';
import { formFailure, pager } from '../web/forms.js';
import { positiveInt, q, type ConsoleRequest } from '../web/http.js';
import { SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

const PAGE_SIZE = 20;

/** The Comune's bacheca (R-VIS-12), written by its TOP users: public messages, or private for one user. */
@Controller('bacheca')
export class BachecaController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
  ) {}

  @Get()
  async listBachecaMessages(@Req() req: ConsoleRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    return this.render(req, res, positiveInt(query.pagina, 1), {});
  }

  private async render(req: ConsoleRequest, res: Response, page: number, model: Record<string, unknown>, status = 200) {
    const api = req.gatewayApi!;
    const [messages, users] = await Promise.all([api.bacheca.listBachecaMessages({ page, pageSize: PAGE_SIZE }), api.users.listUsers({ pageSize: 100, status: 'active' })]);
    const username = new Map(users.items.map((u) => [u.id, u.username]));
    const rows = messages.items.map((m) => ({ ...m, recipient: m.recipientId ? (username.get(m.recipientId) ?? '—') : undefined }));
    return this.views.page(
      req,
      res,
      'bacheca',
      { title: 'Bacheca', active: 'bacheca', breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Bacheca' }], rows, users: users.items, values: {}, pager: pager('/bacheca', {}, page, PAGE_SIZE, messages.total), ...model },
      status,
    );
  }

  @Post()
  async createBachecaMessage(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const values = { title: q(body.title) ?? '', body: typeof body.body === 'string' ? body.body.trim() : '', validFrom: q(body.validFrom) ?? '', validTo: q(body.validTo), recipientId: q(body.recipientId) };
    try {
      await req.gatewayApi!.bacheca.createBachecaMessage({
        requestBody: { title: values.title, body: values.body, validFrom: values.validFrom, ...(values.validTo ? { validTo: values.validTo } : {}), ...(values.recipientId ? { recipientId: values.recipientId } : {}) },
      });
    } catch (e) {
      const shown = formFailure(e);
      return this.render(req, res, 1, { error: shown, values }, shown.status);
    }
    this.sessions.flash(req.consoleSession!, 'success', 'Messaggio pubblicato.');
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, '/bacheca');
  }

  @Post(':id/rimozione')
  async deleteBachecaMessage(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string) {
    await req.gatewayApi!.bacheca.deleteBachecaMessage({ id });
    this.sessions.flash(req.consoleSession!, 'success', 'Messaggio rimosso.');
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, '/bacheca');
  }
}
