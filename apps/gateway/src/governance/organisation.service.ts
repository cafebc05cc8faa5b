import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Application, ApplicationSecret, Comune, Convenzione, Ente, User, Workstation } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import type { Principal } from '../auth/principal.js';
import { hashSecret } from '../auth/password.js';
import { hashDeviceToken } from '../auth/workstation-match.js';
import { APPLICATION_OPERATOR_ROLES } from '../auth/guards.js';
import { AreaService } from './area.service.js';
import { endpointViolation } from './endpoint-policy.js';
import type {
  ConvenzioneDto,
  EndConvenzioneDto,
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
    const errors = this.settingsErrors(c, dto);
    if (errors.length) throw problem('validation-failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
    Object.assign(c, dto);
    await em.flush();
    return mapComune(c);
  }

  /**
   * The settings as they would be after the change, checked as a whole before anything is saved:
   * endpoints on allowed hosts, the default operator among the operator ids, and a channel chosen
   * (or its endpoints changed) only together with everything that channel needs.
   */
  private settingsErrors(c: Comune, dto: UpdateComuneSettingsDto): Array<{ field: string; message: string }> {
    const errors: Array<{ field: string; message: string }> = [];
    const next = { ...c, ...dto } as Comune;
    const urls: Array<[string, string | null | undefined]> = [
      ['anprSoapUrl', dto.anprSoapUrl],
      ['anprPdndUrl', dto.anprPdndUrl],
      ['anprPdnd.tokenUrl', dto.anprPdnd?.tokenUrl],
    ];
    for (const [field, value] of urls) {
      const why = value ? endpointViolation(value, this.config.anprAllowedHosts) : undefined;
      if (why) errors.push({ field, message: why });
    }
    const ids = next.anprOperatorIds ?? [];
    if (next.defaultAnprOperatorId && ids.length && !ids.includes(next.defaultAnprOperatorId)) {
      errors.push({ field: 'defaultAnprOperatorId', message: 'must be one of anprOperatorIds' });
    }
    if (dto.anprOperatorIds !== undefined && c.defaultAnprOperatorId && dto.defaultAnprOperatorId === undefined && ids.length && !ids.includes(c.defaultAnprOperatorId)) {
      errors.push({ field: 'anprOperatorIds', message: `must keep the default operator ${c.defaultAnprOperatorId}, or change defaultAnprOperatorId too` });
    }
    const channelFields: Record<string, Array<keyof Comune>> = {
      soap: ['anprSoapUrl', 'keystoreRef', 'keystorePasswordRef'],
      pdnd: ['anprPdndUrl', 'anprPdnd'],
    };
    const needed = channelFields[next.anprChannel] ?? [];
    const touched = dto.anprChannel !== undefined || needed.some((f) => (dto as Partial<Comune>)[f] !== undefined);
    if (touched) {
      for (const f of needed) if (!next[f]) errors.push({ field: f, message: `is required for the ${next.anprChannel} channel` });
    }
    return errors;
  }

  // --- Enti ----------------------------------------------------------------------------------
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
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const dayBeforeStart = new Date(Date.parse(`${c.validFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
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

  // --- Applications --------------------------------------------------------------------------
  /** ADMIN: their Ente's applications; TOP (read only): those of the Enti their Comune owns. */
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
    // An application acts only for operators who govern nothing (issue 9, finding 5).
    const governing = users.filter((u) => !APPLICATION_OPERATOR_ROLES.includes(u.role));
    if (governing.length) {
      throw problem('validation-failed', `operatorIds: an application acts only for ${APPLICATION_OPERATOR_ROLES.join(' or ')} users, not ${governing.map((u) => u.username).join(', ')}`);
    }
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
      status: 'active',
      createdBy: em.getReference(User, p.user.id),
      createdAt: new Date(),
    });
    for (const u of await this.operatorsOf(p, dto.operatorIds ?? [], em)) app.operators.add(u);
    const { secret, prefix } = this.newSecret();
    em.create(ApplicationSecret, { application: app, hash: await hashSecret(secret), prefix, createdAt: new Date() });
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
    em.create(ApplicationSecret, { application: app, hash: await hashSecret(secret), prefix, createdAt: new Date() });
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

  /** ADMIN registers workstations of their Ente; TOP of the owner Comune registers and authorises. Never authorised at birth. */
  async createWorkstation(p: Principal, dto: CreateWorkstationDto) {
    const em = this.em.fork();
    const enti = await this.area.enteIds(p, em);
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
    });
    await em.flush();
    return { ...mapWorkstation(ws), deviceToken };
  }

  /**
   * Any change to how the workstation is recognised (IP range, certificate) withdraws its
   * authorisation until a TOP user of the owner Comune authorises it again (in this request or a
   * later one); an ADMIN never sets `authorised`.
   */
  async updateWorkstation(p: Principal, id: string, dto: UpdateWorkstationDto) {
    const em = this.em.fork();
    const ws = await em.findOne(Workstation, { id }, { populate: ['ente'] });
    const enti = await this.area.enteIds(p, em);
    if (!ws || !enti.includes(ws.ente.id)) throw problem('not-found', `No workstation ${id} in your area`);
    if (dto.authorised !== undefined && p.role !== 'TOP') throw problem('forbidden', 'Only TOP users of the Comune authorise workstations or withdraw an authorisation');
    const certFingerprint = dto.certFingerprint?.replace(/:/g, '').toLowerCase();
    const recognitionChanged =
      (dto.ipRange !== undefined && dto.ipRange !== (ws.ipRange ?? undefined)) ||
      (certFingerprint !== undefined && certFingerprint !== (ws.certFingerprint ?? undefined));
    if (dto.label !== undefined) ws.label = dto.label;
    if (dto.ipRange !== undefined) ws.ipRange = dto.ipRange;
    if (certFingerprint !== undefined) ws.certFingerprint = certFingerprint;
    if (recognitionChanged) ws.authorised = false;
    if (dto.authorised !== undefined) ws.authorised = dto.authorised;
    await em.flush();
    return mapWorkstation(ws);
  }
}
