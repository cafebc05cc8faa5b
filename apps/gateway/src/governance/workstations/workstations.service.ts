import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Ente, Workstation } from '#libs/domain';
import { problem } from '../../common/problem.js';
import type { Principal } from '../../auth/principal.js';
import { hashDeviceToken } from '../../auth/workstation-match.js';
import { AreaService } from '../area.service.js';
import type { CreateWorkstationDto, UpdateWorkstationDto } from '../governance.dto.js';
import { mapWorkstation } from '../mappers.js';

/** Workstations of an Ente: registered by its ADMIN or by the TOP users of its owner Comune, who alone authorise them. */
@Injectable()
export class WorkstationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly area: AreaService,
  ) {}

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
