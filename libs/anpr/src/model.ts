/**
 * The normalised model GeRes uses for whatever ANPR returns, whichever channel (SOAP 3002/E002 or
 * PDND REST C0xx) carried it. Field names follow ANPR's vocabulary (tipoDato.xsd / E000Vocabolario.xsd)
 * so that a registry officer recognises them; dates are ISO `YYYY-MM-DD` strings.
 */

/** Sections a caller may ask for; each maps to ANPR's Tabella 16 codes (datiAnagraficiRichiesti). */
export const SECTIONS = [
  'generalita',
  'residenza',
  'famiglia',
  'cittadinanza',
  'statoCivile',
  'matrimonio',
  'decesso',
  'documenti',
  'aire',
  'storici',
] as const;
export type Section = (typeof SECTIONS)[number];

export type IdentityDocumentType = 'cartaIdentita' | 'permessoSoggiorno' | 'passaporto';

/** One search criterion; exactly one `kind`. */
export type PersonCriterion =
  | { kind: 'codiceFiscale'; codiceFiscale: string }
  | { kind: 'idANPR'; idANPR: string }
  | { kind: 'documento'; tipo: IdentityDocumentType; numero: string }
  | {
      kind: 'generalita';
      cognome: string;
      nome: string;
      /** YYYY-MM-DD */
      dataNascita?: string;
      /** ISTAT code (6 digits) of the Italian Comune of birth, or a foreign state code (3 digits). */
      luogoNascita?: { codiceIstatComune?: string; codiceStato?: string };
    };

export interface PersonQuery {
  criterion: PersonCriterion;
  sections: Section[];
  /** As-of date (dataRiferimentoRichiesta), YYYY-MM-DD; defaults to today. */
  asOf?: string;
  /** Case or protocol number (motivoRichiesta), 1–240 characters; required on every channel (ANPR logs it on E002/PDND). */
  motivoRichiesta: string;
  /**
   * Restrict the search to residents of one Comune (ISTAT code); absent means national search.
   * Only SOAP 3002 can restrict; E002 and PDND refuse it (invalid_request, field comuneResidenza).
   */
  comuneResidenza?: string;
}

export interface Luogo {
  /** Italian Comune */
  comune?: { codiceIstat: string; nomeComune: string; siglaProvincia?: string; codiceCatastale?: string };
  /** Foreign place */
  localita?: { codiceStato: string; descrizioneStato: string; descrizioneLocalita?: string };
}

export interface Generalita {
  codiceFiscale: string;
  /** 1 = validated by Agenzia delle Entrate, 9 = not validated */
  validitaCF?: string;
  cognome: string;
  nome: string;
  sesso: 'M' | 'F' | 'N';
  dataNascita: string;
  luogoNascita: Luogo;
  soggettoAIRE?: boolean;
}

export interface Indirizzo {
  cap?: string;
  comune: { codiceIstat: string; nomeComune: string; siglaProvincia?: string };
  frazione?: string;
  toponimo: { specie: string; denominazione: string };
  numeroCivico?: { numero?: string; lettera?: string; interno?: string; scala?: string; piano?: string };
}

export interface Residenza {
  /** Tabella 25: 1 Residenza, 4 Residenza estera, 7 Ultima residenza italiana... */
  tipoIndirizzo: string;
  indirizzo?: Indirizzo;
  localitaEstera?: { codiceStato: string; descrizioneStato: string; localita?: string; indirizzo?: string; consolato?: string };
  presso?: string;
  dataDecorrenza?: string;
  /** Present for historical entries (storici). */
  dataFine?: string;
}

export interface Cittadinanza {
  codiceStato: string;
  descrizioneStato: string;
  dataDecorrenza?: string;
  dataFine?: string;
}

export interface StatoCivile {
  /** Tabella 1: 1 celibe/nubile, 2 coniugato, 3 vedovo, 4 divorziato, 6 unito civilmente, 7/8 stato libero */
  codice: string;
  descrizione: string;
  dataEvento?: string;
}

export interface EventoMatrimonio {
  tipo: 'matrimonio' | 'unioneCivile';
  data: string;
  luogo?: Luogo;
  coniuge?: { codiceFiscale?: string; cognome: string; nome: string };
  /** Date the marriage/union ended (divorce, dissolution, death of the spouse). */
  dataCessazione?: string;
  motivoCessazione?: string;
}

export interface Decesso {
  data: string;
  luogo?: Luogo;
}

export interface DocumentoIdentita {
  tipo: IdentityDocumentType;
  numero: string;
  dataRilascio?: string;
  dataScadenza?: string;
  /** Comune (ISTAT) or authority that issued it. */
  rilasciatoDa?: string;
  /** For permessi di soggiorno: Tabella 8 tipo soggiorno. */
  tipoSoggiorno?: string;
}

export interface ComponenteFamiglia {
  codiceFiscale: string;
  idANPR?: string;
  cognome: string;
  nome: string;
  dataNascita?: string;
  /** Tabella 5 relazione di parentela in a famiglia (1 intestatario, 2 coniuge, 3 figlio...), Tabella 6 legame in a convivenza (1 responsabile, 2 membro). */
  codiceLegame: string;
  descrizioneLegame: string;
}

export interface Famiglia {
  /** 3 famiglia, 4 convivenza, 5 famiglia AIRE */
  tipo: string;
  idFamiglia?: string;
  componenti: ComponenteFamiglia[];
}

export interface IscrizioneAire {
  comuneIscrizione: { codiceIstat: string; nomeComune: string };
  dataIscrizione: string;
  motivo?: string;
}

export interface NormalisedPerson {
  idANPR: string;
  generalita?: Generalita;
  residenza?: Residenza[];
  cittadinanza?: Cittadinanza[];
  statoCivile?: StatoCivile;
  matrimoni?: EventoMatrimonio[];
  decesso?: Decesso;
  documenti?: DocumentoIdentita[];
  famiglia?: Famiglia;
  aire?: IscrizioneAire;
  /** History (storici) when asked for: past residences and citizenships. */
  storicoResidenza?: Residenza[];
  storicoCittadinanza?: Cittadinanza[];
}

export interface AnprWarning {
  code: string;
  text: string;
}

export interface LookupResult {
  persons: NormalisedPerson[];
  /** idOperazioneANPR: ANPR's id of this operation, recorded in the audit trail and on visure. */
  anprOperationId: string;
  /** Our idOperazioneComune / idOperazioneClient. */
  clientOperationId: string;
  warnings: AnprWarning[];
  channel: 'soap' | 'pdnd';
}
