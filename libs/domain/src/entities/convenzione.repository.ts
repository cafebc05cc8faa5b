import { EntityRepository } from '@mikro-orm/core';
import type { Convenzione } from './ente.entity.js';

export class ConvenzioneRepository extends EntityRepository<Convenzione> {
  /** Ids of the Enti with a convenzione with the Comune that has not ended before `day` (current or future). */
  async enteIdsAgreedWith(comuneId: string, day: string): Promise<string[]> {
    const conv = await this.find({ comune: comuneId, $or: [{ validTo: null }, { validTo: { $gte: day } }] }, { fields: ['ente'] });
    return [...new Set(conv.map((c) => c.ente.id))];
  }

  /** ISTAT codes of the Comuni the Ente has a convenzione with that is active on `day`. */
  async comuniAgreedOn(enteId: string, day: string): Promise<string[]> {
    const conv = await this.find({ ente: enteId }, { populate: ['comune'] });
    return [...new Set(conv.filter((c) => c.isActiveOn(day)).map((c) => c.comune.codiceIstat))];
  }
}
