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
