import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Convenzione, Ente, Profile, User, type Role } from '#libs/domain';
import { problem } from '../common/problem.js';
import type { Principal } from '../auth/principal.js';

export const today = () => new Date().toISOString().slice(0, 10);

/** Which roles each role may create and manage. */
const MANAGEABLE_ROLES: Record<Role, Role[]> = {
  TOP: ['TOP', 'ADMIN', 'STANDARD', 'STANDARDPS'],
  ADMIN: ['STANDARD', 'STANDARDPS'],
  STANDARD: [],
  STANDARDPS: [],
};

/**
 * The tenancy rules, in one place:
 * - TOP of Comune X manages X's own TOP users, the Enti that have a convenzione with X (and X's
 *   municipal offices), and all their users;
 * - ADMIN of Ente Y manages Y's STANDARD and STANDARDPS users and Y's applications;
 * - STANDARD and STANDARDPS users manage nothing.
 * Anything outside one's area is reported as not found, so its existence is not revealed.
 */
@Injectable()
export class AreaService {
  constructor(private readonly em: EntityManager) {}

  /** Ente ids in the principal's area (for TOP: every Ente with a current or future convenzione with their Comune). */
  async enteIds(p: Principal, em: EntityManager = this.em): Promise<string[]> {
    if (p.role === 'TOP') {
      const comuneId = p.user.comune!.id;
      // Agreements that ended no longer give the Comune's TOP users a say over the Ente.
      const conv = await em.find(Convenzione, { comune: comuneId, $or: [{ validTo: null }, { validTo: { $gte: today() } }] }, { fields: ['ente'] });
      const offices = await em.find(Ente, { comune: comuneId }, { fields: ['id'] });
      return [...new Set([...conv.map((c) => c.ente.id), ...offices.map((e) => e.id)])];
    }
    if (p.role === 'ADMIN') return [p.user.ente!.id];
    return [];
  }

  canManageRole(p: Principal, role: Role): boolean {
    return MANAGEABLE_ROLES[p.role].includes(role);
  }

  /** True when `target` is inside the principal's management area. */
  async manages(p: Principal, target: User, em: EntityManager = this.em): Promise<boolean> {
    if (!this.canManageRole(p, target.role)) return false;
    if (target.role === 'TOP') return p.role === 'TOP' && target.comune?.id === p.user.comune?.id;
    if (!target.ente) return false;
    return (await this.enteIds(p, em)).includes(target.ente.id);
  }

  /** Loads a user the principal may see (themselves, or one they manage), or 404. */
  async visibleUser(p: Principal, id: string, em: EntityManager = this.em): Promise<User> {
    const u = await em.findOne(User, { id }, { populate: ['ente', 'comune', 'createdBy'] });
    if (!u || (u.id !== p.user.id && !(await this.manages(p, u, em)))) throw problem('not-found', `No user ${id} in your area`);
    return u;
  }

  async managedUser(p: Principal, id: string, em: EntityManager = this.em): Promise<User> {
    const u = await em.findOne(User, { id }, { populate: ['ente', 'comune', 'createdBy'] });
    if (!u || !(await this.manages(p, u, em))) {
      if (u && u.id === p.user.id) throw problem('forbidden', 'You cannot change your own account or profile; ask who manages you');
      throw problem('not-found', `No user ${id} in your area`);
    }
    return u;
  }

  async managedEnte(p: Principal, id: string, em: EntityManager = this.em): Promise<Ente> {
    const ids = await this.enteIds(p, em);
    if (!ids.includes(id)) throw problem('not-found', `No ente ${id} in your area`);
    return em.findOneOrFail(Ente, { id }, { populate: ['convenzioni', 'convenzioni.comune', 'comune'] });
  }

  /** ISTAT codes of the Comuni an Ente has an active convenzione with today. */
  async activeComuniOf(enteId: string, em: EntityManager = this.em): Promise<string[]> {
    const conv = await em.find(Convenzione, { ente: enteId }, { populate: ['comune'] });
    const day = today();
    return [...new Set(conv.filter((c) => c.isActiveOn(day)).map((c) => c.comune.codiceIstat))];
  }

  /**
   * What the principal may grant to `target`: never more than the target's Ente convenzioni allow,
   * and for an ADMIN never more than their own profile holds.
   */
  async checkGrant(p: Principal, target: User, grant: Omit<Profile, 'id' | 'user' | 'updatedBy' | 'updatedAt'>, em: EntityManager = this.em) {
    const violations: string[] = [];
    const agreed = target.role === 'TOP' ? [target.comune!.codiceIstat] : await this.activeComuniOf(target.ente!.id, em);
    for (const c of grant.allowedComuni) {
      if (!agreed.includes(c)) violations.push(`allowedComuni: ${c} has no active convenzione with the user's ente`);
    }
    if (p.role === 'ADMIN') {
      const own = await em.findOne(Profile, { user: p.user.id });
      const holds = <T>(field: string, asked: T[], mine: T[] = []) =>
        asked.filter((x) => !mine.includes(x)).forEach((x) => violations.push(`${field}: ${String(x)} is beyond your own profile`));
      holds('allowedComuni', grant.allowedComuni, own?.allowedComuni);
      holds('sections', grant.sections, own?.sections);
      holds('visuraTypes', grant.visuraTypes, own?.visuraTypes);
      holds('rivestizioneFields', grant.rivestizioneFields, own?.rivestizioneFields);
      if (grant.scope === 'national' && own?.scope !== 'national') violations.push('scope: national search is beyond your own profile');
      if (grant.dailyQuota > (own?.dailyQuota ?? 0)) violations.push(`dailyQuota: ${grant.dailyQuota} exceeds your own ${own?.dailyQuota ?? 0}`);
    }
    if (violations.length) throw problem('grant-exceeds-own', violations.join('; '), { violations });
  }
}
