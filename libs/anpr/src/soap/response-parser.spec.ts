import { describe, expect, it } from '@jest/globals';
import { AnprError } from '../errors.js';
import type { PersonQuery } from '../model.js';
import { dateTimeInItaly, datiAnagraficiRichiesti, InMemoryOperationIdSource, interpretResponse, kindForAnprCode, sanitiseNote } from './index.js';

const query: PersonQuery = { criterion: { kind: 'idANPR', idANPR: 'AB12CD34M' }, sections: ['generalita'], motivoRichiesta: 'x' };
const env = (body: string) => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;
const interpret = (service: '3002' | 'E002', body: string, httpStatus = 200) => {
  try {
    return interpretResponse({ service, httpStatus, body, query, clientOperationId: '7' });
  } catch (e) {
    return e as AnprError;
  }
};

describe('response interpretation', () => {
  it.each([
    ['EN122', 'not_found'],
    ['EN130', 'not_found'],
    ['EN133', 'not_found'],
    ['EN131', 'ambiguous'],
    ['EN043', 'ambiguous'],
    ['EN067', 'ambiguous'],
    ['EN175', 'ambiguous'],
    ['EN132', 'invalid_request'],
    ['EC020', 'invalid_request'],
    ['EC025', 'invalid_request'],
  ])('%s → %s', (code, kind) => expect(kindForAnprCode(code)).toBe(kind));

  it('E002 rispostaKO (errors not wrapped in <errore>) with the field ANPR names', () => {
    const e = interpret(
      'E002',
      env(`<a:RispostaE002 xmlns:a="http://sogei.it/ANPR/E000Vocabolario"><a:rispostaKO><testataRisposta><idOperazioneANPR>99</idOperazioneANPR></testataRisposta>
        <listaErrori><codiceErroreAnomalia>EN132</codiceErroreAnomalia><tipoErroreAnomalia>E</tipoErroreAnomalia><testoErroreAnomalia>Campi obbligatori</testoErroreAnomalia><campoErroreAnomalia>casoUso</campoErroreAnomalia></listaErrori>
        </a:rispostaKO></a:RispostaE002>`),
    );
    expect(e).toMatchObject({ kind: 'invalid_request', details: { anprCode: 'EN132', field: 'casoUso', anprOperationId: '99' } });
  });

  it('3002 OK with warnings in listaAnomalie', () => {
    const r = interpret(
      '3002',
      env(`<a:Risposta3002 xmlns:a="http://sogei.it/ANPR/3000consultazione"><a:Risposta3002_OK><testataRisposta><idOperazioneANPR>5</idOperazioneANPR><esitoOperazione>6</esitoOperazione></testataRisposta>
        <listaSoggetti><datiSoggetto><identificativi><idANPR>AB12CD34M</idANPR></identificativi><generalita><cognome>ROSSI</cognome><nome>MARIO</nome><sesso>M</sesso></generalita></datiSoggetto></listaSoggetti>
        <listaAnomalie><errore><codiceErroreAnomalia>EW001</codiceErroreAnomalia><tipoErroreAnomalia>W</tipoErroreAnomalia><testoErroreAnomalia>attenzione</testoErroreAnomalia></errore></listaAnomalie>
        </a:Risposta3002_OK></a:Risposta3002>`),
    );
    expect(r).toMatchObject({ anprOperationId: '5', clientOperationId: '7', warnings: [{ code: 'EW001', text: 'attenzione' }], persons: [{ idANPR: 'AB12CD34M', generalita: { cognome: 'ROSSI', sesso: 'M' } }] });
  });

  it('Client fault → security_rejected, Server fault → unavailable, junk → unavailable', () => {
    const fault = (code: string) => env(`<s:Fault><faultcode>s:${code}</faultcode><faultstring>boom</faultstring></s:Fault>`);
    expect(interpret('3002', fault('Client'), 500)).toMatchObject({ kind: 'security_rejected' });
    expect(interpret('3002', fault('Server'), 500)).toMatchObject({ kind: 'unavailable' });
    expect(interpret('3002', '<html>', 502)).toMatchObject({ kind: 'unavailable', details: { httpStatus: 502 } });
    expect(interpret('3002', env('<other/>'), 200)).toMatchObject({ kind: 'unavailable' });
  });
});

describe('request helpers', () => {
  it('idOperazioneComune strictly increasing per Comune', async () => {
    const ids = new InMemoryOperationIdSource();
    expect([await ids.next('A'), await ids.next('A'), await ids.next('B'), await ids.next('A')]).toEqual(['1', '2', '1', '3']);
  });
  it('dataOraRichiesta in Italian time with offset', () => {
    expect(dateTimeInItaly(new Date('2024-01-15T10:00:00Z'))).toBe('2024-01-15T11:00:00+01:00');
    expect(dateTimeInItaly(new Date('2024-07-15T10:00:00Z'))).toBe('2024-07-15T12:00:00+02:00');
  });
  it('Tabella 16 codes: deduplicated, sorted, full record when nothing usable', () => {
    expect(datiAnagraficiRichiesti(['residenza', 'generalita', 'famiglia'])).toEqual(['2', '10', '21', '22']);
    expect(datiAnagraficiRichiesti([])).toEqual(['1']);
    expect(datiAnagraficiRichiesti(['storici'])).toEqual(['1']);
  });
  it('motivoRichiesta fits tipoNoteBase', () => {
    expect(sanitiseNote('Prot. 12/2024 <urgente>')).toBe('Prot. 12-2024 urgente');
  });
});
