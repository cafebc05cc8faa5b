import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Profile } from '#libs/domain';
import { mapProfile, mapUser } from '../governance/mappers.js';
import type { Principal } from './principal.js';

/** The caller as GET /v1/me shows them. */
@Injectable()
export class MeService {
  constructor(private readonly em: EntityManager) {}

  async describe(p: Principal) {
    const profile = await this.em.fork().findOne(Profile, { user: p.user.id }, { populate: ['user', 'updatedBy'] });
    return {
      user: mapUser(p.user),
      profile: profile ? mapProfile(profile) : null,
      application: p.application ? { id: p.application.id, name: p.application.name, clientId: p.application.clientId } : null,
      workstation: p.workstation ? { id: p.workstation.id, code: p.workstation.code, authorised: p.workstation.authorised } : null,
    };
  }
}
