import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DailyReportDelivery, User } from '#libs/domain';
import { AuditService, type AuditInput } from '../src/audit/audit.service.js';
import { DailyReportService } from '../src/report/daily-report.service.js';
import { announceSkips, backends, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

const DAY = '2026-11-10';

/** A real SMTP server in the test: what the gateway sends is parsed back with mailparser. */
async function startSmtp(refuse: Set<string>) {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuse.delete(address.address)) return cb(new Error('Mailbox temporarily unavailable'));
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          mails.push(m);
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(backends())('daily report on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const refuse = new Set<string>(['admin.pl@test.invalid']);

  beforeAll(async () => {
    announceSkips();
    smtp = await startSmtp(refuse);
    gw = await startGateway(backend, { SMTP_URL: smtp.url, MAIL_FROM: 'GeRes Bari <geres@comune.bari.invalid>', CONSOLE_URL: 'https://console.geres.invalid/', DAILY_REPORT_CHECK_SECONDS: '86400' });
    t = await seedTenants(gw.em);
    // Accounts from before the day; admin.salento's is not: no report of a day before it existed.
    await gw.em.fork().nativeUpdate(User, {}, { createdAt: new Date('2026-01-01T00:00:00Z') });
    await gw.em.fork().nativeUpdate(User, { username: 'admin.salento' }, { createdAt: new Date('2026-11-11T08:00:00Z') });
    const audit = gw.app.get(AuditService);
    const ev = (user: string, utc: string, extra: Partial<AuditInput> = {}): AuditInput => ({
      requestId: `req-${user}-${utc}`,
      userId: t.users[user].id,
      username: user,
      enteId: t.users[user].ente?.id,
      targetComune: '072006',
      operation: 'searchPersons',
      purpose: 'lookup',
      subjects: ['RSSMRA80A01A662X'],
      outcome: 'ok',
      monitored: t.users[user].role !== 'STANDARDPS',
      time: new Date(`${DAY}T${utc}Z`),
      ...extra,
    });
    await audit.record(ev('std.consorzio', '08:00:00', { purpose: 'visura:residenza' }));
    await audit.record(ev('std.consorzio', '07:59:59', { outcome: 'pending' }));
    await audit.record(ev('admin.pl', '09:00:00', { purpose: 'rivestizione', outcome: 'not_found' }));
    await audit.record(ev('ps.pl', '10:00:00'));
    await audit.record(ev('std.salento', '11:00:00', { targetComune: '075035' }));
    // The day before and after, in Italian time: not this day's.
    await audit.record(ev('std.consorzio', '23:30:00', { requestId: 'next-day' }));
    await audit.record({ ...ev('std.consorzio', '00:00:00'), requestId: 'day-before', time: new Date('2026-11-09T22:59:59Z') });
    await gw.drain();
  }, 90_000);
  afterAll(async () => {
    await gw?.close();
    await smtp?.close();
  });

  const mailTo = (address: string) => smtp.mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === address)));
  const idsIn = (m: ParsedMail) => [...(m.text ?? '').matchAll(/req-[a-z.]+-\d\d:\d\d:\d\d/g)].map((x) => x[0]);

  it('each recipient gets the day\'s requests in their scope, in Italian, without subject data or STANDARDPS requests', async () => {
    const out = await gw.app.get(DailyReportService).sendDay(DAY);
    expect(out).toEqual({ day: DAY, sent: 3, failed: 1, skipped: 0 });
    const top = mailTo('top.bari@test.invalid');
    expect(top).toHaveLength(1);
    expect(top[0].subject).toBe('GeRes – resoconto del 10/11/2026 (Comune di Bari)');
    expect(top[0].from?.text).toBe('"GeRes Bari" <geres@comune.bari.invalid>');
    expect(idsIn(top[0])).toEqual(['req-std.consorzio-08:00:00', 'req-admin.pl-09:00:00']);
    expect(top[0].text).toContain('09:00 | std.consorzio | Consorzio | visura residenza | trovato | req-std.consorzio-08:00:00');
    expect(top[0].text).toContain('10:00 | admin.pl | Polizia Locale di Bari | rivestizione | non trovato');
    expect(top[0].text).toContain('Il dettaglio è nella console: https://console.geres.invalid/');
    expect(top[0].text).not.toContain('RSSMRA80A01A662X');
    expect(top[0].html).toContain('<caption style="text-align: left">2 richieste</caption>');
    expect(idsIn(mailTo('admin.consorzio@test.invalid')[0])).toEqual(['req-std.consorzio-08:00:00']);
    expect(idsIn(mailTo('top.lecce@test.invalid')[0])).toEqual(['req-std.salento-11:00:00']);
    expect(mailTo('admin.salento@test.invalid')).toHaveLength(0);
    expect(smtp.mails.flatMap(idsIn)).not.toContain('req-ps.pl-10:00:00');
    expect(mailTo('admin.pl@test.invalid')).toHaveLength(0);
  });

  it('never sends twice for one day, and retries a failed sending', async () => {
    const before = smtp.mails.length;
    const again = await gw.app.get(DailyReportService).sendDay(DAY);
    expect(again).toEqual({ day: DAY, sent: 1, failed: 0, skipped: 3 });
    expect(smtp.mails.length).toBe(before + 1);
    expect(idsIn(mailTo('admin.pl@test.invalid')[0])).toEqual(['req-admin.pl-09:00:00']);
    expect(await gw.app.get(DailyReportService).sendDay(DAY)).toEqual({ day: DAY, sent: 0, failed: 0, skipped: 4 });
    const rows = await gw.em.fork().find(DailyReportDelivery, { day: DAY }, { orderBy: { userId: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(rows.find((r) => r.userId === t.users['admin.pl'].id)?.attempts).toBe(2);
  });
});
