import { createHash } from 'node:crypto';
import { describeLegame, normaliseOmocodia, validateCodiceFiscale } from '#libs/anpr';
import type { ComponenteFamiglia, Famiglia, NormalisedPerson, PersonQuery, Residenza } from '#libs/anpr';
import type { SimulatedRegistry } from '../simulated-registry.js';
import { italianDay } from '#libs/clock';
import { type GenerateOptions, generatePopulation, type PersonRecord, type Population } from './generator.js';

/** Uppercase, accents folded, apostrophes unified, whitespace collapsed: how ANPR compares names. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019`]/g, "'")
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const nameKey = (cognome: string, nome: string) => `${normaliseName(cognome)}|${normaliseName(nome)}`;

/** Entry of a dated list that is valid on `asOf` (dataFine is inclusive). */
const validOn = (asOf: string) => (x: { dataDecorrenza?: string; dataFine?: string }) => (x.dataDecorrenza ?? '0000-00-00') <= asOf && (!x.dataFine || asOf <= x.dataFine);

/**
 * The synthetic population as a `SimulatedRegistry`. Every criterion goes through a Map, so a
 * lookup costs a hash probe plus the projection of the few matching people.
 *
 * Semantics chosen where ANPR's behaviour is not documented:
 * - codice fiscale: an exact match on the assigned code wins. Otherwise the query is reduced to its
 *   natural code (omocodic letters back to digits) and matched against people whose assigned code
 *   has that natural code: a single holder is found whichever variant is sent; several holders (an
 *   omocodia case queried with a variant none of them holds) are all returned, i.e. ambiguity.
 *   An invalid code finds nobody (the channel handlers reject it as an invalid request first).
 * - asOf: people not yet registered (born, or arrived from abroad) after asOf are not found; the
 *   dead are found, with decesso when they died on or before asOf. Residence, citizenship, stato
 *   civile, marriages, documents and AIRE are those valid on asOf; family composition leaves out
 *   members registered after asOf but is otherwise the current one.
 * - comuneResidenza: people whose residence on asOf is in that Comune, or who are registered in its
 *   AIRE.
 */
export class SyntheticRegistry implements SimulatedRegistry {
  readonly size: number;
  readonly seed: number;
  private readonly byCf = new Map<string, number>();
  private readonly byNaturalCf = new Map<string, number[]>();
  private readonly byIdAnpr = new Map<string, number>();
  private readonly byDocument = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();

  constructor(readonly population: Population) {
    this.size = population.persons.length;
    this.seed = population.seed;
    for (const p of population.persons) {
      this.byCf.set(p.codiceFiscale, p.index);
      push(this.byNaturalCf, normaliseOmocodia(p.codiceFiscale), p.index);
      this.byIdAnpr.set(p.idANPR, p.index);
      for (const d of p.documenti) this.byDocument.set(`${d.tipo}:${d.numero}`, p.index);
      push(this.byName, nameKey(p.cognome, p.nome), p.index);
    }
  }

  get persons(): readonly PersonRecord[] {
    return this.population.persons;
  }

  search(query: PersonQuery): NormalisedPerson[] {
    const asOf = query.asOf ?? italianDay(new Date());
    const candidates = this.candidates(query);
    const out: NormalisedPerson[] = [];
    for (const i of candidates) {
      const p = this.population.persons[i];
      if (p.registeredFrom > asOf) continue;
      if (query.comuneResidenza && !this.belongsTo(p, query.comuneResidenza, asOf)) continue;
      out.push(this.project(p, asOf));
    }
    return out;
  }

  /** The stored record for an idANPR (no as-of projection); for tests and the catalogue. */
  record(idANPR: string): PersonRecord | undefined {
    const i = this.byIdAnpr.get(idANPR);
    return i === undefined ? undefined : this.population.persons[i];
  }

  /** A stable digest of the whole population, to prove determinism. */
  fingerprint(): string {
    const h = createHash('sha256');
    for (const p of this.population.persons) h.update(JSON.stringify(p));
    for (const f of this.population.families) h.update(JSON.stringify(f));
    return h.digest('hex');
  }

  private candidates(query: PersonQuery): number[] {
    const c = query.criterion;
    switch (c.kind) {
      case 'codiceFiscale': {
        const v = validateCodiceFiscale(c.codiceFiscale);
        if (!v.valid) return [];
        const exact = this.byCf.get(v.codiceFiscale);
        if (exact !== undefined) return [exact];
        return this.byNaturalCf.get(normaliseOmocodia(v.codiceFiscale)) ?? [];
      }
      case 'idANPR': {
        const i = this.byIdAnpr.get(c.idANPR.trim().toUpperCase());
        return i === undefined ? [] : [i];
      }
      case 'documento': {
        const i = this.byDocument.get(`${c.tipo}:${c.numero.trim().toUpperCase()}`);
        return i === undefined ? [] : [i];
      }
      case 'generalita': {
        const all = this.byName.get(nameKey(c.cognome, c.nome)) ?? [];
        return all.filter((i) => {
          const p = this.population.persons[i];
          if (c.dataNascita && p.dataNascita !== c.dataNascita) return false;
          const l = c.luogoNascita;
          if (l?.codiceIstatComune && p.luogoNascita.comune?.codiceIstat !== l.codiceIstatComune) return false;
          if (l?.codiceStato && p.luogoNascita.localita?.codiceStato !== l.codiceStato) return false;
          return true;
        });
      }
    }
  }

  private belongsTo(p: PersonRecord, istat: string, asOf: string): boolean {
    const r = p.residenze.find(validOn(asOf));
    if (r?.indirizzo?.comune.codiceIstat === istat) return true;
    return !!p.aire && p.aire.dataIscrizione <= asOf && p.aire.comuneIscrizione.codiceIstat === istat;
  }

  private project(p: PersonRecord, asOf: string): NormalisedPerson {
    const aireActive = !!p.aire && p.aire.dataIscrizione <= asOf;
    const current = p.residenze.filter(validOn(asOf));
    const stato = [...p.statiCivili].reverse().find((s) => !s.dataEvento || s.dataEvento <= asOf);
    const matrimoni = p.matrimoni
      .filter((m) => m.data <= asOf)
      .map((m) => (m.dataCessazione && m.dataCessazione > asOf ? { ...m, dataCessazione: undefined, motivoCessazione: undefined } : m))
      .map(dropUndefined);
    const person: NormalisedPerson = {
      idANPR: p.idANPR,
      generalita: {
        codiceFiscale: p.codiceFiscale,
        validitaCF: p.validitaCF,
        cognome: p.cognome,
        nome: p.nome,
        sesso: p.sesso,
        dataNascita: p.dataNascita,
        luogoNascita: p.luogoNascita,
        soggettoAIRE: aireActive,
      },
      residenza: current.map(({ dataFine: _f, ...r }) => r),
      cittadinanza: p.cittadinanze.filter(validOn(asOf)).map(({ dataFine: _f, ...c }) => c),
      statoCivile: stato,
      matrimoni,
      documenti: p.documenti.filter((d) => !d.dataRilascio || d.dataRilascio <= asOf),
      famiglia: this.famiglia(p, asOf),
      storicoResidenza: p.residenze.filter((r: Residenza) => !!r.dataFine && r.dataFine < asOf),
      storicoCittadinanza: p.cittadinanze.filter((c) => !!c.dataFine && c.dataFine < asOf),
    };
    if (p.decesso && p.decesso.data <= asOf) person.decesso = p.decesso;
    if (aireActive) person.aire = p.aire;
    // Callers may mutate what they get; the population must stay as generated.
    return structuredClone(person);
  }

  private famiglia(p: PersonRecord, asOf: string): Famiglia {
    const f = this.population.families[p.family];
    const componenti: ComponenteFamiglia[] = [];
    for (const m of f.members) {
      const q = this.population.persons[m.person];
      if (q.registeredFrom > asOf) continue;
      componenti.push({
        codiceFiscale: q.codiceFiscale,
        idANPR: q.idANPR,
        cognome: q.cognome,
        nome: q.nome,
        dataNascita: q.dataNascita,
        codiceLegame: m.codiceLegame,
        descrizioneLegame: describeLegame(f.tipo, m.codiceLegame),
      });
    }
    return { tipo: f.tipo, idFamiglia: f.idFamiglia, componenti };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Generates the population for `seed`/`size` and wraps it as a registry. */
export function createSyntheticRegistry(options: GenerateOptions = {}): SyntheticRegistry {
  return new SyntheticRegistry(generatePopulation(options));
}
