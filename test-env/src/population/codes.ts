/** Descriptions of the ANPR decoding-table codes the population uses (tables in ../shared/anpr/tables). */

/** Tabella 1, Stato civile. */
export const STATO_CIVILE: Readonly<Record<string, string>> = {
  '1': 'Celibe/Nubile',
  '2': 'Coniugato/a',
  '3': 'Vedovo/a',
  '4': 'Divorziato/a',
  '6': 'Unito civilmente',
  '7': 'Stato libero a seguito di decesso della parte unita civilmente',
  '8': "Stato libero a seguito di scioglimento dell'unione",
  '9': 'Non classificabile/ignoto/n.c',
};

/** Tabella 5, Relazione di parentela (famiglia). Only the codes the generator uses. */
export const LEGAME: Readonly<Record<string, string>> = {
  '1': 'Intestatario Scheda',
  '2': 'Marito / Moglie',
  '3': 'Figlio / Figlia',
  '6': 'Padre / Madre',
  '23': 'Convivente (con vincoli di adozione o affettivi)',
  '24': 'Responsabile della convivenza non affettiva',
  '25': 'Convivente in convivenza non affettiva',
  '28': 'Unito civilmente',
};

/** Tabella 8, Tipo soggiorno. */
export const TIPO_SOGGIORNO: Readonly<Record<string, string>> = {
  '1': 'Permesso',
  '2': 'Carta di soggiorno / Permesso di soggiorno CE',
};

/** Tabella 25, Tipo indirizzo. */
export const TIPO_INDIRIZZO = { residenza: '1', residenzaEstera: '4' } as const;

/** tipoScheda / tipo famiglia. */
export const TIPO_FAMIGLIA = { famiglia: '3', convivenza: '4', famigliaAire: '5' } as const;

/** Tabella AIRE iscrizione motives used. */
export const MOTIVO_ISCRIZIONE_AIRE: Readonly<Record<string, string>> = {
  C01: "Espatrio e/o residenza all' estero",
  C02: "Nascita (stato civile), se figlio di iscritto all'A.I.R.E.",
};
