import { randomBytes } from 'node:crypto';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Comune, Ente, Profile, ROLES, User, type Role } from '#libs/domain';
import { problem } from '../../common/problem.js';
import type { Principal } from '../../auth/principal.js';
import { hashSecret, passwordViolations } from '../../auth/password.js';
import { revokeAllSessions } from '../../auth/sessions.service.js';
import { AreaService, type ProfileGrant } from '../area.service.js';
import { formulaCell, parseCsv } from '../csv.js';
import type { CreateUserDto, ProfileDto, UpdateUserDto, UserListQuery } from '../governance.dto.js';
import { mapProfile, mapUser } from '../mappers.js';

const IMPORT_COLUMNS = ['username', 'name', 'email', 'role', 'ente', 'mediator', 'anprOperatorId', 'password'] as const;

/** A new user's profile: nothing allowed until someone who manages them sets it. */
const EMPTY_PROFILE: ProfileGrant = { sections: [], visuraTypes: [], rivestizioneFields: [], scope: 'agreed', allowedComuni: [], dailyQuota: 0 };

export interface ImportRowError {
  row: number;
  field?: string;
  message: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
  ) {}

  async list(p: Principal, q: UserListQuery) {
    const em = this.em.fork();
    let scope: FilterQuery<User>;
    if (p.role === 'TOP') {
      // The users of the Enti the Comune owns, and the Comune's own TOP users (not a convenzione's Enti).
      scope = { $or: [{ ente: { $in: await this.area.enteIds(p, em) } }, { role: 'TOP', comune: p.user.comune!.id }] };
    } else if (p.role === 'ADMIN') {
      scope = { ente: p.user.ente!.id, role: { $in: ['STANDARD', 'STANDARDPS'] } };
    } else {
      scope = { id: p.user.id };
    }
    const [items, total] = await em.getRepository(User).findPage(scope, { role: q.role, enteId: q.enteId, status: q.status, text: q.q }, q);
    return { items: items.map((u) => mapUser(u, p.user.id)), page: q.page, pageSize: q.pageSize, total };
  }

  async get(p: Principal, id: string) {
    return mapUser(await this.area.visibleUser(p, id, this.em.fork()), p.user.id);
  }

  /** Validates one would-be user against the principal's powers; returns errors instead of throwing. */
  private async validateNew(p: Principal, dto: CreateUserDto, em: EntityManager): Promise<{ errors: ImportRowError[]; ente?: Ente; comune?: Comune }> {
    const errors: ImportRowError[] = [];
    const err = (field: string, message: string) => errors.push({ row: 0, field, message });
    if (!this.area.canManageRole(p, dto.role)) err('role', `you cannot create ${dto.role} users`);
    let ente: Ente | undefined;
    let comune: Comune | undefined;
    if (dto.role === 'TOP') {
      comune = p.user.comune;
      if (dto.enteId) err('enteId', 'TOP users belong to the Comune, not to an ente');
    } else if (!dto.enteId) {
      err('enteId', `is required for ${dto.role} users`);
    } else {
      const inArea = (await this.area.enteIds(p, em)).includes(dto.enteId);
      if (!inArea) err('enteId', `no ente ${dto.enteId} in your area`);
      else ente = (await em.findOne(Ente, { id: dto.enteId })) ?? undefined;
    }
    for (const v of passwordViolations(dto.password, dto.username)) err('password', v);
    if (dto.mediator && !dto.anprOperatorId) err('anprOperatorId', 'is required for a mediator');
    if (dto.anprOperatorId || dto.mediator) {
      if (p.role !== 'TOP') err('anprOperatorId', 'you cannot set ANPR operator ids or the mediator function: only a TOP user of the Comune does');
      else if (comune || ente) {
        for (const v of await this.area.operatorIdViolations(p, { role: dto.role, comune, ente }, dto.anprOperatorId, em)) err('anprOperatorId', v);
      }
    }
    if (await em.getRepository(User).isUsernameTaken(dto.username)) err('username', `${dto.username} is already taken`);
    return { errors, ente, comune };
  }

  async create(p: Principal, dto: CreateUserDto) {
    const em = this.em.fork();
    const { errors, ente, comune } = await this.validateNew(p, dto, em);
    if (errors.length) {
      const forbidden = errors.find((e) => e.message.startsWith('you cannot') || (e.field === 'enteId' && e.message.startsWith('no ente')));
      if (forbidden) throw problem('forbidden', `${forbidden.field} ${forbidden.message}`);
      if (errors.some((e) => e.message.includes('already taken'))) throw problem('conflict', errors.map((e) => `${e.field} ${e.message}`).join('; '));
      if (errors.every((e) => e.field === 'password')) throw problem('weak-password', errors.map((e) => e.message).join('; '), { errors });
      throw problem('validation-failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
    }
    const user = await this.build(p, dto, em, ente, comune);
    await em.flush();
    return mapUser(user);
  }

  private async build(p: Principal, dto: CreateUserDto, em: EntityManager, ente?: Ente, comune?: Comune) {
    const user = em.create(User, {
      username: dto.username,
      name: dto.name,
      email: dto.email,
      role: dto.role,
      ente,
      comune,
      mediator: dto.mediator ?? false,
      anprOperatorId: dto.anprOperatorId,
      status: 'active',
      failedLogins: 0,
      mustChangePassword: false,
      passwordHash: await hashSecret(dto.password),
      passwordChangedAt: new Date(),
      createdBy: em.getReference(User, p.user.id),
      createdAt: new Date(),
    });
    em.create(Profile, { user, ...EMPTY_PROFILE, updatedBy: em.getReference(User, p.user.id), updatedAt: new Date() });
    return user;
  }

  /** Nobody reaches their own account here (managedUser refuses it); ANPR identity only by a TOP of the user's Comune. */
  async update(p: Principal, id: string, dto: UpdateUserDto) {
    const em = this.em.fork();
    const u = await this.area.managedUser(p, id, em);
    if (dto.anprOperatorId !== undefined || dto.mediator !== undefined) {
      const violations = await this.area.operatorIdViolations(p, u, dto.anprOperatorId, em);
      if (violations.length) {
        const type = p.role === 'TOP' && violations[0].includes('is not one of') ? 'validation-failed' : 'forbidden';
        throw problem(type, `anprOperatorId: ${violations.join('; ')}`);
      }
    }
    if (dto.name !== undefined) u.name = dto.name;
    if (dto.email !== undefined) u.email = dto.email;
    if (dto.status !== undefined) u.status = dto.status;
    if (dto.status === 'suspended') await revokeAllSessions(em, u.id, 'suspended');
    if (dto.anprOperatorId !== undefined) u.anprOperatorId = dto.anprOperatorId;
    if (dto.mediator !== undefined) {
      if (dto.mediator && !u.anprOperatorId) throw problem('validation-failed', 'anprOperatorId is required for a mediator');
      u.mediator = dto.mediator;
    }
    if (dto.unlock) {
      u.lockedUntil = undefined;
      u.failedLogins = 0;
    }
    await em.flush();
    return mapUser(u);
  }

  async getProfile(p: Principal, id: string) {
    const em = this.em.fork();
    const u = await this.area.visibleUser(p, id, em);
    const prof = await em.findOne(Profile, { user: u.id }, { populate: ['user', 'updatedBy'] });
    if (!prof) throw problem('not-found', 'This user has no profile yet');
    return mapProfile(prof);
  }

  async setProfile(p: Principal, id: string, dto: ProfileDto) {
    const em = this.em.fork();
    const u = await this.area.managedUser(p, id, em);
    await this.area.checkGrant(p, u, dto, em);
    let prof = await em.findOne(Profile, { user: u.id }, { populate: ['user'] });
    if (!prof) prof = em.create(Profile, { user: u, ...EMPTY_PROFILE, updatedAt: new Date() });
    Object.assign(prof, {
      sections: dto.sections,
      visuraTypes: dto.visuraTypes,
      rivestizioneFields: dto.rivestizioneFields,
      scope: dto.scope,
      allowedComuni: dto.allowedComuni,
      dailyQuota: dto.dailyQuota,
      updatedBy: em.getReference(User, p.user.id),
      updatedAt: new Date(),
    });
    await em.flush();
    return mapProfile(prof);
  }

  /**
   * Bulk registration from CSV (header row: username,name,email,role,ente,mediator,anprOperatorId,
   * password). Every row is checked first; if any row is wrong nothing is written and the report
   * lists every error by row. `ente` is the ente's id or codice fiscale; a missing password gets a
   * generated temporary one, returned once.
   */
  async importCsv(p: Principal, csv: string) {
    const em = this.em.fork();
    const rows = parseCsv(csv);
    if (rows.length < 2) throw problem('import-failed', 'The file needs a header row and at least one user', { errors: [{ row: 1, message: 'no data rows' }] });
    const header = rows[0].map((h) => h.trim());
    const missing = IMPORT_COLUMNS.filter((c) => c !== 'password' && c !== 'anprOperatorId' && c !== 'mediator' && !header.includes(c));
    if (missing.length) {
      throw problem('import-failed', `Missing columns: ${missing.join(', ')}`, { errors: missing.map((c) => ({ row: 1, field: c, message: 'column missing' })) });
    }
    const col = (r: string[], name: string) => (header.indexOf(name) >= 0 ? (r[header.indexOf(name)] ?? '').trim() : '');
    const errors: ImportRowError[] = [];
    const seen = new Set<string>();
    const areaEnti = await em.find(Ente, { id: { $in: await this.area.enteIds(p, em) } });
    const prepared: Array<{ dto: CreateUserDto; ente?: Ente; comune?: Comune; generated?: string; row: number }> = [];
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      const rowNo = i + 1;
      const enteRef = col(r, 'ente');
      const ente = areaEnti.find((e) => e.id === enteRef || (e.codiceFiscale && e.codiceFiscale === enteRef));
      const role = col(r, 'role').toUpperCase() as Role;
      const generated = col(r, 'password') ? undefined : `Tmp-${randomBytes(9).toString('base64url')}7!`;
      const dto: CreateUserDto = {
        username: col(r, 'username').toLowerCase(),
        name: col(r, 'name'),
        email: col(r, 'email'),
        role,
        enteId: enteRef ? (ente?.id ?? enteRef) : undefined,
        mediator: ['1', 'true', 'si', 'sì', 'yes'].includes(col(r, 'mediator').toLowerCase()),
        anprOperatorId: col(r, 'anprOperatorId') || undefined,
        password: col(r, 'password') || generated!,
      };
      const rowErr = (field: string, message: string) => errors.push({ row: rowNo, field, message });
      // A cell a spreadsheet would run as a formula is refused, not stored (issue 9, finding 11).
      r.forEach((cell, i) => {
        if (formulaCell(cell)) rowErr(header[i] ?? `column ${i + 1}`, 'must not begin with =, +, -, @, a tab or a carriage return');
      });
      if (!/^[a-z0-9][a-z0-9._-]{2,79}$/.test(dto.username)) rowErr('username', 'must be 3-80 lower-case letters, digits, dots, dashes or underscores');
      if (!dto.name) rowErr('name', 'is required');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(dto.email)) rowErr('email', 'is not a valid e-mail address');
      if (!(ROLES as readonly string[]).includes(role)) rowErr('role', `must be one of ${ROLES.join(', ')}`);
      if (seen.has(dto.username)) rowErr('username', 'appears twice in the file');
      seen.add(dto.username);
      if ((ROLES as readonly string[]).includes(role)) {
        const v = await this.validateNew(p, dto, em);
        v.errors.forEach((e) => rowErr(e.field!, e.message));
        prepared.push({ dto, ente: v.ente, comune: v.comune, generated, row: rowNo });
      }
    }
    const outside = errors.filter((e) => e.message.startsWith('you cannot') || (e.field === 'enteId' && e.message.startsWith('no ente')));
    if (outside.length) {
      throw problem('forbidden', `${outside.length} row(s) are outside your area; nothing was imported`, { errors });
    }
    if (errors.length) {
      throw problem('import-failed', `${errors.length} error(s) in ${new Set(errors.map((e) => e.row)).size} row(s); nothing was imported`, { errors });
    }
    const created: Array<{ row: number; id: string; username: string; temporaryPassword?: string }> = [];
    await em.transactional(async (tx) => {
      for (const it of prepared) {
        const u = await this.build(p, it.dto, tx, it.ente ? tx.getReference(Ente, it.ente.id) : undefined, it.comune ? tx.getReference(Comune, it.comune.id) : undefined);
        u.mustChangePassword = it.generated !== undefined;
        created.push({ row: it.row, id: u.id, username: u.username, temporaryPassword: it.generated });
      }
    });
    return { imported: created.length, users: created };
  }
}
