import { describe, expect, it } from '@jest/globals';
import { VISURA_TYPES, type NonResidentVisuraPolicy } from '#libs/domain';
import type { Person } from '../../../../sdk/src/index.js';
import { route, type Requester, type Route, type SubjectPlace } from './routing.js';
import { documentSections, VISURA_RULES, whereSubjectLives } from './visura-rules.js';

const BARI = '072006';
const LECCE = '075035';

const top: Requester = { role: 'TOP', mediator: true, comune: BARI, enteKind: null, scope: 'national' };
const topOther: Requester = { role: 'TOP', mediator: true, comune: LECCE, enteKind: null, scope: 'national' };
const officeNational: Requester = { role: 'STANDARD', mediator: false, comune: null, enteKind: 'municipal_office', scope: 'national' };
const officeAgreed: Requester = { ...officeNational, scope: 'agreed' };
const external: Requester = { role: 'STANDARD', mediator: false, comune: null, enteKind: 'external_body', scope: 'national' };
const externalAgreed: Requester = { ...external, scope: 'agreed' };

const resident: SubjectPlace = { residenceComune: BARI, aireComune: null };
const aireOfComune: SubjectPlace = { residenceComune: null, aireComune: BARI };
const elsewhere: SubjectPlace = { residenceComune: LECCE, aireComune: null };
const aireElsewhere: SubjectPlace = { residenceComune: null, aireComune: LECCE };

const POLICIES: NonResidentVisuraPolicy[] = ['real_time', 'mediator', 'silent_consent'];

describe('routing: who asks × where the subject lives × the Comune policy', () => {
  // Every cell: [requester, subject, expected per policy real_time / mediator / silent_consent].
  const table: Array<[string, Requester, string, SubjectPlace, [Route, Route, Route]]> = [
    ['TOP of the Comune', top, 'resident', resident, ['real_time', 'real_time', 'real_time']],
    ['TOP of the Comune', top, 'AIRE of the Comune', aireOfComune, ['real_time', 'real_time', 'real_time']],
    ['TOP of the Comune', top, 'resident elsewhere', elsewhere, ['real_time', 'real_time', 'real_time']],
    ['TOP of the Comune', top, 'AIRE elsewhere', aireElsewhere, ['real_time', 'real_time', 'real_time']],
    ['TOP of another Comune', topOther, 'resident elsewhere', elsewhere, ['comune_of_residence_only', 'comune_of_residence_only', 'comune_of_residence_only']],
    ['municipal office, national', officeNational, 'resident', resident, ['real_time', 'real_time', 'real_time']],
    ['municipal office, national', officeNational, 'AIRE of the Comune', aireOfComune, ['real_time', 'real_time', 'real_time']],
    ['municipal office, national', officeNational, 'resident elsewhere', elsewhere, ['real_time', 'deferred_mediator', 'deferred_silent_consent']],
    ['municipal office, national', officeNational, 'AIRE elsewhere', aireElsewhere, ['real_time', 'deferred_mediator', 'deferred_silent_consent']],
    ['municipal office, agreed only', officeAgreed, 'resident', resident, ['real_time', 'real_time', 'real_time']],
    ['municipal office, agreed only', officeAgreed, 'AIRE of the Comune', aireOfComune, ['real_time', 'real_time', 'real_time']],
    ['municipal office, agreed only', officeAgreed, 'resident elsewhere', elsewhere, ['comune_of_residence_only', 'comune_of_residence_only', 'comune_of_residence_only']],
    ['municipal office, agreed only', officeAgreed, 'AIRE elsewhere', aireElsewhere, ['comune_of_residence_only', 'comune_of_residence_only', 'comune_of_residence_only']],
    ['external body', external, 'resident', resident, ['real_time', 'real_time', 'real_time']],
    ['external body', external, 'AIRE of the Comune', aireOfComune, ['real_time', 'real_time', 'real_time']],
    ['external body', external, 'resident elsewhere', elsewhere, ['comune_of_residence_only', 'comune_of_residence_only', 'comune_of_residence_only']],
    ['external body', external, 'AIRE elsewhere', aireElsewhere, ['comune_of_residence_only', 'comune_of_residence_only', 'comune_of_residence_only']],
    ['external body, agreed only', externalAgreed, 'resident elsewhere', elsewhere, ['comune_of_residence_only', 'comune_of_residence_only', 'comune_of_residence_only']],
  ];
  for (const [who, requester, where, subject, expected] of table) {
    POLICIES.forEach((policy, i) => {
      it(`${who} on a subject ${where}, policy ${policy} → ${expected[i]}`, () => {
        expect(route(requester, BARI, subject, { nonResidentVisuraPolicy: policy, silentConsentHours: 24 }).route).toBe(expected[i]);
      });
    });
  }

  it('a mediator who is not TOP but belongs to the Comune is a registry officer', () => {
    expect(route({ role: 'ADMIN', mediator: true, comune: BARI, enteKind: null, scope: 'agreed' }, BARI, elsewhere, { nonResidentVisuraPolicy: 'mediator', silentConsentHours: 24 })).toEqual({ route: 'real_time', reason: 'registry_officer' });
  });
  it('records why', () => {
    expect(route(external, BARI, elsewhere, { nonResidentVisuraPolicy: 'real_time', silentConsentHours: 1 }).reason).toBe('external_body');
    expect(route(officeAgreed, BARI, elsewhere, { nonResidentVisuraPolicy: 'real_time', silentConsentHours: 1 }).reason).toBe('no_national_permission');
  });
});

const comuneRef = (codiceIstat: string, nomeComune: string) => ({ codiceIstat, nomeComune, siglaProvincia: codiceIstat === BARI ? 'BA' : 'LE' });
const living: Person = {
  idANPR: 'AB12345CD',
  generalita: { codiceFiscale: 'NRECLD70B17A662M', cognome: 'NERI', nome: 'CLAUDIO', sesso: 'M', dataNascita: '1970-02-17', luogoNascita: { comune: comuneRef(BARI, 'BARI') }, soggettoAIRE: false },
  residenza: [{ tipoIndirizzo: '1', dataDecorrenza: '2010-07-16', indirizzo: { comune: comuneRef(BARI, 'BARI'), toponimo: { specie: 'VIA', denominazione: 'SPARANO DA BARI' }, numeroCivico: { numero: '112' } } }],
  statoCivile: { codice: '1', descrizione: 'Celibe' },
  cittadinanza: [{ codiceStato: '100', descrizioneStato: 'ITALIA', dataDecorrenza: '1970-02-17' }],
  famiglia: { tipo: '3', componenti: [{ cognome: 'NERI', nome: 'CLAUDIO', codiceLegame: '1', descrizioneLegame: 'Intestatario scheda', dataNascita: '1970-02-17', codiceFiscale: 'NRECLD70B17A662M' }] },
};
const deceased: Person = { ...living, decesso: { data: '2025-03-01', luogo: { comune: comuneRef(BARI, 'BARI') } } };
const married: Person = { ...living, statoCivile: { codice: '2', descrizione: 'Coniugato' }, matrimoni: [{ tipo: 'matrimonio', data: '2000-05-20' }] };
const union: Person = { ...living, statoCivile: { codice: '6', descrizione: 'Unito civilmente' }, matrimoni: [{ tipo: 'unioneCivile', data: '2018-05-20' }] };
const aire: Person = {
  ...living,
  generalita: { ...living.generalita!, soggettoAIRE: true },
  aire: { comuneIscrizione: comuneRef(BARI, 'BARI'), dataIscrizione: '2015-01-01' },
  residenza: [{ tipoIndirizzo: '4', localitaEstera: { codiceStato: '215', descrizioneStato: 'GERMANIA', localita: 'BERLINO' } }],
  famiglia: { tipo: '5', componenti: [] },
};

describe('the "cannot issue" rules (Italian messages)', () => {
  const refusal = (type: keyof typeof VISURA_RULES, p: Person) => VISURA_RULES[type].refusal(p);
  it('Esistenza in vita of a deceased person', () => {
    expect(refusal('esistenza_in_vita', deceased)).toBe("Il soggetto risulta deceduto il 01/03/2025: non è possibile attestarne l'esistenza in vita.");
    expect(refusal('esistenza_in_vita', living)).toBeNull();
  });
  it('Anagrafica di morte of a living person', () => {
    expect(refusal('anagrafica_morte', living)).toBe('Il soggetto non risulta deceduto: la visura anagrafica di morte non può essere emessa.');
    expect(refusal('anagrafica_morte', deceased)).toBeNull();
  });
  it('Stato libero of a married person, of a civil union, of a deceased person', () => {
    expect(refusal('stato_libero', married)).toBe('Il soggetto risulta coniugato: lo stato libero non può essere attestato.');
    expect(refusal('stato_libero', union)).toBe('Il soggetto risulta unito civilmente: lo stato libero non può essere attestato.');
    expect(refusal('stato_libero', deceased)).toMatch(/^Il soggetto risulta deceduto il 01\/03\/2025/);
    expect(refusal('stato_libero', living)).toBeNull();
  });
  it('AIRE types for a subject not in AIRE, and the Italian types for an AIRE subject', () => {
    const notAire = "Il soggetto non è iscritto all'AIRE: la visura è riservata ai cittadini italiani residenti all'estero.";
    expect(refusal('residenza_aire', living)).toBe(notAire);
    expect(refusal('stato_famiglia_aire', living)).toBe(notAire);
    expect(refusal('residenza_aire', aire)).toBeNull();
    expect(refusal('stato_famiglia_aire', aire)).toBeNull();
    expect(refusal('residenza', aire)).toBe("Il soggetto è iscritto all'AIRE: richiedere la Visura di Residenza AIRE.");
    expect(refusal('stato_famiglia', aire)).toBe("Il soggetto è iscritto all'AIRE: richiedere la Visura di Stato di Famiglia AIRE.");
  });
  it('Anagrafica di matrimonio of someone never married', () => {
    expect(refusal('anagrafica_matrimonio', living)).toBe('Per il soggetto non risultano matrimoni né unioni civili registrati.');
    expect(refusal('anagrafica_matrimonio', married)).toBeNull();
  });
  it('every type asks generalita and has a body for an issuable subject', () => {
    for (const t of VISURA_TYPES) {
      expect(VISURA_RULES[t].sections[0]).toBe('generalita');
      const subject = t.endsWith('_aire') ? aire : t === 'anagrafica_morte' ? deceased : t === 'anagrafica_matrimonio' ? married : living;
      expect(VISURA_RULES[t].refusal(subject)).toBeNull();
      const body = documentSections(t, subject);
      expect(body[0].rows).toEqual(expect.arrayContaining([{ label: 'Codice fiscale', value: 'NRECLD70B17A662M' }]));
    }
  });
  it('Stato di famiglia con rapporti di parentela names each relation; storica di residenza lists every period', () => {
    const fam = documentSections('stato_famiglia_parentela', living)[1].table!;
    expect(fam.columns.at(-1)).toBe("Rapporto con l'intestatario");
    expect(fam.rows).toEqual([['NERI CLAUDIO', '17/02/1970', 'NRECLD70B17A662M', 'Intestatario scheda']]);
    const moved: Person = { ...living, storicoResidenza: [{ tipoIndirizzo: '1', dataDecorrenza: '1999-05-16', dataFine: '2010-07-15', indirizzo: { comune: comuneRef(LECCE, 'LECCE'), toponimo: { specie: 'VIA', denominazione: 'ROMA' }, numeroCivico: { numero: '1' } } }] };
    expect(documentSections('storica_residenza', moved)[1].table!.rows).toEqual([
      ['VIA ROMA 1', 'LECCE (LE)', '16/05/1999', '15/07/2010'],
      ['VIA SPARANO DA BARI 112', 'BARI (BA)', '16/07/2010', 'in corso'],
    ]);
  });
  it('where the subject lives', () => {
    expect(whereSubjectLives(living)).toEqual({ residenceComune: BARI, aireComune: null, residenceName: 'BARI' });
    expect(whereSubjectLives(aire)).toEqual({ residenceComune: null, aireComune: BARI, residenceName: 'BARI' });
  });
});
