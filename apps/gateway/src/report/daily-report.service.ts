import { EntityManager, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AuditEvent, DailyReportDelivery, Ente, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { logger } from '../common/logger.js';
import { addDays, Clock, italianDay } from '#libs/clock';
import { romeTime } from '../monitoring/period.js';
import { htmlTemplate, subjectTemplate, textTemplate, type DailyReportModel } from './daily-report.templates.js';

/** A failed sending is tried again at the next checks, up to this many times. */
const MAX_ATTEMPTS = 5;
/** A `sending` claim older than this was left by an instance that stopped: taken over. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Days looked back for failed or missing reports. */
const CATCH_UP_DAYS = 3;

const OUTCOMES: Record<string, string> = { ok: 'trovato', not_found: 'non trovato', denied: 'rifiutato', error: 'errore' };
const PURPOSES: Record<string, string> = { lookup: 'consultazione', rivestizione: 'rivestizione' };
const purposeLabel = (p?: string) => (p?.startsWith('visura:') ? `visura ${p.slice(7)}` : (PURPOSES[p ?? 'lookup'] ?? p ?? 'consultazione'));
const italianDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export interface DayOutcome {
  day: string;
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * The daily report (R-VIS-9): once an Italian day is over, an e-mail to each TOP user and mediator
 * of a Comune (the requests concerning the Comune) and to each ADMIN (their Ente's requests),
 * listing time, requester, type, outcome and request id — no subject data. STANDARDPS requests are
 * not listed. One row per day and recipient (unique) makes a second sending impossible, from any
 * instance; failures are retried at the next checks. Off without SMTP_URL.
 */
@Injectable()
export class DailyReportService implements OnModuleInit, OnApplicationShutdown {
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    if (!this.config.smtpUrl) return;
    this.transport = nodemailer.createTransport(this.config.smtpUrl);
    this.timer = setInterval(() => void this.tick(), this.config.dailyReportCheckSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** Sends what is due: the days before today (Italian time) not yet sent, back to CATCH_UP_DAYS. */
  async tick(now = this.clock.now()): Promise<DayOutcome[]> {
    if (this.running) return [];
    const today = italianDay(now);
    const work = (async () => {
      const out: DayOutcome[] = [];
      for (let i = CATCH_UP_DAYS; i >= 1; i--) out.push(await this.sendDay(addDays(today, -i)));
      return out;
    })();
    this.running = work;
    try {
      return await work;
    } catch (e) {
      logger.error({ err: e }, 'daily report check failed');
      return [];
    } finally {
      this.running = undefined;
    }
  }

  /** Sends the reports of one day to every recipient who has not had theirs. */
  async sendDay(day: string): Promise<DayOutcome> {
    const outcome: DayOutcome = { day, sent: 0, failed: 0, skipped: 0 };
    if (!this.transport) return outcome;
    const em = this.em.fork();
    const recipients = await em.find(
      User,
      // Nobody gets the report of a day before their account existed (a new installation sends no backlog).
      { status: 'active', email: { $ne: null }, createdAt: { $lte: new Date(Date.parse(`${day}T23:59:59Z`)) }, $or: [{ role: 'TOP' }, { mediator: true, comune: { $ne: null } }, { role: 'ADMIN' }] },
      { populate: ['comune', 'ente'], orderBy: { username: 'asc' } },
    );
    for (const r of recipients) {
      if (!(await this.claim(day, r.id))) {
        outcome.skipped++;
        continue;
      }
      try {
        const requests = await this.send(day, r);
        await this.em.fork().nativeUpdate(DailyReportDelivery, { day, userId: r.id }, { status: 'sent', requests, sentAt: new Date(), updatedAt: new Date(), lastError: null });
        outcome.sent++;
      } catch (e) {
        const msg = (e as Error).message?.slice(0, 200) ?? 'error';
        await this.em.fork().nativeUpdate(DailyReportDelivery, { day, userId: r.id }, { status: 'failed', updatedAt: new Date(), lastError: msg });
        logger.warn({ day, userId: r.id, err: msg }, 'daily report not sent; retried at the next check');
        outcome.failed++;
      }
    }
    return outcome;
  }

  /** Takes the (day, recipient) row for this instance: new, failed with attempts left, or stale. */
  private async claim(day: string, userId: string): Promise<boolean> {
    const em = this.em.fork();
    try {
      em.create(DailyReportDelivery, { day, userId, status: 'sending', attempts: 1, requests: 0, updatedAt: new Date() });
      await em.flush();
      return true;
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
    }
    const row = await this.em.fork().findOneOrFail(DailyReportDelivery, { day, userId });
    const retry = row.status === 'failed' && row.attempts < MAX_ATTEMPTS;
    const stale = row.status === 'sending' && Date.now() - new Date(row.updatedAt).getTime() > STALE_CLAIM_MS;
    if (!retry && !stale) return false;
    // Compare-and-set on what was read: of two instances, one wins.
    const won = await this.em.fork().nativeUpdate(
      DailyReportDelivery,
      { id: row.id, status: row.status, attempts: row.attempts, updatedAt: row.updatedAt },
      { status: 'sending', attempts: row.attempts + 1, updatedAt: new Date() },
    );
    return won === 1;
  }

  private async send(day: string, r: User): Promise<number> {
    const model = await this.model(day, r);
    await this.transport!.sendMail({
      from: this.config.mailFrom,
      to: { name: r.name, address: r.email! },
      subject: subjectTemplate(model),
      text: textTemplate(model),
      html: htmlTemplate(model),
      headers: { 'X-GeRes-Report-Day': day },
    });
    return model.requests.length;
  }

  async model(day: string, r: User): Promise<DailyReportModel> {
    const em = this.em.fork();
    const comuneScope = r.comune && (r.role === 'TOP' || r.mediator);
    const scope: FilterQuery<AuditEvent> = comuneScope ? { targetComune: r.comune!.codiceIstat } : { enteId: r.ente?.id ?? '-' };
    const since = new Date(Date.parse(`${addDays(day, -1)}T00:00:00Z`));
    const until = new Date(Date.parse(`${addDays(day, 1)}T23:59:59.999Z`));
    const events = (
      await em.find(AuditEvent, { $and: [scope, { monitored: true, outcome: { $ne: 'pending' }, time: { $gte: since, $lte: until } }] } as FilterQuery<AuditEvent>, {
        fields: ['time', 'username', 'enteId', 'purpose', 'outcome', 'requestId', 'targetComune'],
        orderBy: { time: 'asc', id: 'asc' },
      })
    ).filter((e) => e.targetComune && italianDay(new Date(e.time)) === day);
    const enti = new Map((await em.find(Ente, { id: { $in: [...new Set(events.map((e) => e.enteId).filter((x): x is string => !!x))] } })).map((e) => [e.id, e.name]));
    return {
      dayLabel: italianDate(day),
      scopeLabel: comuneScope ? `Comune di ${r.comune!.nome}` : (r.ente?.name ?? 'il tuo Ente'),
      recipientName: r.name,
      consoleUrl: this.config.consoleUrl,
      requests: events.map((e) => ({
        time: romeTime(new Date(e.time)),
        requester: e.username ?? '—',
        ente: e.enteId ? (enti.get(e.enteId) ?? '—') : 'Comune',
        purpose: purposeLabel(e.purpose),
        outcome: OUTCOMES[e.outcome] ?? e.outcome,
        requestId: e.requestId,
      })),
    };
  }
}
