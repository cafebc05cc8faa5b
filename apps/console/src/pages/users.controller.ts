import { BadRequestException, Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CreateUserRequest, GeResApi, LookupSection, RivestizioneField, Role, SearchScope, UserStatus, VisuraType } from '../../../../sdk/src/index.js';
import type { SessionService } from '../session/session.service.js';
import { formFailure, pager } from '../web/forms.js';
import { many, positiveInt, q, type ConsoleRequest } from '../web/http.js';
import { RIVESTIZIONE_LABELS, SECTION_LABELS, VISURA_LABELS } from '../web/messages.js';
import { SESSIONS } from '../web/tokens.js';
import { Views } from '../web/views.js';

const PAGE_SIZE = 20;
const ROLES: Role[] = ['TOP', 'ADMIN', 'STANDARD', 'STANDARDPS'];
const crumbs = (label?: string) => [{ href: '/', label: 'Home' }, label ? { href: '/utenti', label: 'Utenti' } : { label: 'Utenti' }, ...(label ? [{ label }] : [])];
const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

/** Roles offered in the form: what the person's role may create (the gateway checks it anyway). */
const creatableRoles = (role: string | undefined): Role[] => (role === 'TOP' ? ROLES : ['STANDARD', 'STANDARDPS']);

@Controller('utenti')
export class UsersController {
  constructor(
    private readonly views: Views,
    @Inject(SESSIONS) private readonly sessions: SessionService,
  ) {}

  @Get()
  async listUsers(@Req() req: ConsoleRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const api = req.gatewayApi!;
    const filters = { q: q(query.q), ruolo: q(query.ruolo), stato: q(query.stato), ente: q(query.ente) };
    const page = positiveInt(query.pagina, 1);
    const role = ROLES.includes(filters.ruolo as Role) ? (filters.ruolo as Role) : undefined;
    const status = filters.stato === 'active' || filters.stato === 'suspended' ? (filters.stato as UserStatus) : undefined;
    const [users, enti] = await Promise.all([
      api.users.listUsers({ page, pageSize: PAGE_SIZE, q: filters.q, role, status, enteId: filters.ente }),
      api.enti.listEnti({}),
    ]);
    const enteName = new Map(enti.items.map((e) => [e.id, e.name]));
    const rows = users.items.map((u) => ({ ...u, enteName: u.enteId ? (enteName.get(u.enteId) ?? '—') : u.comune ? `Comune ${u.comune}` : '—' }));
    return this.views.page(
      req,
      res,
      'users',
      { title: 'Utenti', active: 'utenti', breadcrumbs: crumbs(), rows, filters, enti: enti.items, roles: ROLES, pager: pager('/utenti', filters, page, PAGE_SIZE, users.total) },
      200,
      'users-table',
    );
  }

  @Get('nuovo')
  async newUser(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.renderForm(req, res, {});
  }

  @Post()
  async createUser(@Req() req: ConsoleRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const dto: CreateUserRequest = {
      username: q(body.username) ?? '',
      name: q(body.name) ?? '',
      email: q(body.email) ?? '',
      role: (q(body.role) ?? 'STANDARD') as Role,
      password: typeof body.password === 'string' ? body.password : '',
      ...(q(body.enteId) ? { enteId: q(body.enteId) } : {}),
      ...(q(body.anprOperatorId) ? { anprOperatorId: q(body.anprOperatorId) } : {}),
      ...(body.mediator === 'on' ? { mediator: true } : {}),
    };
    try {
      const user = await req.gatewayApi!.users.createUser({ requestBody: dto });
      this.sessions.flash(req.consoleSession!, 'success', 'Utente creato. Imposta ora il suo profilo.');
      await this.sessions.save(req.consoleSession!);
      return res.redirect(303, `/utenti/${encodeURIComponent(user.id)}`);
    } catch (e) {
      const shown = formFailure(e);
      const { password: _password, ...values } = dto;
      return this.renderForm(req, res, { values, error: shown }, shown.status);
    }
  }

  private async renderForm(req: ConsoleRequest, res: Response, model: Record<string, unknown>, status = 200) {
    const enti = await req.gatewayApi!.enti.listEnti({});
    return this.views.page(
      req,
      res,
      'user-new',
      { title: 'Nuovo utente', active: 'utenti', breadcrumbs: crumbs('Nuovo utente'), enti: enti.items, roles: creatableRoles(req.consoleSession?.auth?.role), values: {}, ...model },
      status,
    );
  }

  @Get('importa')
  async showImport(@Req() req: ConsoleRequest, @Res() res: Response) {
    return this.views.page(req, res, 'user-import', { title: 'Importa utenti da CSV', active: 'utenti', breadcrumbs: crumbs('Importa da CSV') });
  }

  @Post('importa')
  async importUsers(@Req() req: ConsoleRequest & { file?: { buffer: Buffer; size: number } }, @Res() res: Response) {
    const model = { title: 'Importa utenti da CSV', active: 'utenti', breadcrumbs: crumbs('Importa da CSV') };
    if (!req.file || req.file.size === 0) {
      return this.views.page(req, res, 'user-import', { ...model, error: { message: 'Scegli un file CSV da importare.', details: [] } }, 400);
    }
    try {
      const result = await req.gatewayApi!.users.importUsers({ requestBody: req.file.buffer.toString('utf8') });
      return this.views.page(req, res, 'user-import', { ...model, result });
    } catch (e) {
      const shown = formFailure(e);
      return this.views.page(req, res, 'user-import', { ...model, error: shown }, shown.status);
    }
  }

  @Get(':id')
  async showUser(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string) {
    return this.renderUser(req, res, id, {});
  }

  private async renderUser(req: ConsoleRequest, res: Response, id: string, model: Record<string, unknown>, status = 200) {
    const api = req.gatewayApi!;
    const [user, profile, mine] = await Promise.all([
      api.users.getUser({ id }),
      api.users.getUserProfile({ id }).catch(() => null),
      api.me.getMe({}),
    ]);
    const enti = await api.enti.listEnti({});
    const ente = enti.items.find((e) => e.id === user.enteId);
    // The Comuni an ADMIN may grant: those of their Ente's convenzioni (the gateway checks the rest).
    const comuni = new Set<string>([...(profile?.allowedComuni ?? []), ...(mine.profile?.allowedComuni ?? []), ...(ente?.convenzioni ?? []).map((c) => c.comune)]);
    return this.views.page(
      req,
      res,
      'user',
      {
        title: `Utente ${user.username}`,
        active: 'utenti',
        breadcrumbs: crumbs(user.username),
        user,
        ente,
        profile,
        isSelf: mine.user.id === user.id,
        sections: options(SECTION_LABELS),
        visuraTypes: options(VISURA_LABELS),
        rivestizioneFields: options(RIVESTIZIONE_LABELS),
        comuni: [...comuni].sort(),
        ...model,
      },
      status,
    );
  }

  @Post(':id')
  async updateUser(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const requestBody = {
      name: q(body.name),
      email: q(body.email),
      ...(body.canSetMediator === '1' ? { mediator: body.mediator === 'on', ...(q(body.anprOperatorId) ? { anprOperatorId: q(body.anprOperatorId) } : {}) } : {}),
      ...(body.unlock === 'on' ? { unlock: true } : {}),
    };
    return this.change(req, res, id, 'Dati dell\'utente aggiornati.', (api) => api.users.updateUser({ id, requestBody }), 'userError');
  }

  @Post(':id/stato')
  async setStatus(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const status = q(body.status);
    if (status !== 'active' && status !== 'suspended') throw new BadRequestException();
    const done = status === 'suspended' ? 'Utente sospeso: non può più accedere.' : 'Utente riattivato.';
    return this.change(req, res, id, done, (api) => api.users.updateUser({ id, requestBody: { status } }), 'userError');
  }

  @Post(':id/profilo')
  async setProfile(@Req() req: ConsoleRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const requestBody = {
      sections: many(body.sections) as LookupSection[],
      visuraTypes: many(body.visuraTypes) as VisuraType[],
      rivestizioneFields: many(body.rivestizioneFields) as RivestizioneField[],
      allowedComuni: many(body.allowedComuni),
      scope: (q(body.scope) ?? 'agreed') as SearchScope,
      dailyQuota: Number(q(body.dailyQuota) ?? 0),
    };
    return this.change(req, res, id, 'Profilo aggiornato.', (api) => api.users.setUserProfile({ id, requestBody }), 'profileError');
  }

  private async change(req: ConsoleRequest, res: Response, id: string, done: string, call: (api: GeResApi) => Promise<unknown>, errorKey: string) {
    try {
      await call(req.gatewayApi!);
    } catch (e) {
      const shown = formFailure(e);
      return this.renderUser(req, res, id, { [errorKey]: shown }, shown.status);
    }
    this.sessions.flash(req.consoleSession!, 'success', done);
    await this.sessions.save(req.consoleSession!);
    return res.redirect(303, `/utenti/${encodeURIComponent(id)}`);
  }
}
