import { describe, expect, it } from '@jest/globals';
import { AnprError } from './errors.js';
import { completeIdAnpr, computeCodiceFiscale, omocodicVariant } from './identifiers/index.js';
import type { PersonCriterion, PersonQuery } from './model.js';
import { isCalendarDate, MOTIVO_RICHIESTA_MAX_LENGTH, refuseComuneResidenza, validatePersonQuery } from './validate-query.js';
import * as anpr from '#libs/anpr';

const CF = computeCodiceFiscale({ cognome: 'Rossi', nome: 'Mario', sesso: 'M', dataNascita: '1980-01-01', codiceBelfiore: 'H501' });
const ID = completeIdAnpr('AB12345C');

const q = (criterion: PersonCriterion, over: Partial<PersonQuery> = {}): PersonQuery => ({
  criterion,
  sections: ['generalita'],
  motivoRichiesta: 'Pratica 2026/1',
  ...over,
});

/** The AnprError validatePersonQuery throws, or undefined when it accepts the query. */
function refusal(query: PersonQuery): AnprError | undefined {
  try {
    validatePersonQuery(query);
    return undefined;
  } catch (e) {
    if (!(e instanceof AnprError)) throw e;
    return e;
  }
}
const fieldOf = (query: PersonQuery) => {
  const e = refusal(query);
  if (e) expect(e.kind).toBe('invalid_request');
  return e?.details.field;
};

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '1999-12-31', '1900-01-01'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', '01/02/2024', '2024-01-01T00:00:00Z', ''])(
    'refuses %s',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
});

describe('validatePersonQuery', () => {
  it('accepts well-formed queries of every kind', () => {
    expect(refusal(q({ kind: 'codiceFiscale', codiceFiscale: CF }))).toBeUndefined();
    // Lowercase and surrounding spaces are what users type; the adapters normalise them.
    expect(refusal(q({ kind: 'codiceFiscale', codiceFiscale: ` ${CF.toLowerCase()} ` }))).toBeUndefined();
    expect(refusal(q({ kind: 'idANPR', idANPR: ID }))).toBeUndefined();
    expect(refusal(q({ kind: 'idANPR', idANPR: 'OR69233LN' }))).toBeUndefined();
    expect(refusal(q({ kind: 'documento', tipo: 'passaporto', numero: 'YA1234567' }))).toBeUndefined();
    expect(
      refusal(
        q(
          { kind: 'generalita', cognome: "D'Angelo", nome: 'Anna Maria', dataNascita: '1982-02-28', luogoNascita: { codiceIstatComune: '058091' } },
          { asOf: '2024-02-29', comuneResidenza: '072006', sections: [] },
        ),
      ),
    ).toBeUndefined();
    expect(refusal(q({ kind: 'generalita', cognome: 'Dupont', nome: 'Jean', dataNascita: '1975-03-02', luogoNascita: { codiceStato: '215' } }))).toBeUndefined();
  });

  it('accepts omocodic codici fiscali, whose check character is computed over the letters', () => {
    for (const level of [1, 3, 7]) expect(refusal(q({ kind: 'codiceFiscale', codiceFiscale: omocodicVariant(CF, level) }))).toBeUndefined();
  });

  it('refuses a codice fiscale with a wrong check character, structure, length or birth day', () => {
    const wrongCheck = CF.slice(0, 15) + (CF[15] === 'A' ? 'B' : 'A');
    const e = refusal(q({ kind: 'codiceFiscale', codiceFiscale: wrongCheck }));
    expect(e).toMatchObject({ kind: 'invalid_request', details: { field: 'criterion.codiceFiscale' } });
    expect(e!.message).toMatch(/check character/);
    for (const cf of ['RSSMRA80A01H50', `${CF}X`, 'RSSMRA8XA01H501U', 'RSSMRA80B30H501X', '12345678901', '', 'bad!']) {
      expect(fieldOf(q({ kind: 'codiceFiscale', codiceFiscale: cf }))).toBe('criterion.codiceFiscale');
    }
  });

  it('refuses an idANPR with a wrong format or check character', () => {
    const wrongCheck = ID.slice(0, 8) + (ID[8] === '0' ? '1' : '0');
    const e = refusal(q({ kind: 'idANPR', idANPR: wrongCheck }));
    expect(e).toMatchObject({ details: { field: 'criterion.idANPR' } });
    expect(e!.message).toMatch(/check character/);
    for (const id of ['AB12345', 'AB12345C!', `${ID}0`, '']) expect(fieldOf(q({ kind: 'idANPR', idANPR: id }))).toBe('criterion.idANPR');
  });

  it('refuses generalità without a surname or name, or with one longer than the XSD allows', () => {
    expect(fieldOf(q({ kind: 'generalita', cognome: '  ', nome: 'Mario' }))).toBe('criterion.cognome');
    expect(fieldOf(q({ kind: 'generalita', cognome: 'Rossi', nome: '' }))).toBe('criterion.nome');
    expect(fieldOf(q({ kind: 'generalita', cognome: 'R'.repeat(81), nome: 'Mario' }))).toBe('criterion.cognome');
    expect(fieldOf(q({ kind: 'generalita', cognome: 'R'.repeat(80), nome: 'Mario' }))).toBeUndefined();
  });

  it('refuses birth dates that are not real calendar dates', () => {
    for (const d of ['1980-02-30', '1980-13-01', '01/01/1980', '1980-1-1']) {
      expect(fieldOf(q({ kind: 'generalita', cognome: 'Rossi', nome: 'Mario', dataNascita: d }))).toBe('criterion.dataNascita');
    }
  });

  it('refuses birth places that are not ISTAT codes, or that name both a Comune and a state', () => {
    const g = (luogoNascita: { codiceIstatComune?: string; codiceStato?: string }) =>
      q({ kind: 'generalita', cognome: 'Rossi', nome: 'Mario', dataNascita: '1980-01-01', luogoNascita });
    expect(fieldOf(g({ codiceIstatComune: '58091' }))).toBe('criterion.luogoNascita.codiceIstatComune');
    expect(fieldOf(g({ codiceIstatComune: 'H501' }))).toBe('criterion.luogoNascita.codiceIstatComune');
    expect(fieldOf(g({ codiceStato: '2150' }))).toBe('criterion.luogoNascita.codiceStato');
    expect(fieldOf(g({ codiceStato: 'Z110' }))).toBe('criterion.luogoNascita.codiceStato');
    expect(fieldOf(g({ codiceIstatComune: '058091', codiceStato: '215' }))).toBe('criterion.luogoNascita');
  });

  it('refuses a document without a number or of an unknown type', () => {
    expect(fieldOf(q({ kind: 'documento', tipo: 'cartaIdentita', numero: ' ' }))).toBe('criterion.numero');
    expect(fieldOf(q({ kind: 'documento', tipo: 'patente' as 'passaporto', numero: 'AB123' }))).toBe('criterion.tipo');
  });

  it('refuses an unknown criterion or none', () => {
    expect(fieldOf(q({ kind: 'email' } as unknown as PersonCriterion))).toBe('criterion');
    expect(fieldOf({ sections: [], motivoRichiesta: 'x' } as unknown as PersonQuery)).toBe('criterion');
  });

  it('refuses an as-of date that is not a real calendar date', () => {
    for (const asOf of ['2023-02-29', '2024-06-31', '20240601', '']) expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { asOf }))).toBe('asOf');
  });

  it('requires motivoRichiesta, at most 240 characters (tipoNoteBase / charMax240)', () => {
    expect(MOTIVO_RICHIESTA_MAX_LENGTH).toBe(240);
    expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { motivoRichiesta: '' }))).toBe('motivoRichiesta');
    expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { motivoRichiesta: '   ' }))).toBe('motivoRichiesta');
    expect(fieldOf({ criterion: { kind: 'idANPR', idANPR: ID }, sections: [] } as unknown as PersonQuery)).toBe('motivoRichiesta');
    expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { motivoRichiesta: 'x'.repeat(241) }))).toBe('motivoRichiesta');
    expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { motivoRichiesta: 'x'.repeat(240) }))).toBeUndefined();
    // Characters, not UTF-16 units: 240 accented letters are within the limit.
    expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { motivoRichiesta: 'è'.repeat(240) }))).toBeUndefined();
  });

  it('refuses a comuneResidenza that is not a 6-digit ISTAT code', () => {
    for (const c of ['72006', 'A662', '0720061', '']) expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { comuneResidenza: c }))).toBe('comuneResidenza');
  });

  it('refuses unknown sections', () => {
    expect(fieldOf(q({ kind: 'idANPR', idANPR: ID }, { sections: ['generalita', 'patrimonio' as 'generalita'] }))).toBe('sections');
  });
});

describe('refuseComuneResidenza', () => {
  it('names the service that cannot restrict by residence', () => {
    expect(() => refuseComuneResidenza(q({ kind: 'idANPR', idANPR: ID }), 'E002')).not.toThrow();
    let err: unknown;
    try {
      refuseComuneResidenza(q({ kind: 'idANPR', idANPR: ID }, { comuneResidenza: '072006' }), 'SOAP E002 consultazione_soggetti');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ kind: 'invalid_request', details: { field: 'comuneResidenza' } });
    expect((err as Error).message).toMatch(/^SOAP E002 consultazione_soggetti cannot restrict the search by residence/);
  });
});

describe('shared decoding tables', () => {
  it('are exported once, from the library index', () => {
    expect(anpr.validatePersonQuery).toBe(validatePersonQuery);
    expect(anpr.describeLegame('4', '1')).toBe('Responsabile convivenza');
    expect(anpr.describeLegame('4', '2')).toBe('Membro della convivenza');
    expect(anpr.describeLegame('3', '1')).toBe('Intestatario Scheda');
    expect(anpr.describeLegame('5', '24')).toBe('Responsabile della convivenza non affettiva');
    expect(anpr.describeLegame('3', '77')).toBe('Codice 77');
    expect(anpr.describeStatoCivile('6')).toBe('Unito civilmente');
  });
});
