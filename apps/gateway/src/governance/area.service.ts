import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/clock';
import { Comune, Convenzione, Ente, Profile, User, type Role } from '#libs/domain';
import { problem } from '../common/problem.js';
import type { Principal } from '../auth/principal.js';

/** Which roles each role may create and manage. */
const MANAGEABLE_ROLES: Record<Role, Role[]> = {
  TOP: ['TOP', 'ADMIN', 'STANDARD', 'STANDARDPS'],
  ADMIN: ['STANDARD', 'STANDARDPS'],
  STANDARD: [],
  STANDARDPS: [],
};

export type ProfileGrant = Pick<Profile, 'sections' | 'visuraTypes' | 'rivestizioneFields' | 'scope' | 'allowedComuni' | 'dailyQuota'>;

/**
 * The tenancy rules, in one place.
 *
 * Every Ente has an owner Comune (`Ente.comune`): the Comune whose TOP registered it, which manages
 * its users. A convenzione is something else: the consent of the Comune it names that the Ente's
 * users may query that Comune's residents with that Comune's ANPR credentials. It gives the Comune
 * it names no power over the Ente.
 * - TOP of Comune X *manages* (users and ADMINs, their profiles and status, workstations and their
 *   authorisation, Ente edits, applications read) only the Enti X owns, plus X's other TOP users.
 *   X *sees* (GET /v1/enti, /v1/enti/{id}) also the Enti that have a current or future convenzione
 *   with X, and of those only X's own convenzioni, which X's TOP alone may add, end or shorten.
 * - ADMIN of Ente Y manages Y's STANDARD and STANDARDPS users, Y's applications and workstations
 *   (without authorising them).
 * - STANDARD and STANDARDPS users manage nothing.
 * - Nobody manages themselves: one's own role, profile, Ente/Comune, status, quota and ANPR operator
 *   id are changed by whoever manages them; an ANPR operator id only by a TOP of that Comune.
 * - A profile's allowedComuni lie within the Ente's convenzioni active today (a TOP user's: their
 *   own Comune); an ADMIN never grants beyond their own profile. Lookups check the convenzione with
 *   the target Comune again at call time.
 * - Monitoring: a TOP sees monitored events about their Comune or of users their Comune manages; an
 *   ADMIN their Ente's users; everyone else their own history. STANDARDPS activity is never shown to
 *   TOP or ADMIN.
 * Anything outside one's area is reported as not found (existence not revealed) or forbidden, and
 * nothing changes.
 */
@Injectable()
export class AreaService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Ente ids the principal manages: for TOP the Enti their Comune owns, for ADMIN their own. */
  async enteIds(p: Principal, em: EntityManager = this.em): Promise<string[]> {
    if (p.role === 'TOP') {
      const owned = await em.find(Ente, { comune: p.user.comune!.id }, { fields: ['id'] });
      return owned.map((e) => e.id);
    }
    if (p.role === 'ADMIN') return [p.user.ente!.id];
    return [];
  }

  /**
   * Ente ids the principal may see: those managed and, for TOP, those with a current or future
   * convenzione with their Comune (agreements that ended no longer show the Ente).
   */
  async visibleEnteIds(p: Principal, em: EntityManager = this.em): Promise<string[]> {
    const managed = await this.enteIds(p, em);
    if (p.role !== 'TOP') return [...new Set([...managed, ...(p.user.ente ? [p.user.ente.id] : [])])];
    const agreed = await em.getRepository(Convenzione).enteIdsAgreedWith(p.user.comune!.id, this.clock.italianDay());
    return [...new Set([...managed, ...agreed])];
  }

  canManageRole(p: Principal, role: Role): boolean {
    return MANAGEABLE_ROLES[p.role].includes(role);
  }

  /** True when `target` is inside the principal's management area; never for oneself. */
  async manages(p: Principal, target: User, em: EntityManager = this.em): Promise<boolean> {
    if (target.id === p.user.id) return false;
    if (!this.canManageRole(p, target.role)) return false;
    if (target.role === 'TOP') return p.role === 'TOP' && !!target.comune && target.comune.id === p.user.comune?.id;
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
    const u = await em.findOne(User, { id }, { populate: ['ente', 'ente.comune', 'comune', 'createdBy'] });
    if (u && u.id === p.user.id) throw problem('forbidden', 'You cannot change your own account or profile; ask who manages you');
    if (!u || !(await this.manages(p, u, em))) throw problem('not-found', `No user ${id} in your area`);
    return u;
  }

  /** An Ente the principal manages (TOP of its owner Comune, or its own ADMIN), or 404. */
  async managedEnte(p: Principal, id: string, em: EntityManager = this.em): Promise<Ente> {
    const ids = await this.enteIds(p, em);
    if (!ids.includes(id)) throw problem('not-found', `No ente ${id} in your area`);
    return em.findOneOrFail(Ente, { id }, { populate: ['convenzioni', 'convenzioni.comune', 'comune'] });
  }

  /** ISTAT codes of the Comuni an Ente has an active convenzione with today. */
  async activeComuniOf(enteId: string, em: EntityManager = this.em): Promise<string[]> {
    return em.getRepository(Convenzione).comuniAgreedOn(enteId, this.clock.italianDay());
  }

  /**
   * Who may give `target` an ANPR operator id (or the mediator function), and which: a TOP of the
   * target's Comune, for another user, and one of the Comune's configured operator ids when it has any.
   * Returns the violations, empty when allowed.
   */
  async operatorIdViolations(p: Principal, target: { id?: string; role: Role; comune?: Comune; ente?: Ente }, anprOperatorId: string | null | undefined, em: EntityManager = this.em): Promise<string[]> {
    if (p.role !== 'TOP') return ['only a TOP user of the Comune sets ANPR operator ids and the mediator function'];
    if (target.id === p.user.id) return ['nobody sets their own ANPR operator id'];
    const comune = target.role === 'TOP' ? target.comune : target.ente ? (await em.findOne(Ente, { id: target.ente.id }, { populate: ['comune'] }))?.comune : undefined;
    if (!comune || comune.id !== p.user.comune?.id) return ['only a TOP user of the user\'s own Comune sets ANPR operator ids'];
    if (anprOperatorId) {
      const c = await em.findOneOrFail(Comune, { id: comune.id });
      if (c.anprOperatorIds.length && !c.anprOperatorIds.includes(anprOperatorId)) {
        return [`${anprOperatorId} is not one of the ANPR operator ids configured for ${c.nome}`];
      }
    }
    return [];
  }

  /**
   * What the principal may grant to `target`: never more than the target's Ente convenzioni active
   * today allow (for a TOP user: exactly their own Comune), and for an ADMIN never more than their
   * own profile holds.
   */
  async checkGrant(p: Principal, target: User, grant: ProfileGrant, em: EntityManager = this.em) {
    const violations: string[] = [];
    const agreed = target.role === 'TOP' ? [target.comune!.codiceIstat] : await this.activeComuniOf(target.ente!.id, em);
    for (const c of grant.allowedComuni) {
      if (!agreed.includes(c)) {
        violations.push(target.role === 'TOP' ? `allowedComuni: ${c} is not the user's own Comune` : `allowedComuni: ${c} has no active convenzione with the user's ente`);
      }
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
