import { resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Comune, User } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config/config.js';
import { problem } from '../../common/problem.js';
import type { Principal } from '../../auth/principal.js';
import { comuneEndpoints, comuneSecretRefs, secretRefViolation } from '../../anpr/secret-scope.js';
import { endpointViolation } from '../endpoint-policy.js';
import type { UpdateComuneSettingsDto } from '../governance.dto.js';
import { mapComune } from '../mappers.js';

/** A Comune's own settings, read and changed by its TOP users; checked as a whole before saving. */
@Injectable()
export class ComuniService {
  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

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
    const errors = [...this.settingsErrors(c, dto), ...(await this.secretErrors(c, dto, em)), ...(await this.mediatorErrors(c, dto, em))];
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
  /**
   * A Comune's secret references must stay within its own secrets (ANPR_SECRETS_DIR/<istat>/,
   * env:ANPR_<istat>_…) and may never name a keystore or secret another Comune's settings use.
   */
  private async secretErrors(c: Comune, dto: UpdateComuneSettingsDto, em: EntityManager): Promise<Array<{ field: string; message: string }>> {
    const next = { ...c, ...dto } as Comune;
    const changed = comuneSecretRefs(next).filter(([field]) => field === 'anprPdnd.privateKeyRef' ? dto.anprPdnd !== undefined : (dto as Record<string, unknown>)[field] !== undefined);
    if (!changed.length) return [];
    const errors: Array<{ field: string; message: string }> = [];
    for (const [field, ref] of changed) {
      const why = secretRefViolation(ref, c.codiceIstat, this.config.anprSecretsDir);
      if (why) errors.push({ field, message: why });
    }
    const others = await em.find(Comune, { id: { $ne: c.id } });
    const taken = new Set(others.flatMap((o) => comuneSecretRefs(o).map(([, ref]) => canonicalRef(ref))));
    for (const [field, ref] of changed) {
      if (taken.has(canonicalRef(ref))) errors.push({ field, message: 'is already used by another Comune: each Comune has its own keystores and secrets' });
    }
    return errors;
  }

  /** The silent-consent mediator is one of the Comune's own active mediators, with an ANPR identity. */
  private async mediatorErrors(c: Comune, dto: UpdateComuneSettingsDto, em: EntityManager): Promise<Array<{ field: string; message: string }>> {
    if (dto.silentConsentMediator === undefined) return [];
    const u = await em.findOne(User, { username: dto.silentConsentMediator, comune: c.id });
    if (!u || u.status !== 'active' || !u.mediator || !u.anprOperatorId) {
      return [{ field: 'silentConsentMediator', message: 'must be an active user of this Comune with the mediator function and an ANPR operator id' }];
    }
    return [];
  }

  private settingsErrors(c: Comune, dto: UpdateComuneSettingsDto): Array<{ field: string; message: string }> {
    const errors: Array<{ field: string; message: string }> = [];
    const next = { ...c, ...dto } as Comune;
    // Only the endpoints this request sets (the others were checked when they were set).
    for (const [field, value] of comuneEndpoints(dto as Partial<Comune>)) {
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
}

/** A reference as the file or variable it designates: `file:/a/../b.p12` and `/b.p12` are the same keystore. */
function canonicalRef(ref: string): string {
  return ref.startsWith('env:') ? ref : `file:${resolve(ref.startsWith('file:') ? ref.slice(5) : ref)}`;
}
