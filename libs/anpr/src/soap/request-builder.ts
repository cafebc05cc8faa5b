import { italianDay, ITALIAN_TIME_ZONE } from '#libs/clock';
import type { AnprEnvironment } from '../port.js';
import type { PersonCriterion, PersonQuery, Section } from '../model.js';
import { AnprError } from '../errors.js';
import { isCalendarDate, refuseComuneResidenza, validatePersonQuery } from '../validate-query.js';
import { SOAP_SERVICES, type SoapServiceDescriptor } from './constants.js';
import { FULL_RECORD_CODE, SECTION_CODES } from './tables.js';
import { el, esc, leaf } from './xml.js';

/** Resolves codes to the names ANPR's tipoComune/tipoLocalita require alongside them. */
export interface PlaceResolver {
  comune(codiceIstat: string): { nomeComune: string; siglaProvincia: string } | undefined;
  stato(codiceStato: string): { descrizioneStato: string } | undefined;
}

export interface TestataInput {
  idOperazione: string;
  codMittente: string;
  environment: AnprEnvironment;
  dataOraRichiesta: Date;
}

export interface RequestBuildOptions {
  places?: PlaceResolver;
  /** E002 casoUso (tipoCasoUso, alphanumeric, at most 16). */
  casoUso?: string;
  nomeApplicativo?: string;
  versioneApplicativo?: string;
  fornitoreApplicativo?: string;
}

/** How messages name E002 when it refuses what it cannot express. */
export const E002_NAME = 'SOAP E002 consultazione_soggetti';

/** tipoInvio as ANPR expects it for each environment; a mismatch is refused by ANPR. */
export const TIPO_INVIO: Record<AnprEnvironment, string> = { FREE: 'FREE', TEST: 'TEST', PRE: 'PRE_SUB', PROD: 'PROD' };

const invalid = (field: string, message: string) => new AnprError('invalid_request', message, { field });

function isoDate(value: string, field: string): string {
  if (!isCalendarDate(value)) throw invalid(field, `${field} must be a real calendar date YYYY-MM-DD`);
  return value;
}

// Formatters are costly to build and are used on every request: build it once.
const ITALIAN_DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ITALIAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
  hourCycle: 'h23',
});

/** xs:dateTime in Italian local time with its offset, as a registry office would stamp it. */
export function dateTimeInItaly(now: Date): string {
  const parts = ITALIAN_DATE_TIME.formatToParts(now);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  // longOffset renders as "GMT+01:00" (or plain "GMT" at offset zero).
  const offset = p('timeZoneName').replace('GMT', '') || '+00:00';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}:${p('second')}${offset}`;
}

export function datiAnagraficiRichiesti(sections: Section[]): string[] {
  const codes = [...new Set(sections.flatMap((s) => SECTION_CODES[s] ?? []))];
  // No usable section (empty, or only storici): ask for the full record, which must travel alone.
  return codes.length ? codes.sort((a, b) => Number(a) - Number(b)) : [FULL_RECORD_CODE];
}

function name(value: string, field: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v || v.length > 80) throw invalid(field, `${field} must be 1 to 80 characters`);
  return v.toUpperCase();
}

function tipoComune(codiceIstat: string, field: string, places?: PlaceResolver): string {
  if (!/^\d{6}$/.test(codiceIstat)) throw invalid(field, `${field} must be a 6-digit ISTAT code`);
  const c = places?.comune(codiceIstat);
  if (!c) throw invalid(field, `Unknown Comune ${codiceIstat}: ANPR needs its name and province`);
  return leaf('nomeComune', c.nomeComune) + leaf('codiceIstat', codiceIstat) + leaf('siglaProvinciaIstat', c.siglaProvincia);
}

function tipoLocalita(codiceStato: string, field: string, places?: PlaceResolver): string {
  if (!/^\d{3}$/.test(codiceStato)) throw invalid(field, `${field} must be a 3-digit ISTAT state code`);
  const s = places?.stato(codiceStato);
  if (!s) throw invalid(field, `Unknown foreign state ${codiceStato}: ANPR needs its name`);
  return leaf('descrizioneStato', s.descrizioneStato) + leaf('codiceStato', codiceStato);
}

function datiNascita(c: Extract<PersonCriterion, { kind: 'generalita' }>, places?: PlaceResolver): string {
  if (!c.dataNascita) {
    if (c.luogoNascita?.codiceIstatComune || c.luogoNascita?.codiceStato) {
      throw invalid('criterion.dataNascita', 'A birth place can only be searched together with the birth date on the SOAP services');
    }
    return '';
  }
  let luogo = '';
  if (c.luogoNascita?.codiceIstatComune) luogo = el('luogoNascita', el('comune', tipoComune(c.luogoNascita.codiceIstatComune, 'criterion.luogoNascita.codiceIstatComune', places)));
  else if (c.luogoNascita?.codiceStato) luogo = el('luogoNascita', el('localita', tipoLocalita(c.luogoNascita.codiceStato, 'criterion.luogoNascita.codiceStato', places)));
  return el('datiNascita', leaf('dataEvento', isoDate(c.dataNascita, 'criterion.dataNascita')), luogo);
}

function criteri3002(c: PersonCriterion): string {
  switch (c.kind) {
    case 'codiceFiscale':
      return leaf('codiceFiscale', codiceFiscale(c.codiceFiscale));
    case 'idANPR':
      return leaf('idANPR', idAnpr(c.idANPR));
    case 'generalita':
      return leaf('cognome', name(c.cognome, 'criterion.cognome')) + leaf('nome', name(c.nome, 'criterion.nome'));
    case 'documento': {
      const numero = c.numero.trim().toUpperCase();
      if (c.tipo === 'cartaIdentita') {
        if (!/^[0-9A-Z ]{1,20}$/.test(numero)) throw invalid('criterion.numero', 'Invalid carta d\'identità number');
        return el('cartaIdentita3000', leaf('numero', numero));
      }
      if (c.tipo === 'passaporto') {
        if (!/^[0-9A-Z ]{1,30}$/.test(numero)) throw invalid('criterion.numero', 'Invalid passport number');
        return el('permessoDiSoggiorno3000', leaf('numeroPassaporto', numero));
      }
      if (!/^[0-9A-Z\-./ ]{1,20}$/.test(numero)) throw invalid('criterion.numero', 'Invalid permesso di soggiorno number');
      return el('permessoDiSoggiorno3000', el('datiSoggiorno30XX', leaf('numeroSoggiorno', numero)));
    }
  }
}

function codiceFiscale(cf: string): string {
  const v = cf.trim().toUpperCase();
  if (!/^[0-9A-Z]{11,16}$/.test(v)) throw invalid('criterion.codiceFiscale', 'codiceFiscale must be 11 to 16 letters or digits');
  return v;
}

function idAnpr(id: string): string {
  const v = id.trim().toUpperCase();
  if (!/^[A-Z0-9]{9}$/.test(v)) throw invalid('criterion.idANPR', 'idANPR must be 9 letters or digits');
  return v;
}

/** E002's motivoRichiesta is tipoNoteBase: no slashes or other punctuation beyond , . - ' " : ; */
export function sanitiseNote(text: string): string {
  return text
    .replace(/[/\\]/g, '-')
    .replace(/[^0-9a-zA-Z\u00C0-\u017E,.\-'": ; ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 240);
}

function testata(service: SoapServiceDescriptor, t: TestataInput, o: RequestBuildOptions): string {
  if (!/^\d{1,30}$/.test(t.idOperazione)) throw new Error(`OperationIdSource returned a non-numeric id`);
  const idElement = service.code === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune';
  return el(
    'testataRichiesta',
    leaf(idElement, t.idOperazione),
    leaf('codMittente', t.codMittente),
    leaf('codDestinatario', service.codDestinatario),
    leaf('operazioneRichiesta', service.code),
    leaf('dataOraRichiesta', dateTimeInItaly(t.dataOraRichiesta)),
    leaf('tipoOperazione', 'C'),
    leaf('tipoInvio', TIPO_INVIO[t.environment]),
    leaf('nomeApplicativo', o.nomeApplicativo),
    leaf('versioneApplicativo', o.versioneApplicativo),
    leaf('fornitoreApplicativo', o.fornitoreApplicativo),
  );
}

/**
 * The port's validation plus what the service itself cannot express: a birth place without the
 * birth date on both, and on E002 identity documents and a residence restriction.
 */
export function assertExpressible(serviceCode: '3002' | 'E002', query: PersonQuery): void {
  validatePersonQuery(query);
  const c = query.criterion;
  // datiNascita carries the place only beside dataEvento, which it requires.
  if (c.kind === 'generalita' && !c.dataNascita && (c.luogoNascita?.codiceIstatComune || c.luogoNascita?.codiceStato)) {
    throw invalid('criterion.dataNascita', 'A birth place can only be searched together with the birth date on the SOAP services');
  }
  if (serviceCode !== 'E002') return;
  if (query.criterion.kind === 'documento') throw invalid('criterion', `${E002_NAME} cannot search by identity document`);
  refuseComuneResidenza(query, E002_NAME);
}

/**
 * The Body's request element (Richiesta3002 or RichiestaE002) for a PersonQuery, in the element
 * order the XSD sequences impose. Children are unqualified (elementFormDefault="unqualified").
 */
export function buildRequestBody(serviceCode: '3002' | 'E002', query: PersonQuery, t: TestataInput, o: RequestBuildOptions = {}): string {
  // Also here, not only in the adapter: this builder is public and must not emit a body the port refuses.
  assertExpressible(serviceCode, query);
  const service = SOAP_SERVICES[serviceCode];
  const c = query.criterion;
  const asOf = isoDate(query.asOf ?? italianDay(t.dataOraRichiesta), 'asOf');
  const codes = datiAnagraficiRichiesti(query.sections).map((code) => leaf('datiAnagraficiRichiesti', code)).join('');
  const open = `<anpr:${service.requestElement} xmlns:anpr="${esc(service.namespace)}">`;
  const close = `</anpr:${service.requestElement}>`;

  if (serviceCode === '3002') {
    const criteri = el('criteriRicerca', criteri3002(c));
    const nascita = c.kind === 'generalita' ? datiNascita(c, o.places) : '';
    let ambito = leaf('ricercaNazionale', '1');
    if (query.comuneResidenza) {
      // ANPR: comuneResidenza only with ricercaNazionale 0.
      ambito = leaf('ricercaNazionale', '0') + el('comuneResidenza', tipoComune(query.comuneResidenza, 'comuneResidenza', o.places));
    }
    const dati = el('datiRichiesta', leaf('schedaAnagraficaRichiesta', '1'), leaf('dataRiferimentoRichiesta', asOf), codes, ambito);
    return open + testata(service, t, o) + criteri + nascita + dati + close;
  }

  // E002: a reduced criteriRicerca (no documents), datiNascita inside it, casoUso mandatory.
  let criteri: string;
  switch (c.kind) {
    case 'codiceFiscale':
      criteri = leaf('codiceFiscale', codiceFiscale(c.codiceFiscale));
      break;
    case 'idANPR':
      criteri = leaf('idANPR', idAnpr(c.idANPR));
      break;
    case 'generalita': {
      const dn = datiNascita(c, o.places);
      criteri = leaf('cognome', name(c.cognome, 'criterion.cognome')) + leaf('nome', name(c.nome, 'criterion.nome')) + dn;
      break;
    }
    case 'documento':
      throw invalid('criterion', `${E002_NAME} cannot search by identity document`);
  }
  const casoUso = o.casoUso ?? 'C001';
  if (!/^[0-9a-zA-Z]{1,16}$/.test(casoUso)) throw invalid('casoUso', 'casoUso must be 1 to 16 letters or digits');
  const motivo = sanitiseNote(query.motivoRichiesta ?? '');
  if (!motivo) throw invalid('motivoRichiesta', 'E002 requires motivoRichiesta');
  const dati = el(
    'datiRichiesta',
    leaf('schedaAnagraficaRichiesta', '1'),
    leaf('dataRiferimentoRichiesta', asOf),
    codes,
    leaf('motivoRichiesta', motivo),
    leaf('casoUso', casoUso),
  );
  return open + testata(service, t, o) + el('criteriRicerca', criteri) + dati + close;
}
