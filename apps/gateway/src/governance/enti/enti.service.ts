import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { addDays, Clock } from '#libs/clock';
import { Comune, Convenzione, Ente } from '#libs/domain';
import { problem } from '../../common/problem.js';
import type { Principal } from '../../auth/principal.js';
import { AreaService } from '../area.service.js';
import type { ConvenzioneDto, EndConvenzioneDto, CreateEnteDto, UpdateEnteDto } from '../governance.dto.js';
import { mapConvenzione, mapEnte } from '../mappers.js';

/** Enti, owned by the Comune that registered them, and convenzioni, each the consent of the Comune it names. */
@Injectable()
export class EntiService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
    private readonly clock: Clock,
  ) {}

  async listEnti(p: Principal) {
    const em = this.em.fork();
    const ids = await this.area.visibleEnteIds(p, em);
    const managed = new Set(await this.area.enteIds(p, em));
    const enti = await em.find(Ente, { id: { $in: ids } }, { populate: ['convenzioni', 'convenzioni.comune', 'comune'], orderBy: { name: 'asc' } });
    return { items: enti.map((e) => this.viewEnte(p, e, managed)) };
  }

  async getEnte(p: Principal, id: string) {
    const em = this.em.fork();
    if (!(await this.area.visibleEnteIds(p, em)).includes(id)) throw problem('not-found', `No ente ${id} in your area`);
    const ente = await em.findOneOrFail(Ente, { id }, { populate: ['convenzioni', 'convenzioni.comune', 'comune'] });
    return this.viewEnte(p, ente, new Set(await this.area.enteIds(p, em)));
  }

  /** The owner and the Ente's own users see every convenzione; a Comune with an agreement only its own. */
  private viewEnte(p: Principal, e: Ente, managed: Set<string>) {
    const whole = managed.has(e.id) || p.user.ente?.id === e.id;
    return mapEnte(e, whole ? undefined : p.user.comune?.codiceIstat);
  }

  /** TOP registers an Ente, owned by their Comune, and its convenzione with their Comune in one step. */
  async createEnte(p: Principal, dto: CreateEnteDto) {
    const em = this.em.fork();
    const comune = await em.findOneOrFail(Comune, { id: p.user.comune!.id });
    this.checkDates(dto.convenzione);
    const ente = em.create(Ente, {
      kind: dto.kind,
      name: dto.name,
      codiceFiscale: dto.codiceFiscale,
      comune,
      createdAt: new Date(),
    });
    em.create(Convenzione, { ente, comune, validFrom: dto.convenzione.validFrom, validTo: dto.convenzione.validTo, reference: dto.convenzione.reference });
    await em.flush();
    await em.populate(ente, ['convenzioni', 'convenzioni.comune', 'comune']);
    return mapEnte(ente);
  }

  async updateEnte(p: Principal, id: string, dto: UpdateEnteDto) {
    const em = this.em.fork();
    const ente = await this.area.managedEnte(p, id, em);
    Object.assign(ente, dto);
    await em.flush();
    return mapEnte(ente);
  }

  /**
   * A convenzione always names the caller's own Comune: it is that Comune's consent, so its TOP may
   * give it to any registered Ente. It gives the Comune no power over the Ente.
   */
  async addConvenzione(p: Principal, enteId: string, dto: ConvenzioneDto) {
    const em = this.em.fork();
    this.checkDates(dto);
    const ente = await em.findOne(Ente, { id: enteId });
    if (!ente) throw problem('not-found', `No ente ${enteId}`);
    const c = em.create(Convenzione, { ente, comune: em.getReference(Comune, p.user.comune!.id), validFrom: dto.validFrom, validTo: dto.validTo, reference: dto.reference });
    await em.flush();
    await em.populate(c, ['comune']);
    return mapConvenzione(c);
  }

  /** Ends or shortens a convenzione; only the TOP users of the Comune it names may. */
  async endConvenzione(p: Principal, enteId: string, convenzioneId: string, dto: EndConvenzioneDto) {
    const em = this.em.fork();
    const c = await em.findOne(Convenzione, { id: convenzioneId, ente: enteId }, { populate: ['comune'] });
    if (!c || c.comune.id !== p.user.comune?.id) throw problem('not-found', `No convenzione ${convenzioneId} of your Comune with ente ${enteId}`);
    const yesterday = addDays(this.clock.italianDay(), -1);
    const dayBeforeStart = addDays(c.validFrom, -1);
    const earliest = yesterday > dayBeforeStart ? yesterday : dayBeforeStart;
    if (c.validTo && dto.validTo > c.validTo) throw problem('validation-failed', `validTo may only end or shorten the convenzione: not after ${c.validTo}`);
    if (dto.validTo < earliest) throw problem('validation-failed', `validTo must not be before ${earliest} (the past is not rewritten)`);
    c.validTo = dto.validTo;
    await em.flush();
    return mapConvenzione(c);
  }

  private checkDates(c: ConvenzioneDto) {
    if (c.validTo && c.validTo < c.validFrom) throw problem('validation-failed', 'validTo must not be before validFrom');
  }
}
