/**
 * E002 JSON (what the PDND e-services return) → the normalised model. Mapping is lenient: ANPR
 * omits whatever it does not hold, and a missing optional block must not fail a lookup.
 */
import type {
  AnprWarning,
  ComponenteFamiglia,
  Decesso,
  Famiglia,
  Generalita,
  Luogo,
  NormalisedPerson,
  PersonCriterion,
  Residenza,
} from '../model.js';
import type {
  TipoDatiEvento,
  TipoDatiSoggettiEnte,
  TipoErroriAnomalia,
  TipoGeneralita,
  TipoLuogo,
  TipoResidenza,
} from './wire.js';
import { describeLegame } from '../tables.js';

const defined = <T extends object>(obj: T): T =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as T;

export function toLuogo(l: TipoLuogo | undefined): Luogo | undefined {
  if (!l) return undefined;
  if (l.comune && (l.comune.codiceIstat || l.comune.nomeComune)) {
    return {
      comune: defined({
        codiceIstat: l.comune.codiceIstat ?? '',
        nomeComune: l.comune.nomeComune ?? '',
        siglaProvincia: l.comune.siglaProvinciaIstat,
      }),
    };
  }
  if (l.localita) {
    return {
      localita: defined({
        codiceStato: l.localita.codiceStato ?? '',
        descrizioneStato: l.localita.descrizioneStato ?? '',
        descrizioneLocalita: l.localita.descrizioneLocalita,
      }),
    };
  }
  return undefined;
}

const flag = (v: string | undefined): boolean | undefined => {
  if (v === undefined) return undefined;
  const s = v.trim().toUpperCase();
  if (['S', 'SI', '1', 'TRUE'].includes(s)) return true;
  if (['N', 'NO', '0', 'FALSE'].includes(s)) return false;
  return undefined;
};

export function toGeneralita(g: TipoGeneralita | undefined): Generalita | undefined {
  if (!g) return undefined;
  const sesso = g.sesso === 'M' || g.sesso === 'F' ? g.sesso : 'N';
  return defined({
    codiceFiscale: g.codiceFiscale?.codFiscale ?? '',
    validitaCF: g.codiceFiscale?.validitaCF,
    cognome: g.cognome ?? '',
    nome: g.nome ?? '',
    sesso,
    dataNascita: g.dataNascita ?? '',
    luogoNascita: toLuogo(g.luogoNascita) ?? {},
    soggettoAIRE: flag(g.soggettoAIRE),
  }) as Generalita;
}

export function toResidenza(r: TipoResidenza): Residenza {
  const out: Residenza = { tipoIndirizzo: r.tipoIndirizzo ?? '' };
  const ind = r.indirizzo;
  if (ind) {
    const civico = ind.numeroCivico;
    const interno = civico?.civicoInterno;
    const numeroCivico = civico
      ? defined({
          numero: civico.numero ?? civico.metrico,
          lettera: civico.lettera ?? civico.esponente1,
          interno: interno?.interno1,
          scala: interno?.scala,
          piano: interno?.piano,
        })
      : undefined;
    out.indirizzo = defined({
      cap: ind.cap,
      comune: defined({
        codiceIstat: ind.comune?.codiceIstat ?? '',
        nomeComune: ind.comune?.nomeComune ?? '',
        siglaProvincia: ind.comune?.siglaProvinciaIstat,
      }),
      frazione: ind.frazione,
      toponimo: {
        specie: ind.toponimo?.specie ?? ind.toponimo?.codSpecie ?? '',
        denominazione: ind.toponimo?.denominazioneToponimo ?? '',
      },
      numeroCivico: numeroCivico && Object.keys(numeroCivico).length > 0 ? numeroCivico : undefined,
    });
  }
  const estera = r.localitaEstera;
  if (estera) {
    const ie = estera.indirizzoEstero;
    const via = [ie?.toponimo?.denominazione, ie?.toponimo?.numeroCivico].filter((p) => p && p.trim() !== '').join(' ');
    out.localitaEstera = defined({
      codiceStato: ie?.localita?.codiceStato ?? '',
      descrizioneStato: ie?.localita?.descrizioneStato ?? '',
      localita: ie?.localita?.descrizioneLocalita,
      indirizzo: via || undefined,
      consolato: estera.consolato?.descrizioneConsolato ?? estera.consolato?.codiceConsolato,
    });
  }
  if (r.presso) out.presso = r.presso;
  if (r.dataDecorrenzaResidenza) out.dataDecorrenza = r.dataDecorrenzaResidenza;
  return out;
}

export function toDecesso(d: TipoDatiEvento | undefined): Decesso | undefined {
  if (!d?.dataEvento) return undefined;
  const luogo = toLuogo(d.luogoEvento);
  return luogo ? { data: d.dataEvento, luogo } : { data: d.dataEvento };
}

export function personFromSoggetto(s: TipoDatiSoggettiEnte): NormalisedPerson {
  const person: NormalisedPerson = { idANPR: s.identificativi?.idANPR ?? '' };
  const generalita = toGeneralita(s.generalita);
  if (generalita) person.generalita = generalita;
  if (s.residenza && s.residenza.length > 0) person.residenza = s.residenza.map(toResidenza);
  const decesso = toDecesso(s.datiDecesso);
  if (decesso) person.decesso = decesso;
  return person;
}

function componente(s: TipoDatiSoggettiEnte, familyTipo: string | undefined): ComponenteFamiglia {
  const codiceLegame = s.legameSoggetto?.codiceLegame ?? '';
  // A member without its own tipoLegame belongs to the subject's scheda, which picks the table.
  const tipoLegame = s.legameSoggetto?.tipoLegame ?? familyTipo;
  return defined({
    codiceFiscale: s.generalita?.codiceFiscale?.codFiscale ?? '',
    idANPR: s.identificativi?.idANPR,
    cognome: s.generalita?.cognome ?? '',
    nome: s.generalita?.nome ?? '',
    dataNascita: s.generalita?.dataNascita,
    codiceLegame,
    descrizioneLegame: codiceLegame ? describeLegame(tipoLegame, codiceLegame) : undefined,
  }) as ComponenteFamiglia;
}

const eq = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.trim().toUpperCase() === b.trim().toUpperCase();

/** Does this datiSoggetto describe the person the criterion names? */
export function matchesCriterion(s: TipoDatiSoggettiEnte, criterion: PersonCriterion): boolean {
  switch (criterion.kind) {
    case 'idANPR':
      return eq(s.identificativi?.idANPR, criterion.idANPR);
    case 'codiceFiscale':
      return eq(s.generalita?.codiceFiscale?.codFiscale, criterion.codiceFiscale);
    case 'generalita':
      return (
        eq(s.generalita?.cognome, criterion.cognome) &&
        eq(s.generalita?.nome, criterion.nome) &&
        (criterion.dataNascita === undefined || s.generalita?.dataNascita === criterion.dataNascita)
      );
    case 'documento':
      return false;
  }
}

/**
 * C021 answers with one datiSoggetto per member of the subject's family, each with its
 * legameSoggetto. GeRes models that as the subject carrying `famiglia`: the subject is the member
 * the criterion names (falling back to the only member, or the intestatario).
 */
export function personFromC021(soggetti: TipoDatiSoggettiEnte[], criterion: PersonCriterion): NormalisedPerson | undefined {
  if (soggetti.length === 0) return undefined;
  const subject =
    soggetti.find((s) => matchesCriterion(s, criterion)) ??
    (soggetti.length === 1 ? soggetti[0] : soggetti.find((s) => s.legameSoggetto?.codiceLegame === '1')) ??
    soggetti[0]!;
  const person = personFromSoggetto(subject);
  const tipo = subject.legameSoggetto?.tipoLegame ?? soggetti.find((s) => s.legameSoggetto?.tipoLegame)?.legameSoggetto?.tipoLegame;
  const famiglia: Famiglia = {
    tipo: tipo ?? '',
    componenti: [...soggetti]
      .sort((a, b) => Number(a.legameSoggetto?.progressivoComponente ?? 0) - Number(b.legameSoggetto?.progressivoComponente ?? 0))
      .map((s) => componente(s, tipo)),
  };
  person.famiglia = famiglia;
  return person;
}

export const toWarnings = (anomalie: TipoErroriAnomalia[] | undefined): AnprWarning[] =>
  (anomalie ?? []).map((a) => ({ code: a.codiceErroreAnomalia ?? '', text: a.testoErroreAnomalia ?? '' }));
