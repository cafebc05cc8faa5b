import type { NormalisedPerson } from '#libs/anpr';

/**
 * A handful of people for the SOAP tests, written in exactly the shapes that survive a round trip
 * through ANPR's XML (descriptions as the decoding tables give them), so tests can compare whole
 * objects, and for a FakeRegistry (../fake-registry.testutil.ts). The real synthetic population
 * lives in test-env/src/population.
 */
const ROMA = { codiceIstat: '058091', nomeComune: 'ROMA', siglaProvincia: 'RM' };

const famigliaRossi = {
  tipo: '3',
  idFamiglia: '4400123',
  componenti: [
    { codiceFiscale: 'RSSMRA80A01H501U', idANPR: 'AB12CD34M', cognome: 'ROSSI', nome: 'MARIO', dataNascita: '1980-01-01', codiceLegame: '1', descrizioneLegame: 'Intestatario Scheda' },
    { codiceFiscale: 'BNCNNA82B41H501S', idANPR: 'ZX98YT76D', cognome: 'BIANCHI', nome: 'ANNA', dataNascita: '1982-02-01', codiceLegame: '2', descrizioneLegame: 'Marito / Moglie' },
    { codiceFiscale: 'RSSLCU10C03H501C', idANPR: 'QW45ER67M', cognome: 'ROSSI', nome: 'LUCA', dataNascita: '2010-03-03', codiceLegame: '3', descrizioneLegame: 'Figlio / Figlia' },
  ],
};

const residenzaRossi = {
  tipoIndirizzo: '1',
  indirizzo: { cap: '00184', comune: ROMA, toponimo: { specie: 'VIA', denominazione: 'NAZIONALE' }, numeroCivico: { numero: '12' } },
  dataDecorrenza: '2010-05-01',
};

export const MARIO: NormalisedPerson = {
  idANPR: 'AB12CD34M',
  generalita: {
    codiceFiscale: 'RSSMRA80A01H501U',
    validitaCF: '1',
    cognome: 'ROSSI',
    nome: 'MARIO',
    sesso: 'M',
    dataNascita: '1980-01-01',
    luogoNascita: { comune: ROMA },
    soggettoAIRE: false,
  },
  residenza: [residenzaRossi],
  cittadinanza: [{ codiceStato: '100', descrizioneStato: 'ITALIA' }],
  statoCivile: { codice: '2', descrizione: 'Coniugato/a' },
  matrimoni: [{ tipo: 'matrimonio', data: '2008-06-14', luogo: { comune: ROMA }, coniuge: { codiceFiscale: 'BNCNNA82B41H501S', cognome: 'BIANCHI', nome: 'ANNA' } }],
  documenti: [{ tipo: 'cartaIdentita', numero: 'CA12345AA', dataRilascio: '2020-01-10', dataScadenza: '2031-01-01', rilasciatoDa: '058091' }],
  famiglia: famigliaRossi,
};

export const ANNA: NormalisedPerson = {
  idANPR: 'ZX98YT76D',
  generalita: { codiceFiscale: 'BNCNNA82B41H501S', validitaCF: '1', cognome: 'BIANCHI', nome: 'ANNA', sesso: 'F', dataNascita: '1982-02-01', luogoNascita: { comune: ROMA } },
  residenza: [residenzaRossi],
  famiglia: famigliaRossi,
};

export const JEAN: NormalisedPerson = {
  idANPR: 'FR00DP018',
  generalita: {
    codiceFiscale: 'DPNJNE75C02Z110E',
    validitaCF: '1',
    cognome: 'DUPONT',
    nome: 'JEAN',
    sesso: 'M',
    dataNascita: '1975-03-02',
    luogoNascita: { localita: { codiceStato: '215', descrizioneStato: 'FRANCIA', descrizioneLocalita: 'PARIGI' } },
  },
  cittadinanza: [{ codiceStato: '215', descrizioneStato: 'FRANCIA' }],
  documenti: [
    { tipo: 'permessoSoggiorno', numero: 'I1234567', dataRilascio: '2019-04-01', dataScadenza: '2025-04-01', rilasciatoDa: 'QUESTURA DI ROMA', tipoSoggiorno: '1' },
    { tipo: 'passaporto', numero: 'YA1234567' },
  ],
  decesso: { data: '2023-11-05', luogo: { comune: ROMA } },
};

export const GIULIA_AIRE: NormalisedPerson = {
  idANPR: 'AI00RE014',
  generalita: { codiceFiscale: 'VRDGLI90D41H501A', validitaCF: '1', cognome: 'VERDI', nome: 'GIULIA', sesso: 'F', dataNascita: '1990-04-01', luogoNascita: { comune: ROMA }, soggettoAIRE: true },
  residenza: [{ tipoIndirizzo: '4', localitaEstera: { codiceStato: '215', descrizioneStato: 'FRANCIA', localita: 'LIONE', indirizzo: 'RUE DE LA REPUBLIQUE 5', consolato: 'CONSOLATO GENERALE DI LIONE' }, dataDecorrenza: '2015-09-01' }],
  aire: { comuneIscrizione: { codiceIstat: '058091', nomeComune: 'ROMA' }, dataIscrizione: '2015-10-01', motivo: 'C01' },
};

/** Two records sharing one codice fiscale: the data-quality case behind EN131. */
export const TWIN_A: NormalisedPerson = { idANPR: 'TW00IN01J', generalita: { codiceFiscale: 'TWNXXX70A01H501J', cognome: 'GEMELLI', nome: 'PRIMO', sesso: 'M', dataNascita: '1970-01-01', luogoNascita: { comune: ROMA } } };
export const TWIN_B: NormalisedPerson = { idANPR: 'TW00IN02H', generalita: { codiceFiscale: 'TWNXXX70A01H501J', cognome: 'GEMELLI', nome: 'SECONDO', sesso: 'M', dataNascita: '1970-01-01', luogoNascita: { comune: ROMA } } };

export const FAKE_PERSONS = [MARIO, ANNA, JEAN, GIULIA_AIRE, TWIN_A, TWIN_B];

/** A PlaceResolver-compatible lookup for the few places the fixtures use. */
export const FIXTURE_PLACES = {
  comune: (c: string) => (c === '058091' ? { nomeComune: 'ROMA', siglaProvincia: 'RM' } : c === '888231' ? { nomeComune: 'COMUNE DI PROVA', siglaProvincia: 'RM' } : undefined),
  stato: (s: string) => (s === '215' ? { descrizioneStato: 'FRANCIA' } : s === '100' ? { descrizioneStato: 'ITALIA' } : undefined),
};
