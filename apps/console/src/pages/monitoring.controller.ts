import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AccessEventKind, AuditOutcome } from '../../../../sdk/src/index.js';
import { pager } from '../web/forms.js';
import { positiveInt, q, type ConsoleRequest } from '../web/http.js';
import { ACCESS_EVENT_LABELS, OUTCOME_LABELS } from '../web/messages.js';
import { Views } from '../web/views.js';

const PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: unknown) => {
  const s = q(v);
  return s && DAY.test(s) ? s : undefined;
};
const options = (table: Record<string, string>, selected?: string) => Object.entries(table).map(([value, label]) => ({ value, label, selected: value === selected }));

/**
 * Monitoring: the audit trail and the access log as the gateway lets the person see them (TOP their
 * Comune, ADMIN their Ente's users, everyone else their own), and the chain verification for TOP.
 */
@Controller('monitoraggio')
export class MonitoringController {
  constructor(private readonly views: Views) {}

  @Get()
  index(@Res() res: Response) {
    res.redirect(303, '/monitoraggio/richieste');
  }

  private tabs(req: ConsoleRequest, current: string) {
    const role = req.consoleSession?.auth?.role;
    const tabs = [
      { href: '/monitoraggio/richieste', label: 'Richieste (registro di audit)', key: 'richieste' },
      { href: '/monitoraggio/accessi', label: 'Accessi e funzioni', key: 'accessi' },
    ];
    if (role === 'TOP' || role === 'ADMIN') tabs.push({ href: '/monitoraggio/allarmi', label: 'Allarmi', key: 'allarmi' });
    if (role === 'TOP') tabs.push({ href: '/monitoraggio/verifica', label: 'Verifica della catena', key: 'verifica' });
    return tabs.map((t) => ({ ...t, current: t.key === current }));
  }

  /** The people the filters may name: whoever the gateway lists for the person. */
  private async filterChoices(req: ConsoleRequest, userId?: string, enteId?: string) {
    const api = req.gatewayApi!;
    const role = req.consoleSession?.auth?.role;
    if (role !== 'TOP' && role !== 'ADMIN') return { users: [], enti: [] };
    const [users, enti] = await Promise.all([api.users.listUsers({ pageSize: 100 }), api.enti.listEnti({})]);
    return {
      users: users.items.map((u) => ({ value: u.id, label: u.username, selected: u.id === userId })),
      enti: enti.items.map((e) => ({ value: e.id, label: e.name, selected: e.id === enteId })),
    };
  }

  @Get('richieste')
  async searchAuditEvents(@Req() req: ConsoleRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const filters = { dal: day(query.dal), al: day(query.al), utente: q(query.utente), ente: q(query.ente), comune: q(query.comune), soggetto: q(query.soggetto)?.toUpperCase(), esito: q(query.esito) };
    const page = positiveInt(query.pagina, 1);
    const outcome = filters.esito && filters.esito in OUTCOME_LABELS ? (filters.esito as AuditOutcome) : undefined;
    const [events, choices] = await Promise.all([
      req.gatewayApi!.audit.searchAuditEvents({ page, pageSize: PAGE_SIZE, from: filters.dal, to: filters.al, userId: filters.utente, enteId: filters.ente, comune: filters.comune, subject: filters.soggetto, outcome }),
      this.filterChoices(req, filters.utente, filters.ente),
    ]);
    return this.views.page(
      req,
      res,
      'audit',
      {
        title: 'Monitoraggio: richieste',
        active: 'monitoraggio',
        breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Monitoraggio' }],
        tabs: this.tabs(req, 'richieste'),
        events: events.items,
        filters,
        outcomes: options(OUTCOME_LABELS, filters.esito),
        ...choices,
        pager: pager('/monitoraggio/richieste', filters, page, PAGE_SIZE, events.total),
      },
      200,
      'audit-table',
    );
  }

  @Get('accessi')
  async searchAccessLog(@Req() req: ConsoleRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const filters = { dal: day(query.dal), al: day(query.al), utente: q(query.utente), ente: q(query.ente), evento: q(query.evento) };
    const page = positiveInt(query.pagina, 1);
    const event = filters.evento && filters.evento in ACCESS_EVENT_LABELS ? (filters.evento as AccessEventKind) : undefined;
    const [entries, choices] = await Promise.all([
      req.gatewayApi!.audit.searchAccessLog({ page, pageSize: PAGE_SIZE, from: filters.dal, to: filters.al, userId: filters.utente, enteId: filters.ente, event }),
      this.filterChoices(req, filters.utente, filters.ente),
    ]);
    return this.views.page(
      req,
      res,
      'access-log',
      {
        title: 'Monitoraggio: accessi',
        active: 'monitoraggio',
        breadcrumbs: [{ href: '/', label: 'Home' }, { href: '/monitoraggio', label: 'Monitoraggio' }, { label: 'Accessi' }],
        tabs: this.tabs(req, 'accessi'),
        entries: entries.items,
        filters,
        events: options(ACCESS_EVENT_LABELS, filters.evento),
        ...choices,
        pager: pager('/monitoraggio/accessi', filters, page, PAGE_SIZE, entries.total),
      },
      200,
      'access-table',
    );
  }

  @Get('allarmi')
  async getAlarms(@Req() req: ConsoleRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const filters = { dal: day(query.dal), al: day(query.al) };
    const alarms = await req.gatewayApi!.monitoring.getAlarms({ from: filters.dal, to: filters.al });
    // Each alarm leads to the requests behind it, through the audit trail's own filters.
    const rows = alarms.items.map((a) => {
      const params = new URLSearchParams({ dal: a.day, al: a.day });
      if (a.subject) params.set('soggetto', a.subject);
      if (a.userId) params.set('utente', a.userId);
      if (a.enteId && !a.userId) params.set('ente', a.enteId);
      return { ...a, link: `/monitoraggio/richieste?${params.toString()}` };
    });
    return this.views.page(req, res, 'alarms', {
      title: 'Monitoraggio: allarmi',
      active: 'monitoraggio',
      breadcrumbs: [{ href: '/', label: 'Home' }, { href: '/monitoraggio', label: 'Monitoraggio' }, { label: 'Allarmi' }],
      tabs: this.tabs(req, 'allarmi'),
      rows,
      filters,
    });
  }

  @Get('verifica')
  async verifyAuditTrail(@Req() req: ConsoleRequest, @Res() res: Response) {
    const report = await req.gatewayApi!.audit.verifyAuditTrail({});
    return this.views.page(req, res, 'verification', {
      title: 'Monitoraggio: verifica della catena',
      active: 'monitoraggio',
      breadcrumbs: [{ href: '/', label: 'Home' }, { href: '/monitoraggio', label: 'Monitoraggio' }, { label: 'Verifica' }],
      tabs: this.tabs(req, 'verifica'),
      report,
      brokenChains: report.chains.filter((c) => !c.ok),
    });
  }
}
