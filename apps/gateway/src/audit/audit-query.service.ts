import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccessLog, AuditEvent, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import type { Principal } from '../auth/principal.js';
import { AreaService } from '../governance/area.service.js';
import type { AccessLogQuery, AuditQuery } from '../governance/governance.dto.js';
import { mapAccessLog, mapAuditEvent } from '../governance/mappers.js';

const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999Z`);

/**
 * Searches of the audit trail and the access log, each limited to what the caller may monitor
 * (R-MON-1): TOP the requests on their Comune's residents and the activity of the users their Comune
 * manages (its TOP users, the users of the Enti it owns), ADMIN their Ente's users, others their own
 * history. STANDARDPS activity is never shown to TOP or ADMIN. See AreaService for the model.
 */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Whom a TOP or ADMIN monitors: the Enti they manage and, for TOP, their Comune's TOP users; and
   * the STANDARDPS users among those, whose activity is never shown to them (their events are written
   * unmonitored; excluding them by id as well guards against an event that was not).
   */
  private async monitoredActors(p: Principal, em: EntityManager) {
    const enti = await this.area.enteIds(p, em);
    const tops = p.role === 'TOP' ? await em.find(User, { role: 'TOP', comune: p.user.comune!.id }, { fields: ['id'] }) : [];
    const ps = enti.length ? await em.find(User, { role: 'STANDARDPS', ente: { $in: enti } }, { fields: ['id'] }) : [];
    return { enti, tops: tops.map((t) => t.id), hidden: ps.map((u) => u.id) };
  }

  private async auditScope(p: Principal, own: boolean, em: EntityManager): Promise<FilterQuery<AuditEvent>> {
    if (own || p.role === 'STANDARD' || p.role === 'STANDARDPS') return { userId: p.user.id };
    const { enti, tops, hidden } = await this.monitoredActors(p, em);
    const notHidden: FilterQuery<AuditEvent> = hidden.length ? { $or: [{ userId: null }, { userId: { $nin: hidden } }] } : {};
    if (p.role === 'ADMIN') return { $and: [{ enteId: p.user.ente!.id, monitored: true }, notHidden] };
    return {
      $and: [
        { monitored: true },
        { $or: [{ targetComune: p.user.comune!.codiceIstat }, { enteId: { $in: enti } }, { userId: { $in: tops } }] },
        notHidden,
      ],
    };
  }

  /** The audit events the principal may monitor (statistics and alarms count within it). */
  scopeOf(p: Principal, em: EntityManager): Promise<FilterQuery<AuditEvent>> {
    return this.auditScope(p, false, em);
  }

  async searchAudit(p: Principal, q: AuditQuery, own = false) {
    const em = this.em.fork();
    const f: FilterQuery<AuditEvent>[] = [await this.auditScope(p, own, em)];
    if (q.from) f.push({ time: { $gte: dayStart(q.from) } });
    if (q.to) f.push({ time: { $lte: dayEnd(q.to) } });
    if (q.userId) f.push({ userId: q.userId });
    if (q.enteId) f.push({ enteId: q.enteId });
    if (q.comune) f.push({ targetComune: q.comune });
    if (q.outcome) f.push({ outcome: q.outcome as any });
    if (q.subject) {
      const s = q.subject.toUpperCase();
      // JSON arrays are stored as text on both MariaDB and SQLite: a quoted match finds the element.
      f.push({ $or: [{ criterionValue: s }, { subjects: { $like: `%"${s}"%` } as any }] } as any);
    }
    const [items, total] = await em.findAndCount(AuditEvent, { $and: f } as FilterQuery<AuditEvent>, {
      orderBy: { time: 'desc', id: 'desc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: items.map(mapAuditEvent), page: q.page, pageSize: q.pageSize, total };
  }

  async searchAccessLog(p: Principal, q: AccessLogQuery, own = false) {
    const em = this.em.fork();
    let scope: FilterQuery<AccessLog>;
    if (own || p.role === 'STANDARD' || p.role === 'STANDARDPS') scope = { userId: p.user.id };
    else {
      const { enti, tops, hidden } = await this.monitoredActors(p, em);
      const notHidden: FilterQuery<AccessLog> = hidden.length ? { $or: [{ userId: null }, { userId: { $nin: hidden } }] } : {};
      if (p.role === 'ADMIN') scope = { $and: [{ enteId: p.user.ente!.id, monitored: true }, notHidden] };
      else scope = { $and: [{ monitored: true }, { $or: [{ enteId: { $in: enti } }, { userId: { $in: tops } }] }, notHidden] };
    }
    const f: FilterQuery<AccessLog>[] = [scope];
    if (q.from) f.push({ time: { $gte: dayStart(q.from) } });
    if (q.to) f.push({ time: { $lte: dayEnd(q.to) } });
    if (q.userId) f.push({ userId: q.userId });
    if (q.enteId) f.push({ enteId: q.enteId });
    if (q.event) f.push({ event: q.event as any });
    const [items, total] = await em.findAndCount(AccessLog, { $and: f } as FilterQuery<AccessLog>, {
      orderBy: { time: 'desc', id: 'desc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: items.map(mapAccessLog), page: q.page, pageSize: q.pageSize, total };
  }
}
