import type { Element } from '@xmldom/xmldom';
import type { PersonCriterion, PersonQuery, Section } from '#libs/anpr';
import { childElements, path, textAt } from './dom.js';

/** A business error of the request, answered as rispostaKO (never a Fault). */
export class AnprBusinessError extends Error {
  constructor(
    readonly code: string,
    text: string,
    readonly campo?: string,
  ) {
    super(text);
  }
}

export const ERROR_TEXT: Record<string, string> = {
  EN122: 'La richiesta effettuata non produce alcun risultato',
  EN131: "Piu' soggetti trovati",
  EN132: 'Campi obbligatori non valorizzati',
  EN175: "Esistono piu' di  50  soggetti con le stesse generalita'",
  EC020: "Il codice richiesta = 1 (scheda individuale completa) non puo' essere selezionato contemporaneamente ad altri codici richiesta",
  EC025: 'Codice datiAnagraficiRichiesti non valido',
  EC026: "I codici specificati tra i  datiAnagraficiRichiesti sono ripetuti una o piu' volte",
  EN148: "Ricerca effettuata per codice fiscale: utilizzare l'identificativo unico nazionale (idANPR)",
  EN079: "id operazione comune gia' presente per un servizio diverso",
};

/**
 * Refusals whose code ANPR does not publish. Its XSDs (tipoDato.xsd, E000Vocabolario.xsd) say only
 * that the processing "termina con errore" when tipoInvio does not fit the environment and when an
 * unknown idOperazioneComune/idOperazioneClient is below the last one sent; the error table
 * (tab_elenco_errori_anpr.csv, 2017) has no code for either and REFERENCE.md §7 lists later codes as
 * unconfirmed. The simulator answers them with these codes of its own (SIM…, never an ANPR code) and
 * the XSD's wording, so a client cannot mistake them for a documented ANPR code.
 */
export const SIMULATOR_ERRORS = {
  tipoInvio: { code: 'SIM001', text: (value: string, accepted: readonly string[]) => `tipoInvio ${value} non compatibile con l'ambiente di riferimento (ammessi: ${accepted.join(', ')})` },
  operationIdNotIncreasing: {
    code: 'SIM002',
    text: (id: string, last: string) => `identificativo operazione ${id} non crescente: inferiore o uguale all'ultimo inviato dallo stesso mittente (${last})`,
  },
} as const;

/**
 * tipoInvio of ANPR's non-production environments (REFERENCE.md §2.2: TEST, PRE_SUB; the FREE test
 * environment's samples send FREE). The simulator stands for all of them, so it refuses PROD and
 * anything else by default.
 */
export const NON_PRODUCTION_TIPO_INVIO: readonly string[] = ['FREE', 'TEST', 'PRE_SUB'];

const missing = (campo: string) => new AnprBusinessError('EN132', `${ERROR_TEXT.EN132}: ${campo}`, campo);

export interface Testata {
  idOperazione: string;
  codMittente: string;
  codDestinatario: string;
  operazioneRichiesta: string;
  dataOraRichiesta: string;
  tipoInvio: string;
}

/** Testata fields as far as they can be read; used to answer even a malformed request. */
export function readTestata(service: '3002' | 'E002', request: Element): Testata {
  const h = path(request, 'testataRichiesta');
  const idName = service === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune';
  return {
    idOperazione: textAt(h, idName) ?? '',
    codMittente: textAt(h, 'codMittente') ?? '',
    codDestinatario: textAt(h, 'codDestinatario') ?? '',
    operazioneRichiesta: textAt(h, 'operazioneRichiesta') ?? '',
    dataOraRichiesta: textAt(h, 'dataOraRichiesta') ?? '',
    tipoInvio: textAt(h, 'tipoInvio') ?? '',
  };
}

export function validateTestata(service: '3002' | 'E002', t: Testata, acceptedTipoInvio: readonly string[]): void {
  const idName = service === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune';
  if (!t.idOperazione) throw missing(idName);
  if (!/^\d{1,30}$/.test(t.idOperazione)) throw new AnprBusinessError('EN132', `${idName} deve essere numerico`, idName);
  for (const [k, v] of Object.entries({ codMittente: t.codMittente, codDestinatario: t.codDestinatario, dataOraRichiesta: t.dataOraRichiesta, tipoInvio: t.tipoInvio })) {
    if (!v) throw missing(k);
  }
  if (t.operazioneRichiesta !== service) throw new AnprBusinessError('EN132', `operazioneRichiesta ${t.operazioneRichiesta} non valida per il servizio ${service}`, 'operazioneRichiesta');
  if (!acceptedTipoInvio.includes(t.tipoInvio)) {
    throw new AnprBusinessError(SIMULATOR_ERRORS.tipoInvio.code, SIMULATOR_ERRORS.tipoInvio.text(t.tipoInvio, acceptedTipoInvio), 'tipoInvio');
  }
}

const CODE_SECTIONS: Array<[string, Section]> = [
  ['2', 'generalita'],
  ['3', 'statoCivile'],
  ['6', 'cittadinanza'],
  ['10', 'residenza'],
  ['13', 'matrimonio'],
  ['16', 'documenti'],
  ['17', 'documenti'],
  ['21', 'famiglia'],
  ['22', 'famiglia'],
  ['26', 'aire'],
  ['28', 'decesso'],
];

export interface ParsedRequest {
  query: PersonQuery;
  /** Tabella 16 codes asked, expanded: code 1 becomes every code. */
  codes: Set<string>;
  uniqueCriterion: boolean;
}

function readCodes(datiRichiesta: Element): Set<string> {
  const raw = childElements(datiRichiesta, 'datiAnagraficiRichiesti').map((e) => e.textContent?.trim() ?? '');
  for (const c of raw) if (!/^\d{1,2}$/.test(c) || Number(c) < 1 || Number(c) > 30) throw new AnprBusinessError('EC025', ERROR_TEXT.EC025!, 'datiAnagraficiRichiesti');
  if (new Set(raw).size !== raw.length) throw new AnprBusinessError('EC026', ERROR_TEXT.EC026!, 'datiAnagraficiRichiesti');
  if (raw.includes('1') && raw.length > 1) throw new AnprBusinessError('EC020', ERROR_TEXT.EC020!, 'datiAnagraficiRichiesti');
  if (!raw.length || raw.includes('1')) return new Set(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  return new Set(raw.map((c) => String(Number(c))));
}

function readCriterion(criteri: Element | undefined, nascita: Element | undefined): PersonCriterion {
  const idANPR = textAt(criteri, 'idANPR');
  if (idANPR) return { kind: 'idANPR', idANPR: idANPR.toUpperCase() };
  const cf = textAt(criteri, 'codiceFiscale');
  if (cf) return { kind: 'codiceFiscale', codiceFiscale: cf.toUpperCase() };
  const ci = textAt(criteri, 'cartaIdentita3000', 'numero');
  if (ci) return { kind: 'documento', tipo: 'cartaIdentita', numero: ci };
  const passaporto = textAt(criteri, 'permessoDiSoggiorno3000', 'numeroPassaporto');
  if (passaporto) return { kind: 'documento', tipo: 'passaporto', numero: passaporto };
  const permesso = textAt(criteri, 'permessoDiSoggiorno3000', 'datiSoggiorno30XX', 'numeroSoggiorno');
  if (permesso) return { kind: 'documento', tipo: 'permessoSoggiorno', numero: permesso };
  const cognome = textAt(criteri, 'cognome');
  const nome = textAt(criteri, 'nome');
  if (cognome || nome) {
    if (!cognome) throw missing('cognome');
    if (!nome) throw missing('nome');
    const c: PersonCriterion = { kind: 'generalita', cognome, nome };
    const data = textAt(nascita, 'dataEvento');
    if (data) c.dataNascita = data;
    const istat = textAt(nascita, 'luogoNascita', 'comune', 'codiceIstat');
    const stato = textAt(nascita, 'luogoNascita', 'localita', 'codiceStato');
    if (istat) c.luogoNascita = { codiceIstatComune: istat };
    else if (stato) c.luogoNascita = { codiceStato: stato };
    return c;
  }
  throw missing('criteriRicerca');
}

/** Richiesta3002 / RichiestaE002 → the PersonQuery the registry understands. */
export function parsePersonRequest(service: '3002' | 'E002', request: Element): ParsedRequest {
  const criteri = path(request, 'criteriRicerca');
  if (!criteri) throw missing('criteriRicerca');
  const dati = path(request, 'datiRichiesta');
  if (!dati) throw missing('datiRichiesta');
  const nascita = service === '3002' ? path(request, 'datiNascita') : path(criteri, 'datiNascita');
  const criterion = readCriterion(criteri, nascita);
  const asOf = textAt(dati, 'dataRiferimentoRichiesta');
  if (!asOf) throw missing('dataRiferimentoRichiesta');
  const codes = readCodes(dati);
  let motivoRichiesta = '';
  if (service === 'E002') {
    if (!textAt(dati, 'casoUso')) throw missing('casoUso');
    motivoRichiesta = textAt(dati, 'motivoRichiesta') ?? '';
  }
  const sections = [...new Set(CODE_SECTIONS.filter(([c]) => codes.has(c)).map(([, s]) => s))];
  const query: PersonQuery = { criterion, sections, asOf, motivoRichiesta };
  const comuneResidenza = service === '3002' && textAt(dati, 'ricercaNazionale') === '0' ? textAt(dati, 'comuneResidenza', 'codiceIstat') : undefined;
  if (comuneResidenza) query.comuneResidenza = comuneResidenza;
  return { query, codes, uniqueCriterion: criterion.kind !== 'generalita' };
}
