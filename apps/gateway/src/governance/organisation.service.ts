import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Application, ApplicationSecret, Comune, Convenzione, Ente, User, Workstation } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import type { Principal } from '../auth/principal.js';
import { hashSecret } from '../auth/password.js';
import { hashDeviceToken } from '../auth/workstation-match.js';
import { AreaService } from './area.service.js';
import type {
  ConvenzioneDto,
  CreateApplicationDto,
  CreateEnteDto,
  CreateWorkstationDto,
  UpdateComuneSettingsDto,
  UpdateEnteDto,
  UpdateWorkstationDto,
} from './governance.dto.js';
import { mapApplication, mapComune, mapConvenzione, mapEnte, mapWorkstation } from './mappers.js';

/** Comuni, Enti and convenzioni, applications and workstations, within the caller's area. */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  // --- Comune --------------------------------------------------------------------------------
  private async ownComune(p: Principal, istat: string, em: EntityManager): Promise<Comune> {
    if (p.role !== 'TOP' || p.user.comune?.codiceIstat !== istat) throw problem('not-found', `No Comune ${istat} in your area`);
    return em.findOneOrFail(Comune, { codiceIstat: istat });
  }

  async getComune(p: Principal, istat: string) {
    return mapComune(await this.ownComune(p, istat, this.em.fork()));
  }

  async updateComuneSettings(p: Principal, istat: string, dto: UpdateComuneSettingsDto) {
    const em = this.em.fork();
    const c = await this.ownComune(p, istat, em);
    const next = { ...dto };
    if (next.defaultAnprOperatorId && !(next.anprOperatorIds ?? c.anprOperatorIds).includes(next.defaultAnprOperatorId)) {
      throw problem('validation-failed', 'defaultAnprOperatorId must be one of anprOperatorIds');
    }
    Object.assign(c, next);
    await em.flush();
    return mapComune(c);
  }

  // --- Enti ----------------------------------------------------------------------------------
  async listEnti(p: Principal) {
    const em = this.em.fork();
    const ids = await this.area.enteIds(p, em);
    const own = p.user.ente ? [p.user.ente.id] : [];
    const enti = await em.find(Ente, { id: { $in: [...new Set([...ids, ...own])] } }, { populate: ['convenzioni', 'convenzioni.comune', 'comune'], orderBy: { name: 'asc' } });
    return { items: enti.map(mapEnte) };
  }

  async getEnte(p: Principal, id: string) {
    const em = this.em.fork();
    if (p.user.ente?.id === id) {
      return mapEnte(await em.findOneOrFail(Ente, { id }, { populate: ['convenzioni', 'convenzioni.comune', 'comune'] }));
    }
    return mapEnte(await this.area.managedEnte(p, id, em));
  }

  /** TOP registers an Ente and its convenzione with their Comune in one step. */
  async createEnte(p: Principal, dto: CreateEnteDto) {
    const em = this.em.fork();
    const comune = await em.findOneOrFail(Comune, { id: p.user.comune!.id });
    this.checkDates(dto.convenzione);
    const ente = em.create(Ente, {
      kind: dto.kind,
      name: dto.name,
      codiceFiscale: dto.codiceFiscale,
      comune: dto.kind === 'municipal_office' ? comune : undefined,
      createdAt: new Date(),
    } as any);
    em.create(Convenzione, { ente, comune, ...dto.convenzione } as any);
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

  async addConvenzione(p: Principal, enteId: string, dto: ConvenzioneDto) {
    const em = this.em.fork();
    this.checkDates(dto);
    // A TOP may agree a convenzione with any registered Ente, but only for their own Comune.
    const ente = await em.findOne(Ente, { id: enteId });
    if (!ente) throw problem('not-found', `No ente ${enteId}`);
    const c = em.create(Convenzione, { ente, comune: em.getReference(Comune, p.user.comune!.id), ...dto } as any);
    await em.flush();
    await em.populate(c, ['comune']);
    return mapConvenzione(c);
  }

  private checkDates(c: ConvenzioneDto) {
    if (c.validTo && c.validTo < c.validFrom) throw problem('validation-failed', 'validTo must not be before validFrom');
  }

  // --- Applications --------------------------------------------------------------------------
  private async visibleApplication(p: Principal, id: string, em: EntityManager, manage: boolean): Promise<Application> {
    const app = await em.findOne(Application, { id }, { populate: ['ente', 'operators', 'secrets'] });
    const ok = app && (p.role === 'ADMIN' ? app.ente.id === p.user.ente!.id : !manage && p.role === 'TOP' && (await this.area.enteIds(p, em)).includes(app.ente.id));
    if (!ok) throw problem('not-found', `No application ${id} in your area`);
    return app!;
  }

  async listApplications(p: Principal) {
    const em = this.em.fork();
    const enti = p.role === 'ADMIN' ? [p.user.ente!.id] : await this.area.enteIds(p, em);
    const apps = await em.find(Application, { ente: { $in: enti } }, { populate: ['ente', 'operators', 'secrets'], orderBy: { name: 'asc' } });
    return { items: apps.map(mapApplication) };
  }

  async getApplication(p: Principal, id: string) {
    return mapApplication(await this.visibleApplication(p, id, this.em.fork(), false));
  }

  private async operatorsOf(p: Principal, ids: string[], em: EntityManager): Promise<User[]> {
    const users = await em.find(User, { id: { $in: ids } }, { populate: ['ente'] });
    const bad = ids.filter((id) => !users.find((u) => u.id === id && u.ente?.id === p.user.ente!.id));
    if (bad.length) throw problem('validation-failed', `operatorIds not users of your ente: ${bad.join(', ')}`);
    return users;
  }

  private newSecret() {
    const secret = `grs_${randomBytes(24).toString('base64url')}`;
    return { secret, prefix: secret.slice(0, 8) };
  }

  async createApplication(p: Principal, dto: CreateApplicationDto) {
    const em = this.em.fork();
    const ente = em.getReference(Ente, p.user.ente!.id);
    const app = em.create(Application, {
      ente,
      name: dto.name,
      clientId: `app_${randomBytes(10).toString('hex')}`,
      createdBy: em.getReference(User, p.user.id),
      createdAt: new Date(),
    } as any);
    for (const u of await this.operatorsOf(p, dto.operatorIds ?? [], em)) app.operators.add(u);
    const { secret, prefix } = this.newSecret();
    em.create(ApplicationSecret, { application: app, hash: await hashSecret(secret), prefix, createdAt: new Date() } as any);
    await em.flush();
    await em.populate(app, ['ente', 'operators', 'secrets']);
    return { ...mapApplication(app), clientSecret: secret };
  }

  /** Issues a new secret; the current ones keep working for the configured overlap, then expire. */
  async rotateSecret(p: Principal, id: string) {
    const em = this.em.fork();
    const app = await this.visibleApplication(p, id, em, true);
    const overlapEnd = new Date(Date.now() + this.config.secretRotationOverlapHours * 3600_000);
    for (const s of app.secrets.getItems()) {
      if (!s.revokedAt && (!s.expiresAt || s.expiresAt > overlapEnd)) s.expiresAt = overlapEnd;
    }
    const { secret, prefix } = this.newSecret();
    em.create(ApplicationSecret, { application: app, hash: await hashSecret(secret), prefix, createdAt: new Date() } as any);
    await em.flush();
    await em.populate(app, ['secrets']);
    return { ...mapApplication(app), clientSecret: secret };
  }

  async revokeSecret(p: Principal, id: string, secretId: string) {
    const em = this.em.fork();
    const app = await this.visibleApplication(p, id, em, true);
    const s = app.secrets.getItems().find((x) => x.id === secretId);
    if (!s) throw problem('not-found', `No secret ${secretId} on this application`);
    s.revokedAt = new Date();
    await em.flush();
    return mapApplication(app);
  }

  async revokeApplication(p: Principal, id: string) {
    const em = this.em.fork();
    const app = await this.visibleApplication(p, id, em, true);
    app.status = 'revoked';
    await em.flush();
    return mapApplication(app);
  }

  async setOperators(p: Principal, id: string, operatorIds: string[]) {
    const em = this.em.fork();
    const app = await this.visibleApplication(p, id, em, true);
    app.operators.set(await this.operatorsOf(p, operatorIds, em));
    await em.flush();
    return mapApplication(app);
  }

  // --- Workstations --------------------------------------------------------------------------
  async listWorkstations(p: Principal) {
    const em = this.em.fork();
    const enti = p.role === 'ADMIN' ? [p.user.ente!.id] : await this.area.enteIds(p, em);
    const items = await em.find(Workstation, { ente: { $in: enti } }, { populate: ['ente'], orderBy: { code: 'asc' } });
    return { items: items.map(mapWorkstation) };
  }

  /** ADMIN registers workstations of their Ente (not authorised); TOP registers and authorises. */
  async createWorkstation(p: Principal, dto: CreateWorkstationDto) {
    const em = this.em.fork();
    const enti = p.role === 'ADMIN' ? [p.user.ente!.id] : await this.area.enteIds(p, em);
    if (!enti.includes(dto.enteId)) throw problem('not-found', `No ente ${dto.enteId} in your area`);
    if (await em.count(Workstation, { code: dto.code })) throw problem('conflict', `Workstation ${dto.code} already exists`);
    const deviceToken = dto.issueDeviceToken ? randomBytes(24).toString('base64url') : undefined;
    const ws = em.create(Workstation, {
      code: dto.code,
      label: dto.label,
      ente: em.getReference(Ente, dto.enteId),
      authorised: false,
      ipRange: dto.ipRange,
      certFingerprint: dto.certFingerprint?.replace(/:/g, '').toLowerCase(),
      deviceTokenHash: deviceToken ? hashDeviceToken(deviceToken) : undefined,
      createdAt: new Date(),
    } as any);
    await em.flush();
    return { ...mapWorkstation(ws), deviceToken };
  }

  async updateWorkstation(p: Principal, id: string, dto: UpdateWorkstationDto) {
    const em = this.em.fork();
    const ws = await em.findOne(Workstation, { id }, { populate: ['ente'] });
    const enti = p.role === 'ADMIN' ? [p.user.ente!.id] : await this.area.enteIds(p, em);
    if (!ws || !enti.includes(ws.ente.id)) throw problem('not-found', `No workstation ${id} in your area`);
    if (dto.authorised !== undefined && p.role !== 'TOP') throw problem('forbidden', 'Only TOP users authorise workstations');
    Object.assign(ws, dto);
    await em.flush();
    return mapWorkstation(ws);
  }
}
