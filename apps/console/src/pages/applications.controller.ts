import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GeResApi } from '../../../../sdk/src/index.js';
import type { SessionService } from '../session/session.service.js';
import { formFailure } from '../web/forms.js';
import { many, q, type ConsoleRequest } from '../web/http.js';
import { SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

const crumbs = (label?: string) => [{ href: '/', label: 'Home' }, label ? { href: '/applicazioni', label: 'Applicazioni' } : { label: 'Applicazioni' }, ...(label ? [{ label }] : [])];

@Controller('applicazioni')
export class ApplicationsController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
  ) {}

  @Get()
  async listApplications(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.renderList(req, res, {});
  }

  private async renderList(req: ConsoleRequest, res: Response, model: Record<string, unknown>, status = 200) {
    const api = req.gatewayApi!;
    const [apps, enti] = await Promise.all([api.applications.listApplications({}), api.enti.listEnti({})]);
    const enteName = new Map(enti.items.map((e) => [e.id, e.name]));
    const rows = apps.items.map((a) => ({ ...a, enteName: enteName.get(a.enteId) ?? '—' }));
    return this.views.page(req, res, 'applications', { title: 'Applicazioni', active: 'applicazioni', breadcrumbs: crumbs(), rows, canCreate: req.consoleSession?.auth?.role === 'ADMIN', ...model }, status);
  }

  @Post()
  async createApplication(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    try {
      const created = await req.gatewayApi!.applications.createApplication({ requestBody: { name: q(body.name) ?? '' } });
      // The secret is shown on this answer only: never stored by the console, never in a redirect.
      return this.renderApplication(req, res, created.id, { secret: { clientId: created.clientId, clientSecret: created.clientSecret }, notice: 'Applicazione registrata.' });
    } catch (e) {
      const shown = formFailure(e);
      return this.renderList(req, res, { error: shown, name: q(body.name) }, shown.status);
    }
  }

  @Get(':id')
  async showApplication(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string) {
    return this.renderApplication(req, res, id, {});
  }

  private async renderApplication(req: ConsoleRequest, res: Response, id: string, model: Record<string, unknown>, status = 200) {
    const api = req.gatewayApi!;
    const app = await api.applications.getApplication({ id });
    const isAdmin = req.consoleSession?.auth?.role === 'ADMIN';
    // The operators an ADMIN may name: their Ente's users, as the gateway lists them.
    const users = isAdmin ? (await api.users.listUsers({ pageSize: 100, enteId: app.enteId, status: 'active' })).items : [];
    const chosen = new Set((app.operators ?? []).map((o) => o.id));
    const candidates = users.filter((u) => u.enteId === app.enteId).map((u) => ({ id: u.id, username: u.username, name: u.name, checked: chosen.has(u.id) }));
    return this.views.page(req, res, 'application', { title: `Applicazione ${app.name}`, active: 'applicazioni', breadcrumbs: crumbs(app.name), app, candidates, canManage: isAdmin && app.status === 'active', ...model }, status);
  }

  @Post(':id/segreti')
  async rotateSecret(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string) {
    try {
      const rotated = await req.gatewayApi!.applications.rotateApplicationSecret({ id });
      return this.renderApplication(req, res, id, { secret: { clientId: rotated.clientId, clientSecret: rotated.clientSecret }, notice: 'Nuovo segreto emesso: i segreti precedenti restano validi per il periodo di sovrapposizione, poi scadono.' });
    } catch (e) {
      const shown = formFailure(e);
      return this.renderApplication(req, res, id, { error: shown }, shown.status);
    }
  }

  @Post(':id/segreti/:secretId/revoca')
  async revokeSecret(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Param('secretId') secretId: string) {
    return this.change(req, res, id, 'Segreto revocato.', (api) => api.applications.revokeApplicationSecret({ id, secretId }));
  }

  @Post(':id/revoca')
  async revokeApplication(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string) {
    return this.change(req, res, id, 'Applicazione revocata: non può più ottenere token.', (api) => api.applications.revokeApplication({ id }));
  }

  @Post(':id/operatori')
  async setOperators(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    return this.change(req, res, id, 'Operatori aggiornati.', (api) => api.applications.setApplicationOperators({ id, requestBody: { operatorIds: many(body.operatorIds) } }));
  }

  private async change(req: ConsoleRequest, res: Response, id: string, done: string, call: (api: GeResApi) => Promise<unknown>) {
    try {
      await call(req.gatewayApi!);
    } catch (e) {
      const shown = formFailure(e);
      return this.renderApplication(req, res, id, { error: shown }, shown.status);
    }
    this.sessions.flash(req.consoleSession!, 'success', done);
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, `/applicazioni/${encodeURIComponent(id)}`);
  }
}
