import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/clock';
import { Comune, Convenzione, Ente, Profile } from '#libs/domain';
import { mapProfile, mapUser } from '../governance/mappers.js';
import type { Principal } from './principal.js';

/**
 * The caller as GET /v1/me shows them: the user, their profile, their Ente (and its kind), the
 * Comuni they work with today with the policies that decide how their visure are handled there,
 * the calling application or acting service, and the recognised workstation.
 */
@Injectable()
export class MeService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async describe(p: Principal) {
    const em = this.em.fork();
    const profile = await em.findOne(Profile, { user: p.user.id }, { populate: ['user', 'updatedBy'] });
    const ente = p.user.ente ? await em.findOne(Ente, { id: p.user.ente.id }, { populate: ['comune'] }) : null;
    const today = this.clock.italianDay();
    const agreed = p.user.ente
      ? (p.convenzioni ?? (await em.find(Convenzione, { ente: p.user.ente.id }, { populate: ['comune'] }))).filter((c) => c.isActiveOn(today)).map((c) => c.comune)
      : [];
    const own = p.user.comune ? [await em.findOneOrFail(Comune, { id: p.user.comune.id })] : [];
    const comuni = [...own.map((c) => ({ c, own: true })), ...agreed.map((c) => ({ c, own: false }))].map(({ c, own: isOwn }) => ({
      codiceIstat: c.codiceIstat,
      nome: c.nome,
      own: isOwn,
      nonResidentVisuraPolicy: c.nonResidentVisuraPolicy,
      silentConsentHours: c.silentConsentHours,
    }));
    return {
      user: mapUser(p.user),
      profile: profile ? mapProfile(profile) : null,
      application: p.application ? { id: p.application.id, name: p.application.name, clientId: p.application.clientId } : null,
      workstation: p.workstation ? { id: p.workstation.id, code: p.workstation.code, authorised: p.workstation.authorised } : null,
      ente: ente ? { id: ente.id, name: ente.name, kind: ente.kind, comune: ente.comune?.codiceIstat ?? null } : null,
      comuni,
      actingService: p.actingService ?? null,
    };
  }
}
