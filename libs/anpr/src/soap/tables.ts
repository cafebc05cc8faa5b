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
