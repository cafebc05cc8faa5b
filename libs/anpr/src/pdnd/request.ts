import { italianDay } from '#libs/clock';
import { AnprError } from '../errors.js';
import type { PersonCriterion, PersonQuery } from '../model.js';
import { refuseComuneResidenza, validatePersonQuery } from '../validate-query.js';
import type { PdndEserviceCode } from './eservices.js';
import type { RichiestaE002, TipoCriteriRicercaE002 } from './wire.js';


function criteria(criterion: PersonCriterion, code: PdndEserviceCode): TipoCriteriRicercaE002 {
  switch (criterion.kind) {
    case 'codiceFiscale':
      return { codiceFiscale: criterion.codiceFiscale.trim().toUpperCase() };
    case 'idANPR':
      if (code === 'C030') {
        // C030 exists to obtain the idANPR; its criteria have no such field.
        throw new AnprError('invalid_request', 'C030 cannot search by idANPR', { field: 'criterion.idANPR' });
      }
      return { idANPR: criterion.idANPR.trim().toUpperCase() };
    case 'generalita': {
      const out: TipoCriteriRicercaE002 = { cognome: criterion.cognome, nome: criterion.nome };
      if (criterion.dataNascita || criterion.luogoNascita) {
        out.datiNascita = {};
        if (criterion.dataNascita) out.datiNascita.dataEvento = criterion.dataNascita;
        const luogo = criterion.luogoNascita;
        if (luogo?.codiceIstatComune) out.datiNascita.luogoNascita = { comune: { codiceIstat: luogo.codiceIstatComune } };
        else if (luogo?.codiceStato) out.datiNascita.luogoNascita = { localita: { codiceStato: luogo.codiceStato } };
      }
      return out;
    }
    case 'documento':
      throw new AnprError('invalid_request', 'The PDND e-services cannot search by identity document', {
        field: 'criterion.documento',
      });
  }
}

/**
 * Checks that fail before anything is signed or sent: the port's validation, then what no PDND
 * e-service can express (identity documents, a residence restriction).
 */
export function assertQueryUsable(query: PersonQuery): void {
  validatePersonQuery(query);
  if (query.criterion.kind === 'documento') {
    throw new AnprError('invalid_request', 'The PDND e-services cannot search by identity document', { field: 'criterion.documento' });
  }
  refuseComuneResidenza(query, 'The PDND e-services (C001, C020, C021, C030)');
}

/** The `RichiestaE002` body for one e-service call. */
export function buildRichiestaE002(
  query: PersonQuery,
  code: PdndEserviceCode,
  idOperazioneClient: string,
  nowMs: number,
  criterionOverride?: PersonCriterion,
): RichiestaE002 {
  assertQueryUsable(query);
  return {
    idOperazioneClient,
    criteriRicerca: criteria(criterionOverride ?? query.criterion, code),
    datiRichiesta: {
      dataRiferimentoRichiesta: query.asOf ?? italianDay(new Date(nowMs)), // ANPR's dates are Italian civil dates
      motivoRichiesta: query.motivoRichiesta,
      casoUso: code,
    },
  };
}
