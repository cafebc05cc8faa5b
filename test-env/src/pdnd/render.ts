/**
 * The simulated ANPR's side of the E002 JSON model: normalised registry data → `datiSoggetto`
 * shaped per e-service (REFERENCE.md §3.4). Written independently of the adapter's mapping on
 * purpose, so that a round trip tests both against the OpenAPI model rather than against each other.
 */
import type { Luogo, NormalisedPerson, Residenza } from '#libs/anpr';

type Json = Record<string, unknown>;

const clean = (obj: Json): Json => {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === '') continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
};

export function renderLuogo(l: Luogo | undefined): Json | undefined {
  if (l?.comune) {
    return { comune: clean({ nomeComune: l.comune.nomeComune, codiceIstat: l.comune.codiceIstat, siglaProvinciaIstat: l.comune.siglaProvincia }) };
  }
  if (l?.localita) {
    return {
      localita: clean({
        descrizioneLocalita: l.localita.descrizioneLocalita,
        descrizioneStato: l.localita.descrizioneStato,
        codiceStato: l.localita.codiceStato,
      }),
    };
  }
  return undefined;
}

export function renderGeneralita(p: NormalisedPerson): Json | undefined {
  const g = p.generalita;
  if (!g) return undefined;
  return clean({
    codiceFiscale: clean({ codFiscale: g.codiceFiscale, validitaCF: g.validitaCF ?? '1' }),
    cognome: g.cognome,
    nome: g.nome,
    sesso: g.sesso,
    dataNascita: g.dataNascita,
    luogoNascita: renderLuogo(g.luogoNascita),
    soggettoAIRE: g.soggettoAIRE === undefined ? undefined : g.soggettoAIRE ? 'S' : 'N',
  });
}

export function renderResidenza(r: Residenza): Json {
  const ind = r.indirizzo;
  const est = r.localitaEstera;
  return clean({
    tipoIndirizzo: r.tipoIndirizzo,
    indirizzo: ind
      ? clean({
          cap: ind.cap,
          comune: clean({ nomeComune: ind.comune.nomeComune, codiceIstat: ind.comune.codiceIstat, siglaProvinciaIstat: ind.comune.siglaProvincia }),
          frazione: ind.frazione,
          toponimo: clean({ specie: ind.toponimo.specie, denominazioneToponimo: ind.toponimo.denominazione }),
          numeroCivico: ind.numeroCivico
            ? clean({
                numero: ind.numeroCivico.numero,
                lettera: ind.numeroCivico.lettera,
                civicoInterno: clean({ scala: ind.numeroCivico.scala, interno1: ind.numeroCivico.interno, piano: ind.numeroCivico.piano }),
              })
            : undefined,
        })
      : undefined,
    localitaEstera: est
      ? clean({
          indirizzoEstero: clean({
            localita: clean({ descrizioneLocalita: est.localita, descrizioneStato: est.descrizioneStato, codiceStato: est.codiceStato }),
            toponimo: clean({ denominazione: est.indirizzo }),
          }),
          consolato: clean({ descrizioneConsolato: est.consolato }),
        })
      : undefined,
    presso: r.presso,
    dataDecorrenzaResidenza: r.dataDecorrenza,
  });
}

export function renderDecesso(p: NormalisedPerson): Json | undefined {
  if (!p.decesso) return undefined;
  return clean({ dataEvento: p.decesso.data, luogoEvento: renderLuogo(p.decesso.luogo) });
}

/** C001 / C020: generalita, current residence(s), identificativi. */
export const renderResidenceSubject = (p: NormalisedPerson): Json =>
  clean({
    generalita: renderGeneralita(p),
    residenza: (p.residenza ?? []).filter((r) => !r.dataFine).map(renderResidenza),
    identificativi: { idANPR: p.idANPR },
  });

/** C030: nothing but the idANPR. */
export const renderIdSubject = (p: NormalisedPerson): Json => ({ identificativi: { idANPR: p.idANPR } });

/**
 * C021: one entry per member of the subject's family. Members are looked up in the registry (by
 * `lookup`) for their full generalita and death data; a member the registry cannot resolve is
 * rendered from the family record alone.
 */
export function renderFamily(subject: NormalisedPerson, lookup: (m: { idANPR?: string; codiceFiscale: string }) => NormalisedPerson | undefined): Json[] {
  const fam = subject.famiglia;
  if (!fam || fam.componenti.length === 0) {
    return [clean({ generalita: renderGeneralita(subject), identificativi: { idANPR: subject.idANPR }, datiDecesso: renderDecesso(subject) })];
  }
  return fam.componenti.map((c, i) => {
    const full = lookup(c);
    const generalita = full
      ? renderGeneralita(full)
      : clean({ codiceFiscale: { codFiscale: c.codiceFiscale, validitaCF: '1' }, cognome: c.cognome, nome: c.nome, dataNascita: c.dataNascita });
    return clean({
      generalita,
      identificativi: clean({ idANPR: c.idANPR ?? full?.idANPR }),
      datiDecesso: full ? renderDecesso(full) : undefined,
      legameSoggetto: clean({ tipoLegame: fam.tipo, codiceLegame: c.codiceLegame, progressivoComponente: String(i + 1) }),
    });
  });
}
