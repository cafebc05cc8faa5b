import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditEvent, Comune, Ente } from '#libs/domain';
import type { Principal } from '../auth/principal.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { csvCell } from '../governance/csv.js';
import type { PeriodQuery } from './monitoring.dto.js';
import type { AlarmView, CountItem, Rendicontazione, Statistics } from './monitoring.models.js';
import { addDays, Clock, italianDay } from '#libs/clock';
import { inWindow, period, romeTime, type Period } from './period.js';

/** What the statistics read of each event: never the criterion or the reason. */
const FIELDS = ['time', 'requestId', 'userId', 'username', 'enteId', 'targetComune', 'purpose', 'outcome', 'subjects', 'actingService', 'anprOperationId', 'monitored'] as const;
type Row = Pick<AuditEvent, (typeof FIELDS)[number]>;

/** A body's day is "far above its history" when it has at least this many requests… */
const VOLUME_MIN = 20;
/** …and more than this many times its average day of the previous four weeks. */
const VOLUME_FACTOR = 3;
const HISTORY_DAYS = 28;

const counted = (rows: Row[], key: (r: Row) => string | undefined, label?: (k: string) => string | null): CountItem[] => {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, count]) => ({ key: k, label: label?.(k) ?? null, count }));
};

/**
 * Statistics, rendicontazione and alarms, computed from the audit trail within what the caller
 * may monitor (the same scope as the audit search: STANDARDPS activity never shown to TOP or
 * ADMIN). Only final events count: the `pending` intent before an ANPR call is not a request.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditQueryService,
    private readonly clock: Clock,
  ) {}

  private async rows(p: Principal, per: Period, em: EntityManager, extra: FilterQuery<AuditEvent> = {}): Promise<Row[]> {
    const scope = await this.audit.scopeOf(p, em);
    const rows = await em.find(AuditEvent, { $and: [scope, extra, { time: { $gte: per.since, $lte: per.until } }, { outcome: { $ne: 'pending' } }] } as FilterQuery<AuditEvent>, {
      fields: [...FIELDS],
      orderBy: { time: 'asc', id: 'asc' },
    });
    return rows.filter((r) => {
      const d = italianDay(new Date(r.time));
      return d >= per.from && d <= per.to;
    });
  }

  async statistics(p: Principal, q: PeriodQuery): Promise<Statistics> {
    const per = period(q, 30, 366, this.clock.now());
    const em = this.em.fork();
    const rows = (await this.rows(p, per, em)).filter((r) => r.targetComune || r.anprOperationId || r.purpose);
    const enti = new Map((await em.find(Ente, { id: { $in: [...new Set(rows.map((r) => r.enteId).filter((x): x is string => !!x))] } })).map((e) => [e.id, e.name]));
    const usernames = new Map(rows.filter((r) => r.userId).map((r) => [r.userId!, r.username ?? null]));
    const subjects = new Set(rows.filter((r) => r.outcome === 'ok').flatMap((r) => r.subjects ?? []));
    return {
      from: per.from,
      to: per.to,
      requests: rows.length,
      subjects: subjects.size,
      byOutcome: counted(rows, (r) => r.outcome),
      byPurpose: counted(rows, (r) => r.purpose ?? 'lookup'),
      visureByType: counted(rows, (r) => (r.purpose?.startsWith('visura:') && r.outcome === 'ok' ? r.purpose.slice(7) : undefined)),
      byEnte: counted(rows, (r) => r.enteId ?? 'comune', (k) => (k === 'comune' ? 'Comune' : (enti.get(k) ?? null))),
      byUser: counted(rows, (r) => r.userId ?? undefined, (k) => usernames.get(k) ?? null),
      byService: counted(rows, (r) => r.actingService ?? 'direct'),
      byDay: counted(rows, (r) => italianDay(new Date(r.time))).sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  /**
   * What each Ente asked of the caller's Comune in a period (lookups answered by ANPR, visure,
   * rivestizione): the basis to split the annual fee. Aggregate counts only, so every request
   * counts, STANDARDPS ones included.
   */
  async rendicontazione(p: Principal, q: PeriodQuery): Promise<Rendicontazione> {
    const per = period(q, 366, 366, this.clock.now());
    const em = this.em.fork();
    const istat = p.user.comune!.codiceIstat;
    const rows = await em.find(AuditEvent, { targetComune: istat, enteId: { $ne: null }, outcome: { $in: ['ok', 'not_found'] }, time: { $gte: per.since, $lte: per.until } }, { fields: ['time', 'enteId', 'purpose'] });
    const lines = new Map<string, { lookups: number; visure: number; rivestizione: number }>();
    for (const r of rows) {
      const d = italianDay(new Date(r.time));
      if (d < per.from || d > per.to) continue;
      const l = lines.get(r.enteId!) ?? { lookups: 0, visure: 0, rivestizione: 0 };
      l.lookups++;
      if (r.purpose?.startsWith('visura')) l.visure++;
      if (r.purpose === 'rivestizione') l.rivestizione++;
      lines.set(r.enteId!, l);
    }
    const enti = await em.find(Ente, { id: { $in: [...lines.keys()] } });
    return {
      comune: istat,
      from: per.from,
      to: per.to,
      lines: enti
        .map((e) => ({ enteId: e.id, enteName: e.name, kind: e.kind, ...lines.get(e.id)! }))
        .sort((a, b) => b.lookups - a.lookups || a.enteName.localeCompare(b.enteName)),
    };
  }

  rendicontazioneCsv(r: Rendicontazione): string {
    const head = ['Ente', 'Tipo', 'Consultazioni', 'di cui visure', 'di cui rivestizione'];
    const kind = (k: string) => (k === 'municipal_office' ? 'Ufficio comunale' : 'Ente esterno');
    const lines = [head, ...r.lines.map((l) => [l.enteName, kind(l.kind), String(l.lookups), String(l.visure), String(l.rivestizione)])];
    return '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n') + '\r\n';
  }

  /**
   * Alarms (R-VIS-10) in a period: every request made in the Comune's night window; more requests
   * on one subject in a day than the Comune's threshold; an Ente's day far above its own history
   * (at least VOLUME_MIN requests and more than VOLUME_FACTOR × its average day of the previous
   * four weeks), to warn the Comune before the Ministry's PDND monitoring does.
   */
  async alarms(p: Principal, q: PeriodQuery): Promise<{ from: string; to: string; items: AlarmView[] }> {
    const per = period(q, 7, 92, this.clock.now());
    const em = this.em.fork();
    const history: Period = { ...per, from: addDays(per.from, -HISTORY_DAYS), since: new Date(per.since.getTime() - HISTORY_DAYS * 86400_000) };
    const all = (await this.rows(p, history, em)).filter((r) => r.targetComune && r.outcome !== 'denied');
    const inPeriod = all.filter((r) => italianDay(new Date(r.time)) >= per.from);
    const comuni = new Map((await em.find(Comune, { codiceIstat: { $in: [...new Set(all.map((r) => r.targetComune!))] } })).map((c) => [c.codiceIstat, c]));
    const items: AlarmView[] = [];
    const base = { enteId: null, userId: null, username: null, subject: null };

    for (const r of inPeriod) {
      const c = comuni.get(r.targetComune!);
      const t = new Date(r.time);
      if (!c || !inWindow(romeTime(t), c.alarmNightStart, c.alarmNightEnd)) continue;
      items.push({ ...base, kind: 'night', day: italianDay(t), comune: c.codiceIstat, enteId: r.enteId ?? null, userId: r.userId ?? null, username: r.username ?? null, count: 1, reason: `Richiesta alle ${romeTime(t)}, nella fascia notturna ${c.alarmNightStart}–${c.alarmNightEnd}`, requestIds: [r.requestId] });
    }

    const bySubject = new Map<string, Row[]>();
    for (const r of inPeriod) {
      for (const s of new Set(r.subjects ?? [])) {
        const k = `${r.targetComune}|${italianDay(new Date(r.time))}|${s}`;
        const list = bySubject.get(k);
        if (list) list.push(r);
        else bySubject.set(k, [r]);
      }
    }
    for (const [k, rs] of bySubject) {
      const [istat, day, subject] = k.split('|');
      const threshold = comuni.get(istat)?.alarmRepeatThreshold ?? Infinity;
      if (rs.length <= threshold) continue;
      items.push({ ...base, kind: 'repeated_subject', day, comune: istat, subject, count: rs.length, reason: `${rs.length} richieste sullo stesso soggetto in un giorno (soglia ${threshold})`, requestIds: rs.slice(0, 50).map((r) => r.requestId) });
    }

    const perEnteDay = new Map<string, Row[]>();
    for (const r of all) {
      if (!r.enteId) continue;
      const k = `${r.enteId}|${r.targetComune}|${italianDay(new Date(r.time))}`;
      const list = perEnteDay.get(k);
      if (list) list.push(r);
      else perEnteDay.set(k, [r]);
    }
    for (const [k, rs] of perEnteDay) {
      const [enteId, istat, day] = k.split('|');
      if (day < per.from || rs.length < VOLUME_MIN) continue;
      let before = 0;
      for (let i = 1; i <= HISTORY_DAYS; i++) before += perEnteDay.get(`${enteId}|${istat}|${addDays(day, -i)}`)?.length ?? 0;
      const average = before / HISTORY_DAYS;
      if (rs.length <= VOLUME_FACTOR * average && average > 0) continue;
      items.push({ ...base, kind: 'volume', day, comune: istat, enteId, count: rs.length, reason: `${rs.length} richieste in un giorno contro una media di ${average.toFixed(1)} nelle quattro settimane precedenti`, requestIds: rs.slice(0, 50).map((r) => r.requestId) });
    }

    const order = { volume: 0, repeated_subject: 1, night: 2 } as Record<string, number>;
    items.sort((a, b) => b.day.localeCompare(a.day) || order[a.kind] - order[b.kind]);
    return { from: per.from, to: per.to, items };
  }
}


