/**
 * The E002 JSON model of the PDND e-services, as declared by the official OpenAPI files (C001,
 * C021, C030 v1.0.0). Only the parts GeRes reads or writes are typed; every field is optional on the
 * way in because ANPR omits what it does not know.
 */

export interface TipoComune {
  nomeComune?: string;
  codiceIstat?: string;
  siglaProvinciaIstat?: string;
  descrizioneLocalita?: string;
}

export interface TipoLocalita {
  descrizioneLocalita?: string;
  descrizioneStato?: string;
  codiceStato?: string;
  provinciaContea?: string;
}

export interface TipoLuogo {
  luogoEccezionale?: string;
  comune?: TipoComune;
  localita?: TipoLocalita;
}

export interface TipoDatiNascitaE000 {
  dataEvento?: string;
  senzaGiorno?: string;
  senzaGiornoMese?: string;
  luogoNascita?: TipoLuogo;
}

export interface TipoCriteriRicercaE002 {
  codiceFiscale?: string;
  /** Absent from C030, whose purpose is to obtain it. */
  idANPR?: string;
  cognome?: string;
  senzaCognome?: string;
  nome?: string;
  senzaNome?: string;
  sesso?: string;
  datiNascita?: TipoDatiNascitaE000;
}

export interface TipoDatiRichiestaE002 {
  /** YYYY-MM-DD */
  dataRiferimentoRichiesta: string;
  motivoRichiesta: string;
  /** The e-service code, e.g. "C030". */
  casoUso: string;
}

export interface RichiestaE002 {
  idOperazioneClient: string;
  criteriRicerca?: TipoCriteriRicercaE002;
  datiRichiesta: TipoDatiRichiestaE002;
}

export interface TipoErroriAnomalia {
  codiceErroreAnomalia?: string;
  /** E blocking, W warning */
  tipoErroreAnomalia?: string;
  testoErroreAnomalia?: string;
  oggettoErroreAnomalia?: string;
  campoErroreAnomalia?: string;
  valoreErroreAnomalia?: string;
}

export interface TipoCodiceFiscale {
  codFiscale?: string;
  validitaCF?: string;
  dataAttribuzioneValidita?: string;
}

export interface TipoGeneralita {
  codiceFiscale?: TipoCodiceFiscale;
  cognome?: string;
  senzaCognome?: string;
  nome?: string;
  senzaNome?: string;
  sesso?: string;
  dataNascita?: string;
  senzaGiorno?: string;
  senzaGiornoMese?: string;
  luogoNascita?: TipoLuogo;
  soggettoAIRE?: string;
  annoEspatrio?: string;
  idSchedaSoggettoANPR?: string;
  note?: string;
}

export interface TipoToponimo {
  codSpecie?: string;
  specie?: string;
  specieFonte?: string;
  codToponimo?: string;
  denominazioneToponimo?: string;
  toponimoFonte?: string;
}

export interface TipoCivicoInterno {
  corte?: string;
  scala?: string;
  interno1?: string;
  espInterno1?: string;
  interno2?: string;
  espInterno2?: string;
  scalaEsterna?: string;
  secondario?: string;
  piano?: string;
  nui?: string;
  isolato?: string;
}

export interface TipoNumeroCivico {
  codiceCivico?: string;
  civicoFonte?: string;
  numero?: string;
  metrico?: string;
  progSNC?: string;
  lettera?: string;
  esponente1?: string;
  colore?: string;
  civicoInterno?: TipoCivicoInterno;
}

export interface TipoIndirizzo {
  cap?: string;
  comune?: TipoComune;
  frazione?: string;
  toponimo?: TipoToponimo;
  numeroCivico?: TipoNumeroCivico;
}

export interface TipoLocalitaEstera1 {
  indirizzoEstero?: {
    cap?: string;
    localita?: TipoLocalita;
    toponimo?: { denominazione?: string; numeroCivico?: string };
  };
  consolato?: { codiceConsolato?: string; descrizioneConsolato?: string };
}

export interface TipoResidenza {
  tipoIndirizzo?: string;
  noteIndirizzo?: string;
  indirizzo?: TipoIndirizzo;
  localitaEstera?: TipoLocalitaEstera1;
  presso?: string;
  dataDecorrenzaResidenza?: string;
}

export interface TipoDatiEvento {
  dataEvento?: string;
  senzaGiorno?: string;
  senzaGiornoMese?: string;
  luogoEvento?: TipoLuogo;
}

export interface TipoLegameSoggettoCompleto {
  /** 3 famiglia, 4 convivenza, 5 famiglia AIRE */
  tipoLegame?: string;
  dataDecorrenza?: string;
  /** Tabella 5 (famiglia) or Tabella 6 (convivenza) */
  codiceLegame?: string;
  progressivoComponente?: string;
  dataDecorrenzaLegame?: string;
}

export interface TipoInfoSoggettoEnte {
  id?: string;
  chiave?: string;
  valore?: 'S' | 'N' | 'A';
  valoreTesto?: string;
  valoreData?: string;
  dettaglio?: string;
}

export interface TipoDatiSoggettiEnte {
  generalita?: TipoGeneralita;
  residenza?: TipoResidenza[];
  identificativi?: { idANPR?: string };
  datiDecesso?: TipoDatiEvento;
  legameSoggetto?: TipoLegameSoggettoCompleto;
  infoSoggettoEnte?: TipoInfoSoggettoEnte[];
}

export interface RispostaE002OK {
  idOperazioneANPR?: string;
  listaSoggetti?: { datiSoggetto?: TipoDatiSoggettiEnte[] };
  listaAnomalie?: TipoErroriAnomalia[];
}

export interface RispostaKO {
  idOperazioneANPR?: string;
  listaErrori?: TipoErroriAnomalia[];
}

/** GovWay's RFC 7807 answer for failures it detects before ANPR sees the request. */
export interface GovWayProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  govway_id?: string;
}
