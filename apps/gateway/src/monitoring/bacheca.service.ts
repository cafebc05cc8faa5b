import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { BachecaMessage, Comune, Convenzione, User } from '#libs/domain';
import { problem } from '../common/problem.js';
import type { Principal } from '../auth/principal.js';
import { AreaService } from '../governance/area.service.js';
import type { BachecaListQuery, CreateBachecaMessageDto, UpdateBachecaMessageDto } from './monitoring.dto.js';
import type { BachecaMessageView } from './monitoring.models.js';
import { Clock } from '#libs/clock';

const view = (m: BachecaMessage): BachecaMessageView => ({
  id: m.id,
  comune: m.comune.codiceIstat,
  comuneNome: m.comune.nome,
  title: m.title,
  body: m.body,
  validFrom: m.validFrom,
  validTo: m.validTo ?? null,
  private: Boolean(m.recipient),
  recipientId: m.recipient?.id ?? null,
  authorName: m.author.name,
  createdAt: m.createdAt.toISOString(),
});

/**
 * The bacheca (R-VIS-12): TOP users write messages on their Comune's board, public for everyone who
 * works with the Comune (its TOP users, the users of the Enti it registered or has a current
 * convenzione with) or private for one user they manage; each person sees those valid today.
 */
@Injectable()
export class BachecaService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
    private readonly clock: Clock,
  ) {}

  /** Comuni whose public messages a person sees. */
  private async comuniOf(p: Principal, em: EntityManager): Promise<string[]> {
    if (p.user.comune) return [p.user.comune.id];
    if (!p.user.ente) return [];
    const day = this.clock.italianDay();
    const conv = p.convenzioni ?? (await em.find(Convenzione, { ente: p.user.ente.id }, { populate: ['comune'] }));
    const ids = conv.filter((c) => c.isActiveOn(day)).map((c) => c.comune.id);
    const owner = p.user.ente.comune?.id;
    return [...new Set(owner ? [owner, ...ids] : ids)];
  }

  async current(p: Principal) {
    const em = this.em.fork();
    const day = this.clock.italianDay();
    const comuni = await this.comuniOf(p, em);
    const items = await em.find(
      BachecaMessage,
      {
        validFrom: { $lte: day },
        $and: [
          { $or: [{ validTo: null }, { validTo: { $gte: day } }] },
          { $or: [{ recipient: p.user.id }, ...(comuni.length ? [{ recipient: null, comune: { $in: comuni } }] : [])] },
        ],
      },
      { populate: ['comune', 'author', 'recipient'], orderBy: { validFrom: 'desc', createdAt: 'desc' }, limit: 200 },
    );
    return { items: items.map(view), page: 1, pageSize: 200, total: items.length };
  }

  /** Every message of the caller's Comune (past, current and future), for its TOP users. */
  async list(p: Principal, q: BachecaListQuery) {
    const em = this.em.fork();
    const [items, total] = await em.findAndCount(BachecaMessage, { comune: p.user.comune!.id }, {
      populate: ['comune', 'author', 'recipient'],
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: items.map(view), page: q.page, pageSize: q.pageSize, total };
  }

  async create(p: Principal, dto: CreateBachecaMessageDto) {
    const em = this.em.fork();
    if (dto.validTo && dto.validTo < dto.validFrom) throw problem('validation-failed', 'validTo must not be before validFrom', { errors: [{ field: 'validTo', message: 'must not be before validFrom' }] });
    const recipient = dto.recipientId ? await this.area.visibleUser(p, dto.recipientId, em) : undefined;
    const m = em.create(BachecaMessage, {
      comune: em.getReference(Comune, p.user.comune!.id),
      author: em.getReference(User, p.user.id),
      recipient,
      title: dto.title,
      body: dto.body,
      validFrom: dto.validFrom,
      validTo: dto.validTo,
      createdAt: new Date(),
    });
    await em.flush();
    await em.populate(m, ['comune', 'author', 'recipient']);
    return view(m);
  }

  private async own(p: Principal, id: string, em: EntityManager) {
    const m = await em.findOne(BachecaMessage, { id, comune: p.user.comune!.id }, { populate: ['comune', 'author', 'recipient'] });
    if (!m) throw problem('not-found', `No message ${id} on your Comune's bacheca`);
    return m;
  }

  async update(p: Principal, id: string, dto: UpdateBachecaMessageDto) {
    const em = this.em.fork();
    const m = await this.own(p, id, em);
    const next = { validFrom: dto.validFrom ?? m.validFrom, validTo: dto.validTo ?? m.validTo };
    if (next.validTo && next.validTo < next.validFrom) throw problem('validation-failed', 'validTo must not be before validFrom', { errors: [{ field: 'validTo', message: 'must not be before validFrom' }] });
    Object.assign(m, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
    await em.flush();
    return view(m);
  }

  async remove(p: Principal, id: string) {
    const em = this.em.fork();
    em.remove(await this.own(p, id, em));
    await em.flush();
  }
}
