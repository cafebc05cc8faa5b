import type { NormalisedPerson, Section } from '#libs/anpr';

/** Which fields of the normalised model each section carries. */
const SECTION_FIELDS: Record<Section, Array<keyof NormalisedPerson>> = {
  generalita: ['generalita'],
  residenza: ['residenza'],
  famiglia: ['famiglia'],
  cittadinanza: ['cittadinanza'],
  statoCivile: ['statoCivile'],
  matrimonio: ['matrimoni'],
  decesso: ['decesso'],
  documenti: ['documenti'],
  aire: ['aire'],
  storici: ['storicoResidenza', 'storicoCittadinanza'],
};

/** Whitelists the answer: idANPR plus exactly the sections granted for this request. */
export function trimPerson(p: NormalisedPerson, sections: readonly Section[]): NormalisedPerson {
  const out: NormalisedPerson = { idANPR: p.idANPR };
  for (const s of sections) {
    for (const f of SECTION_FIELDS[s]) {
      if (p[f] !== undefined) Object.assign(out, { [f]: p[f] });
    }
  }
  return out;
}

/** ISTAT code of the Comune where the person lives (or, for AIRE citizens, is registered). */
export function residenceComune(p: NormalisedPerson): string | undefined {
  const current = p.residenza?.find((r) => !r.dataFine && r.indirizzo) ?? p.residenza?.find((r) => r.indirizzo);
  return current?.indirizzo?.comune.codiceIstat ?? p.aire?.comuneIscrizione.codiceIstat;
}

export const subjectIds = (persons: NormalisedPerson[]): string[] =>
  [...new Set(persons.flatMap((p) => [p.generalita?.codiceFiscale, p.idANPR].filter((x): x is string => Boolean(x))))];
