import { describe, expect, it } from '@jest/globals';
import type { PersonData } from '../gateway/gateway.port.js';
import { personFields, sectionsFor } from './person-fields.js';

const person: PersonData = {
  idANPR: 'AB12345CD',
  generalita: { codiceFiscale: 'RSSMRA85T10A662V', cognome: 'ROSSI', nome: 'MARIO', sesso: 'M', dataNascita: '1985-12-10', luogoNascita: { comune: { nomeComune: 'BARI', siglaProvincia: 'BA' } } },
  residenza: [
    { dataDecorrenza: '2001-01-01', indirizzo: { comune: { codiceIstat: '075035', nomeComune: 'LECCE', siglaProvincia: 'LE' }, toponimo: { specie: 'VIA', denominazione: 'VECCHIA' } } } as never,
    { dataDecorrenza: '2020-05-04', indirizzo: { comune: { codiceIstat: '072006', nomeComune: 'BARI', siglaProvincia: 'BA' }, toponimo: { specie: 'VIA', denominazione: 'SPARANO' }, numeroCivico: { numero: '12', lettera: 'B', interno: '3' } } },
  ],
  cittadinanza: [{ descrizioneStato: 'ITALIA' }],
  statoCivile: { descrizione: 'Celibe' },
};
(person.residenza![0] as { dataFine?: string }).dataFine = '2020-05-03';

describe('result fields', () => {
  it('gives exactly the profile\'s fields, in its order, from the current residence', () => {
    const fields = ['comuneResidenza', 'codiceFiscale', 'indirizzoResidenza', 'dataDecorrenzaResidenza', 'luogoNascita', 'cittadinanza', 'statoCivile', 'dataDecesso', 'idANPR'];
    const out = personFields(person, fields);
    expect(Object.keys(out)).toEqual(fields);
    expect(out).toEqual({
      comuneResidenza: 'BARI (BA)',
      codiceFiscale: 'RSSMRA85T10A662V',
      indirizzoResidenza: 'VIA SPARANO 12/B int. 3',
      dataDecorrenzaResidenza: '2020-05-04',
      luogoNascita: 'BARI (BA)',
      cittadinanza: 'ITALIA',
      statoCivile: 'Celibe',
      dataDecesso: null,
      idANPR: 'AB12345CD',
    });
  });

  it('asks only for the sections the fields need and the profile allows', () => {
    expect(sectionsFor(['codiceFiscale', 'comuneResidenza', 'statoCivile'], ['generalita', 'residenza'])).toEqual(['generalita', 'residenza']);
    expect(sectionsFor(['idANPR'], ['generalita', 'residenza'])).toEqual(['generalita']);
  });
});
