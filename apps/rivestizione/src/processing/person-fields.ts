import type { PersonData } from '../gateway/gateway.port.js';

/** The lookup section each rivestizione field comes from (idANPR comes with every answer). */
export const FIELD_SECTION: Record<string, string | null> = {
  codiceFiscale: 'generalita',
  idANPR: null,
  cognome: 'generalita',
  nome: 'generalita',
  sesso: 'generalita',
  dataNascita: 'generalita',
  luogoNascita: 'generalita',
  cittadinanza: 'cittadinanza',
  statoCivile: 'statoCivile',
  indirizzoResidenza: 'residenza',
  comuneResidenza: 'residenza',
  dataDecorrenzaResidenza: 'residenza',
  soggettoAIRE: 'generalita',
  dataDecesso: 'decesso',
  documentoIdentita: 'documenti',
};

/** The sections to ask for: those the fields need and the profile allows (generalita at least, to identify). */
export function sectionsFor(fields: readonly string[], allowed: readonly string[]): string[] {
  const wanted = new Set(fields.map((f) => FIELD_SECTION[f]).filter((s): s is string => !!s));
  const out = [...wanted].filter((s) => allowed.includes(s));
  return out.length ? out : allowed.includes('generalita') ? ['generalita'] : allowed.slice(0, 1);
}

const current = <T extends { dataFine?: string }>(list?: T[]): T | undefined => list?.find((x) => !x.dataFine) ?? list?.[0];

/** Exactly the profile's fields, as text for the result file; a field ANPR did not return is null. */
export function personFields(p: PersonData, fields: readonly string[]): Record<string, string | boolean | null> {
  const g = p.generalita;
  const res = current(p.residenza as Array<NonNullable<PersonData['residenza']>[number] & { dataFine?: string }>);
  const out: Record<string, string | boolean | null> = {};
  for (const f of fields) {
    switch (f) {
      case 'codiceFiscale': out[f] = g?.codiceFiscale ?? null; break;
      case 'idANPR': out[f] = p.idANPR ?? null; break;
      case 'cognome': out[f] = g?.cognome ?? null; break;
      case 'nome': out[f] = g?.nome ?? null; break;
      case 'sesso': out[f] = g?.sesso ?? null; break;
      case 'dataNascita': out[f] = g?.dataNascita ?? null; break;
      case 'luogoNascita': {
        const c = g?.luogoNascita?.comune;
        out[f] = c ? `${c.nomeComune}${c.siglaProvincia ? ` (${c.siglaProvincia})` : ''}` : (g?.luogoNascita?.localita?.descrizione ?? null);
        break;
      }
      case 'cittadinanza': out[f] = p.cittadinanza?.filter((c) => !c.dataFine).map((c) => c.descrizioneStato).join(', ') || null; break;
      case 'statoCivile': out[f] = p.statoCivile?.descrizione ?? null; break;
      case 'indirizzoResidenza': {
        const i = res?.indirizzo;
        if (!i) { out[f] = null; break; }
        const civ = i.numeroCivico ? ` ${i.numeroCivico.numero ?? ''}${i.numeroCivico.lettera ? `/${i.numeroCivico.lettera}` : ''}`.trimEnd() : '';
        const interno = i.numeroCivico?.interno ? ` int. ${i.numeroCivico.interno}` : '';
        out[f] = `${i.toponimo.specie} ${i.toponimo.denominazione}${civ}${interno}`.trim();
        break;
      }
      case 'comuneResidenza': {
        const c = res?.indirizzo?.comune;
        out[f] = c ? `${c.nomeComune}${c.siglaProvincia ? ` (${c.siglaProvincia})` : ''}` : null;
        break;
      }
      case 'dataDecorrenzaResidenza': out[f] = res?.dataDecorrenza ?? null; break;
      case 'soggettoAIRE': out[f] = g?.soggettoAIRE ?? (p.aire ? true : null); break;
      case 'dataDecesso': out[f] = p.decesso?.data ?? null; break;
      case 'documentoIdentita': {
        const d = p.documenti?.[0];
        out[f] = d ? `${d.tipo} ${d.numero}${d.dataScadenza ? ` scad. ${d.dataScadenza}` : ''}` : null;
        break;
      }
      default: out[f] = null;
    }
  }
  return out;
}
