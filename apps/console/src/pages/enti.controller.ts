import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { EnteKind, GeResApi } from '../../../../sdk/src/index.js';
import type { SessionService } from '../session/session.service.js';
import { formFailure } from '../web/forms.js';
import { q, type ConsoleRequest } from '../web/http.js';
import { SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

const crumbs = (label?: string) => [{ href: '/', label: 'Home' }, label ? { href: '/enti', label: 'Enti e convenzioni' } : { label: 'Enti e convenzioni' }, ...(label ? [{ label }] : [])];

@Controller('enti')
export class EntiController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
  ) {}

  @Get()
  async listEnti(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.renderList(req, res, {});
  }

  private async renderList(req: ConsoleRequest, res: Response, model: Record<string, unknown>, status = 200) {
    const enti = await req.gatewayApi!.enti.listEnti({});
    return this.views.page(req, res, 'enti', { title: 'Enti e convenzioni', active: 'enti', breadcrumbs: crumbs(), enti: enti.items, values: {}, ...model }, status);
  }

  @Post()
  async createEnte(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const values = {
      name: q(body.name) ?? '',
      kind: (q(body.kind) ?? 'municipal_office') as EnteKind,
      codiceFiscale: q(body.codiceFiscale),
      validFrom: q(body.validFrom) ?? '',
      validTo: q(body.validTo),
      reference: q(body.reference),
    };
    try {
      const ente = await req.gatewayApi!.enti.createEnte({
        requestBody: {
          name: values.name,
          kind: values.kind,
          ...(values.codiceFiscale ? { codiceFiscale: values.codiceFiscale } : {}),
          convenzione: { validFrom: values.validFrom, ...(values.validTo ? { validTo: values.validTo } : {}), ...(values.reference ? { reference: values.reference } : {}) },
        },
      });
      this.sessions.flash(req.consoleSession!, 'success', 'Ente registrato con la sua convenzione.');
      await this.sessions.save(req.consoleSession!);
      return res.redirect(303, `/enti/${encodeURIComponent(ente.id)}`);
    } catch (e) {
      const shown = formFailure(e);
      return this.renderList(req, res, { error: shown, values }, shown.status);
    }
  }

  @Get(':id')
  async showEnte(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string) {
    return this.renderEnte(req, res, id, {});
  }

  private async renderEnte(req: ConsoleRequest, res: Response, id: string, model: Record<string, unknown>, status = 200) {
    const ente = await req.gatewayApi!.enti.getEnte({ id });
    return this.views.page(req, res, 'ente', { title: ente.name, active: 'enti', breadcrumbs: crumbs(ente.name), ente, ...model }, status);
  }

  @Post(':id')
  async updateEnte(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const requestBody = { name: q(body.name), ...(q(body.codiceFiscale) ? { codiceFiscale: q(body.codiceFiscale) } : {}) };
    return this.change(req, res, id, 'Ente aggiornato.', (api) => api.enti.updateEnte({ id, requestBody }));
  }

  @Post(':id/convenzioni')
  async createConvenzione(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const requestBody = { validFrom: q(body.validFrom) ?? '', ...(q(body.validTo) ? { validTo: q(body.validTo) } : {}), ...(q(body.reference) ? { reference: q(body.reference) } : {}) };
    return this.change(req, res, id, 'Convenzione aggiunta.', (api) => api.enti.createConvenzione({ id, requestBody }));
  }

  @Post(':id/convenzioni/:convenzioneId')
  async endConvenzione(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Param('convenzioneId') convenzioneId: string, @Body() body: Record<string, unknown>) {
    return this.change(req, res, id, 'Validità della convenzione aggiornata.', (api) => api.enti.endConvenzione({ id, convenzioneId, requestBody: { validTo: q(body.validTo) ?? '' } }));
  }

  private async change(req: ConsoleRequest, res: Response, id: string, done: string, call: (api: GeResApi) => Promise<unknown>) {
    try {
      await call(req.gatewayApi!);
    } catch (e) {
      const shown = formFailure(e);
      return this.renderEnte(req, res, id, { error: shown }, shown.status);
    }
    this.sessions.flash(req.consoleSession!, 'success', done);
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, `/enti/${encodeURIComponent(id)}`);
  }
}
