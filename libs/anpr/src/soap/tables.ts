import type { Section } from '../model.js';

/**
 * Tabella 16 (datiAnagraficiRichiesti) codes per section. ANPR has no code for history on 3002/E002
 * (the as-of date serves that purpose), so `storici` adds none.
 */
export const SECTION_CODES: Record<Section, string[]> = {
  generalita: ['2'],
  statoCivile: ['3'],
  cittadinanza: ['6'],
  residenza: ['10'],
  matrimonio: ['13', '14', '15'],
  documenti: ['16', '17'],
  famiglia: ['21', '22'],
  aire: ['26'],
  decesso: ['28'],
  storici: [],
};
/** "scheda individuale completa": must be sent alone (EC020). */
export const FULL_RECORD_CODE = '1';

/** Codes back to sections, for the simulator and for trimming. */
export function sectionsForCodes(codes: string[]): Set<Section> {
  const out = new Set<Section>();
  if (codes.includes(FULL_RECORD_CODE)) {
    for (const s of Object.keys(SECTION_CODES) as Section[]) out.add(s);
    return out;
  }
  for (const [section, sc] of Object.entries(SECTION_CODES) as Array<[Section, string[]]>) {
    if (sc.some((c) => codes.includes(c))) out.add(section);
  }
  return out;
}

/** Tabella 1, stato civile (descriptions as ANPR publishes them). */
export const STATO_CIVILE: Record<string, string> = {
  '1': 'Celibe/Nubile',
  '2': 'Coniugato/a',
  '3': 'Vedovo/a',
  '4': 'Divorziato/a',
  '6': 'Unito civilmente',
  '7': 'Stato libero a seguito di decesso della parte unita civilmente',
  '8': "Stato libero a seguito di scioglimento dell'unione",
  '9': 'Non classificabile/ignoto/n.c',
};

/** Tabella 5, relazione di parentela (scheda famiglia); the codes a gateway meets in practice. */
export const PARENTELA: Record<string, string> = {
  '1': 'Intestatario Scheda',
  '2': 'Marito / Moglie',
  '3': 'Figlio / Figlia',
  '4': 'Nipote (discendente)',
  '6': 'Padre / Madre',
  '7': 'Nonno / Nonna',
  '9': 'Fratello / Sorella',
  '13': 'Altro Parente',
  '16': 'Genero / Nuora',
  '17': 'Suocero / Suocera',
  '18': 'Cognato / Cognata',
  '22': 'Altro Affine',
  '23': 'Convivente (con vincoli di adozione o affettivi)',
  '24': 'Responsabile della convivenza non affettiva',
  '25': 'Convivente in convivenza non affettiva',
  '26': 'Tutore',
  '28': 'Unito civilmente',
  '99': 'Non definito/comunicato',
};

/** Tabella 6, legame (scheda convivenza). */
export const LEGAME_CONVIVENZA: Record<string, string> = {
  '1': 'Responsabile convivenza',
  '2': 'Membro della convivenza',
  '3': 'Altro',
  '9': 'Ignoto',
};

export function describeLegame(tipoScheda: string | undefined, codiceLegame: string): string {
  const table = tipoScheda === '4' ? LEGAME_CONVIVENZA : PARENTELA;
  return table[codiceLegame] ?? `Codice ${codiceLegame}`;
}
