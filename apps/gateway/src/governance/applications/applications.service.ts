import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Application, ApplicationSecret, Ente, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config/config.js';
import { problem } from '../../common/problem.js';
import type { Principal } from '../../auth/principal.js';
import { hashSecret } from '../../auth/password.js';
import { APPLICATION_OPERATOR_ROLES } from '../../auth/guards.js';
import { AreaService } from '../area.service.js';
import type { CreateApplicationDto } from '../governance.dto.js';
import { mapApplication } from '../mappers.js';

/** Applications of an Ente: managed by its ADMIN users, read by the TOP users of the Comune that owns the Ente. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

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
}
