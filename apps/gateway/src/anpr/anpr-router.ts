import type { AnprCallContext, AnprPort, LookupResult, PersonQuery, PlaceResolver } from '#libs/anpr';
import { PdndAnprAdapter, SoapAnprAdapter } from '#libs/anpr';
import type { IntentOperationIdSource } from './operation-ids.js';

/**
 * The gateway's AnprPort: one adapter per channel, chosen per call by the setting of the Comune the
 * request concerns (R-ACC-2: one application, several Comuni, each with its own channel and keys).
 * Adapters are long-lived so that their caches (signed assertions, PKCS#7, vouchers) stay warm.
 */
export class AnprRouter implements AnprPort {
  private readonly soap: SoapAnprAdapter;
  private readonly pdnd: PdndAnprAdapter;

  constructor(operationIds: IntentOperationIdSource, places?: PlaceResolver) {
    this.soap = new SoapAnprAdapter({ operationIds, places, defaultIdApplicazione: 'GERES', application: { nome: 'GeRes', fornitore: 'GeRes' } });
    this.pdnd = new PdndAnprAdapter({ operationIds });
  }

  findPersons(query: PersonQuery, ctx: AnprCallContext): Promise<LookupResult> {
    return ctx.comune.channel === 'pdnd' ? this.pdnd.findPersons(query, ctx) : this.soap.findPersons(query, ctx);
  }
}
