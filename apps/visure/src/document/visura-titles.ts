import type { VisuraType } from '#libs/domain';

/** The printed title of each visura type (R-VIS-1). */
export const VISURA_TITLES: Readonly<Record<VisuraType, string>> = {
  anagrafica_nascita: 'Visura Anagrafica di Nascita',
  esistenza_in_vita: 'Visura di Esistenza in Vita',
  anagrafica_morte: 'Visura Anagrafica di Morte',
  cittadinanza: 'Visura di Cittadinanza',
  anagrafica_matrimonio: 'Visura Anagrafica di Matrimonio',
  stato_libero: 'Visura di Stato Libero',
  residenza: 'Visura di Residenza',
  stato_civile: 'Visura di Stato Civile',
  stato_famiglia: 'Visura di Stato di Famiglia',
  stato_famiglia_parentela: 'Visura di Stato di Famiglia con rapporti di parentela',
  stato_famiglia_aire: 'Visura di Stato di Famiglia AIRE',
  residenza_aire: 'Visura di Residenza AIRE',
  storica_cittadinanza: 'Visura Storica di Cittadinanza',
  storica_residenza: 'Visura Storica di Residenza',
};

export const DEFAULT_PREAMBLE: readonly string[] = [
  "Vista l'ANPR - Anagrafe Nazionale della Popolazione Residente - così come disciplinata dall'art. 62 del D.lgs. 82/2005 e ss.mm.",
  'Visti i DPCM 109/2013 e DPCM 194/2014',
  'Vista la legge 1228/1954 e il DPR 223/1989',
  'Vista la legge 241/1990 con particolare riferimento all\'art. 3 bis "Uso della telematica" e all\'art. 18 "Autocertificazione"',
  'Visto il DPR 445/2000 ed in particolare l\'art. 43 "Accertamenti d\'ufficio", l\'art. 71 "Modalità dei controlli", l\'art. 72 "Responsabilità in materia di accertamento d\'ufficio e di esecuzione dei controlli"',
];

export const DEFAULT_LEGAL_FOOTER =
  'Il presente documento anagrafico digitale è rilasciato alle amministrazioni pubbliche e ai gestori di pubblico servizio ' +
  "individuati ai sensi dell'art. 1, comma 1, lett. o) del DPR 445/2000 e dell'art. 1, comma 2, del D.lgs. 165/2001, " +
  "per gli accertamenti d'ufficio di cui all'art. 43, comma 4, del DPR 445/2000. Il documento ha valore probatorio di " +
  "riproduzione informatica ai sensi dell'art. 2712 del codice civile.";
