import { AnprError, type AnprErrorKind } from '../errors.js';
import type {
  AnprWarning,
  Cittadinanza,
  ComponenteFamiglia,
  DocumentoIdentita,
  EventoMatrimonio,
  Generalita,
  LookupResult,
  Luogo,
  NormalisedPerson,
  PersonQuery,
  Residenza,
} from '../model.js';
import { NS, SOAP_SERVICES } from './constants.js';
import { describeLegame, describeStatoCivile } from '../tables.js';
import { child, childElements, descendants, parseXml, text, type Document, type Element } from './xml.js';

/** ANPR error codes by the typed error they mean (REFERENCE.md §2.4). */
const NOT_FOUND = new Set(['EN122', 'EN130', 'EN133']);
const AMBIGUOUS = new Set(['EN131', 'EN043', 'EN067', 'EN175']);

export function kindForAnprCode(code: string): AnprErrorKind {
  if (NOT_FOUND.has(code)) return 'not_found';
  if (AMBIGUOUS.has(code)) return 'ambiguous';
  // EN132 (mandatory fields), EC0xx (datiAnagraficiRichiesti) and any other blocking error are
  // about what we sent; retrying the same request would not help.
  return 'invalid_request';
}

interface ErroreAnomalia {
  code: string;
  type: string;
  text: string;
  field?: string;
}

/** Errors in 3000 style (<listaErrori><errore>…) and E000 style (repeated tipoErroriAnomalia). */
function readErrors(containers: Element[]): ErroreAnomalia[] {
  const holders = containers.flatMap((c) => (child(c, 'codiceErroreAnomalia') ? [c] : childElements(c).filter((e) => child(e, 'codiceErroreAnomalia'))));
  return holders.map((h) => ({
    code: text(h, 'codiceErroreAnomalia') ?? '',
    type: (text(h, 'tipoErroreAnomalia') ?? 'E').toUpperCase(),
    text: text(h, 'testoErroreAnomalia') ?? '',
    field: text(h, 'campoErroreAnomalia'),
  }));
}

function luogo(e: Element | undefined): Luogo | undefined {
  if (!e) return undefined;
  const comune = child(e, 'comune');
  if (comune) {
    return {
      comune: {
        codiceIstat: text(comune, 'codiceIstat') ?? '',
        nomeComune: text(comune, 'nomeComune') ?? '',
        siglaProvincia: text(comune, 'siglaProvinciaIstat'),
      },
    };
  }
  const loc = child(e, 'localita');
  if (loc) {
    return {
      localita: {
        codiceStato: text(loc, 'codiceStato') ?? '',
        descrizioneStato: text(loc, 'descrizioneStato') ?? '',
        descrizioneLocalita: text(loc, 'descrizioneLocalita'),
      },
    };
  }
  return undefined;
}

function generalita(g: Element): Generalita {
  const sesso = (text(g, 'sesso') ?? 'N').toUpperCase();
  const aire = text(g, 'soggettoAIRE');
  return strip({
    codiceFiscale: text(g, 'codiceFiscale', 'codFiscale') ?? '',
    validitaCF: text(g, 'codiceFiscale', 'validitaCF'),
    cognome: text(g, 'cognome') ?? '',
    nome: text(g, 'nome') ?? '',
    sesso: (sesso === 'M' || sesso === 'F' ? sesso : 'N') as Generalita['sesso'],
    dataNascita: text(g, 'dataNascita') ?? '',
    luogoNascita: luogo(child(g, 'luogoNascita')) ?? {},
    soggettoAIRE: aire === undefined ? undefined : aire.toUpperCase() === 'S',
  });
}

function residenza(r: Element): Residenza {
  const ind = child(r, 'indirizzo');
  const estera = child(r, 'localitaEstera');
  const out: Residenza = { tipoIndirizzo: text(r, 'tipoIndirizzo') ?? '' };
  if (ind) {
    const civ = child(ind, 'numeroCivico');
    const interno = child(civ, 'civicoInterno');
    out.indirizzo = strip({
      cap: text(ind, 'cap'),
      comune: strip({
        codiceIstat: text(ind, 'comune', 'codiceIstat') ?? '',
        nomeComune: text(ind, 'comune', 'nomeComune') ?? '',
        siglaProvincia: text(ind, 'comune', 'siglaProvinciaIstat'),
      }),
      frazione: text(ind, 'frazione'),
      toponimo: { specie: text(ind, 'toponimo', 'specie') ?? '', denominazione: text(ind, 'toponimo', 'denominazioneToponimo') ?? '' },
      numeroCivico: civ
        ? strip({
            numero: text(civ, 'numero'),
            lettera: text(civ, 'lettera'),
            scala: text(interno, 'scala'),
            interno: text(interno, 'interno1'),
            piano: text(interno, 'piano'),
          })
        : undefined,
    });
  } else if (estera) {
    const ie = child(estera, 'indirizzoEstero');
    out.localitaEstera = strip({
      codiceStato: text(ie, 'localita', 'codiceStato') ?? '',
      descrizioneStato: text(ie, 'localita', 'descrizioneStato') ?? '',
      localita: text(ie, 'localita', 'descrizioneLocalita'),
      indirizzo: text(ie, 'toponimo', 'denominazione'),
      consolato: text(estera, 'consolato', 'descrizioneConsolato'),
    });
  }
  out.presso = text(r, 'presso');
  out.dataDecorrenza = text(r, 'dataDecorrenzaResidenza');
  return strip(out);
}

function cittadinanza(c: Element): Cittadinanza {
  return strip({ codiceStato: text(c, 'codiceStato') ?? '', descrizioneStato: text(c, 'descrizioneStato') ?? '', dataDecorrenza: text(c, 'dataValidita') });
}

function partner(g: Element | undefined) {
  if (!g) return undefined;
  return strip({ codiceFiscale: text(g, 'codiceFiscale', 'codFiscale'), cognome: text(g, 'cognome') ?? '', nome: text(g, 'nome') ?? '' });
}

function matrimoni(s: Element): EventoMatrimonio[] | undefined {
  const out: EventoMatrimonio[] = [];
  const m = child(s, 'matrimonio');
  if (m) {
    const ev: EventoMatrimonio = strip({
      tipo: 'matrimonio' as const,
      data: text(m, 'datiMatrimonio', 'dataEvento') ?? '',
      luogo: luogo(child(m, 'datiMatrimonio', 'luogoEvento')),
      coniuge: partner(child(m, 'coniuge')),
    });
    const vedovanza = child(s, 'vedovanza');
    const annullamento = child(s, 'annullamentoMatrimonio');
    if (vedovanza) {
      ev.dataCessazione = text(vedovanza, 'datiMorteconiuge', 'dataEvento');
      ev.motivoCessazione = 'decesso';
    } else if (annullamento) {
      ev.dataCessazione = text(annullamento, 'sentenza', 'data');
      ev.motivoCessazione = text(annullamento, 'tipoCessazione') === '4' ? 'divorzio' : 'annullamento';
    }
    out.push(strip(ev));
  }
  const u = child(s, 'unioneCivile');
  if (u) {
    out.push(
      strip({
        tipo: 'unioneCivile' as const,
        data: text(u, 'attoUnione', 'dataEvento') ?? '',
        luogo: luogo(child(u, 'attoUnione', 'luogoEvento')),
        coniuge: partner(child(u, 'unitoCivilmente')),
        dataCessazione: text(u, 'scioglimentoUnione', 'datiEvento', 'dataEvento'),
        motivoCessazione: text(u, 'scioglimentoUnione', 'motivoScioglimento'),
      }),
    );
  }
  return out.length ? out : undefined;
}

function documenti(s: Element): DocumentoIdentita[] | undefined {
  const out: DocumentoIdentita[] = [];
  const ci = child(s, 'cartaIdentita');
  if (ci) {
    out.push(
      strip({
        tipo: 'cartaIdentita' as const,
        numero: text(ci, 'numero') ?? '',
        dataRilascio: text(ci, 'dataRilascio'),
        dataScadenza: text(ci, 'dataScadenza'),
        rilasciatoDa: text(ci, 'comuneRilascio', 'codiceIstat') ?? text(ci, 'consolatoRilascio', 'descrizioneConsolato'),
      }),
    );
  }
  const ps = child(s, 'permessoSoggiorno');
  if (ps) {
    const numero = text(ps, 'numeroSoggiorno');
    if (numero) {
      out.push(
        strip({
          tipo: 'permessoSoggiorno' as const,
          numero,
          dataRilascio: text(ps, 'dataRilascio'),
          dataScadenza: text(ps, 'dataScadenza'),
          rilasciatoDa: text(ps, 'questuraRilascioSoggiorno'),
          tipoSoggiorno: text(ps, 'tipoSoggiorno'),
        }),
      );
    }
    const passaporto = text(ps, 'numeroPassaporto');
    if (passaporto) out.push({ tipo: 'passaporto', numero: passaporto });
  }
  return out.length ? out : undefined;
}

function idAnprOf(s: Element): string {
  return text(s, 'identificativi', 'idANPR') ?? text(s, 'tipoIdentificativi', 'idANPR') ?? text(s, 'idSoggettoNazionale') ?? '';
}

function person(s: Element): NormalisedPerson {
  const g = child(s, 'generalita');
  const decesso = child(s, 'datiDecesso');
  const aire = child(s, 'datiIscrizione', 'datiIscrizioneComune');
  const statoCivile = text(s, 'statoCivile', 'statoCivile');
  const residenze = childElements(s, 'residenza').map(residenza);
  const cittadinanze = childElements(s, 'cittadinanza').map(cittadinanza);
  const aireIscrizione = child(s, 'datiIscrizione', 'tipoIscrizioneAIRE');
  return strip({
    idANPR: idAnprOf(s),
    generalita: g ? generalita(g) : undefined,
    residenza: residenze.length ? residenze : undefined,
    cittadinanza: cittadinanze.length ? cittadinanze : undefined,
    statoCivile: statoCivile ? { codice: statoCivile, descrizione: describeStatoCivile(statoCivile) } : undefined,
    matrimoni: matrimoni(s),
    decesso: decesso ? strip({ data: text(decesso, 'dataEvento') ?? '', luogo: luogo(child(decesso, 'luogoEvento')) }) : undefined,
    documenti: documenti(s),
    aire:
      aire && aireIscrizione
        ? strip({
            comuneIscrizione: { codiceIstat: text(aire, 'comune', 'codiceIstat') ?? '', nomeComune: text(aire, 'comune', 'nomeComune') ?? '' },
            dataIscrizione: text(aire, 'dataIscrizione') ?? '',
            motivo: text(aireIscrizione, 'motivoIscrizione'),
          })
        : undefined,
  });
}

/** Drops undefined properties so results compare cleanly and serialise compactly. */
function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

function matchesCriterion(p: NormalisedPerson, q: PersonQuery): boolean {
  const c = q.criterion;
  if (c.kind === 'codiceFiscale') return p.generalita?.codiceFiscale.toUpperCase() === c.codiceFiscale.trim().toUpperCase();
  if (c.kind === 'idANPR') return p.idANPR.toUpperCase() === c.idANPR.trim().toUpperCase();
  return false;
}

export interface InterpretInput {
  service: '3002' | 'E002';
  httpStatus: number;
  body: string;
  query: PersonQuery;
  clientOperationId: string;
}

function fault(doc: Document, httpStatus: number): AnprError | undefined {
  const f = descendants(doc, 'Fault', NS.soapenv)[0];
  if (!f) return undefined;
  const code = text(f, 'faultcode') ?? '';
  const reason = text(f, 'faultstring') ?? 'SOAP Fault';
  // ANPR answers every security failure as a Client fault (REFERENCE.md §2.4); a Server fault is
  // ANPR failing, which a retry may cure.
  const kind: AnprErrorKind = /(^|:)Server/i.test(code) ? 'unavailable' : 'security_rejected';
  return new AnprError(kind, `ANPR SOAP Fault ${code}: ${reason}`, { httpStatus, anprCode: code || undefined });
}

/**
 * Turns ANPR's answer into a LookupResult, or throws the typed AnprError it amounts to: a Fault,
 * rispostaKO with its first blocking error, an unusable HTTP answer.
 */
export function interpretResponse(input: InterpretInput): LookupResult {
  const service = SOAP_SERVICES[input.service];
  let doc: Document;
  try {
    doc = parseXml(input.body);
  } catch (e) {
    throw new AnprError('unavailable', `ANPR answered HTTP ${input.httpStatus} with no usable SOAP message`, { httpStatus: input.httpStatus, cause: e });
  }
  const f = fault(doc, input.httpStatus);
  if (f) throw f;
  const body = descendants(doc, 'Body', NS.soapenv)[0];
  const response = childElements(body, service.responseElement)[0];
  if (input.httpStatus >= 400 || !response) {
    throw new AnprError('unavailable', `ANPR answered HTTP ${input.httpStatus} without a ${service.responseElement}`, { httpStatus: input.httpStatus });
  }
  const ko = child(response, 'rispostaKO');
  if (ko) {
    const anprOperationId = text(ko, 'testataRisposta', 'idOperazioneANPR');
    const errors = readErrors(childElements(ko, 'listaErrori'));
    const first = errors.find((e) => e.type === 'E') ?? errors[0];
    if (!first) throw new AnprError('unavailable', 'ANPR answered rispostaKO without errors', { anprOperationId });
    throw new AnprError(kindForAnprCode(first.code), `ANPR ${first.code}: ${first.text}`, {
      anprCode: first.code,
      field: first.field,
      anprOperationId,
      httpStatus: input.httpStatus,
    });
  }
  const ok = child(response, service.okElement);
  if (!ok) throw new AnprError('unavailable', `ANPR answered ${service.responseElement} with neither OK nor KO`, { httpStatus: input.httpStatus });

  const anprOperationId = text(ok, 'testataRisposta', 'idOperazioneANPR') ?? '';
  const soggetti = childElements(child(ok, 'listaSoggetti'), 'datiSoggetto');
  const warnings: AnprWarning[] = [];
  const pushWarnings = (list: ErroreAnomalia[]) => {
    for (const e of list) if (e.type === 'W' && !warnings.some((w) => w.code === e.code)) warnings.push({ code: e.code, text: e.text });
  };
  pushWarnings(readErrors(childElements(ok, 'listaAnomalie')));
  for (const s of soggetti) pushWarnings(readErrors(childElements(s, 'erroriAnomalie')));

  let persons = soggetti.map(person);
  const famiglia = child(ok, 'datiFamigliaConvivenza');
  const withLegame = soggetti.filter((s) => child(s, 'legameSoggetto'));
  if (input.query.sections.includes('famiglia') && withLegame.length) {
    // With the family asked for, ANPR lists every member as a datiSoggetto; the subject searched
    // is the one matching the criterion (or the first), the others become its componenti.
    const idx = Math.max(0, persons.findIndex((p) => matchesCriterion(p, input.query)));
    const subject = persons[idx]!;
    const fc = child(famiglia, 'famigliaConvivenza') ?? child(soggetti[idx], 'famigliaConvivenza');
    const tipo = text(fc, 'tipoScheda') ?? text(soggetti[idx], 'legameSoggetto', 'tipoLegame') ?? '3';
    const progressivo = (s: Element) => Number(text(s, 'legameSoggetto', 'progressivoComponente') ?? Number.MAX_SAFE_INTEGER);
    const ordered = [...withLegame].sort((a, b) => progressivo(a) - progressivo(b));
    const componenti: ComponenteFamiglia[] = ordered.map((s) => {
      const g = child(s, 'generalita');
      const codiceLegame = text(s, 'legameSoggetto', 'codiceLegame') ?? '99';
      return strip({
        codiceFiscale: text(g, 'codiceFiscale', 'codFiscale') ?? '',
        idANPR: idAnprOf(s) || undefined,
        cognome: text(g, 'cognome') ?? '',
        nome: text(g, 'nome') ?? '',
        dataNascita: text(g, 'dataNascita'),
        codiceLegame,
        descrizioneLegame: describeLegame(tipo, codiceLegame),
      });
    });
    subject.famiglia = strip({ tipo, idFamiglia: text(fc, 'idFamigliaConvivenzaANPR'), componenti });
    persons = [subject];
  }
  return { persons, anprOperationId, clientOperationId: input.clientOperationId, warnings, channel: 'soap' };
}
