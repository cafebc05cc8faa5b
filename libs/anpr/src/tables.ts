/**
 * ANPR decoding tables shared by both adapters and by the simulated ANPR, so that a code reads the
 * same whichever channel carried it. Descriptions are ANPR's own (italia/anpr `src/_static/xlsx`,
 * copied in ../shared/anpr/tables); these are 2017–19 snapshots, so callers must cope with codes
 * that are not listed here.
 */

/** Tabella 1, stato civile. */
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

/**
 * Tabella 5, relazione di parentela: the member's relation to the intestatario of a scheda
 * famiglia (tipoLegame 3 famiglia, 5 famiglia AIRE). Codes 14, 15, 19 and 80 are only accepted
 * when a Comune migrates into ANPR ("subentro"), but ANPR still returns them for those people.
 */
export const PARENTELA: Readonly<Record<string, string>> = {
  '1': 'Intestatario Scheda',
  '2': 'Marito / Moglie',
  '3': 'Figlio / Figlia',
  '4': 'Nipote (discendente)',
  '5': 'Pronipote (discendente)',
  '6': 'Padre / Madre',
  '7': 'Nonno / Nonna',
  '8': 'Bisnonno / Bisnonna',
  '9': 'Fratello / Sorella',
  '10': 'Nipote (collaterale)',
  '11': 'Zio / Zia (Collaterale)',
  '12': 'Cugino / Cugina',
  '13': 'Altro Parente',
  '14': 'Figliastro / Figliastra',
  '15': 'Patrigno / Matrigna',
  '16': 'Genero / Nuora',
  '17': 'Suocero / Suocera',
  '18': 'Cognato / Cognata',
  '19': 'Fratellastro / Sorellastra',
  '20': 'Nipote (Affine)',
  '21': 'Zio / Zia (Affine)',
  '22': 'Altro Affine',
  '23': 'Convivente (con vincoli di adozione o affettivi)',
  '24': 'Responsabile della convivenza non affettiva',
  '25': 'Convivente in convivenza non affettiva',
  '26': 'Tutore',
  '28': 'Unito civilmente',
  '80': 'Adottato',
  '81': 'Nipote',
  '99': 'Non definito/comunicato',
};

/**
 * Tabella 6, legame: the member's role in a scheda convivenza (tipoLegame 4, a convivenza
 * anagrafica such as a religious community or a care home, DPR 223/1989 art. 5). The XSD's
 * codiceLegame says so: "Tabella 5 … SCHEDA FAMIGLIA o Tabella 6 … SCHEDA CONVIVENZA".
 */
export const LEGAME_CONVIVENZA: Readonly<Record<string, string>> = {
  '1': 'Responsabile convivenza',
  '2': 'Membro della convivenza',
  '3': 'Altro',
  '9': 'Ignoto',
};

/** tipoScheda / tipoLegame values. */
export const TIPO_SCHEDA = { famiglia: '3', convivenza: '4', famigliaAire: '5' } as const;

/** The table that decodes codiceLegame for a tipoLegame / tipoScheda. */
export const legameTable = (tipoLegame: string | undefined): Readonly<Record<string, string>> =>
  tipoLegame === TIPO_SCHEDA.convivenza ? LEGAME_CONVIVENZA : PARENTELA;

/**
 * ANPR's description of a codiceLegame. A code missing from our snapshot of the tables reads as
 * "Codice NN" on every channel, so the normalised model never differs by channel.
 */
export const describeLegame = (tipoLegame: string | undefined, codiceLegame: string): string =>
  legameTable(tipoLegame)[codiceLegame] ?? `Codice ${codiceLegame}`;

/** ANPR's description of a stato civile code, with the same fallback as `describeLegame`. */
export const describeStatoCivile = (codice: string): string => STATO_CIVILE[codice] ?? `Codice ${codice}`;
