import { computeCodiceFiscale, completeIdAnpr, MAX_OMOCODIA_LEVEL, normaliseOmocodia, STATO_CIVILE } from '#libs/anpr';
import type { Cittadinanza, Decesso, DocumentoIdentita, EventoMatrimonio, Indirizzo, IscrizioneAire, Luogo, Residenza, StatoCivile } from '#libs/anpr';
import { LEGAME_FAMIGLIA, LEGAME_IN_CONVIVENZA, TIPO_FAMIGLIA, TIPO_INDIRIZZO } from './codes.js';
import { addDays, addYears, fromDays, maxDate, minDate, toDays } from './dates.js';
import { COGNOMI, FOREIGN_NAMES, FOREIGN_STREETS, NOMI_FEMMINILI, NOMI_MASCHILI, TOPONIMI } from './names.js';
import { type ComuneInfo, DEMO_COMUNE_ISTAT, ITALIA, loadPlaces, type Places, STATI_ESTERI, type StatoEstero } from './places.js';
import { normaliseSeed, Prng } from './prng.js';

/** Every event of the synthetic population happens on or before this date, so results do not depend on today's date. */
export const POPULATION_REFERENCE_DATE = '2025-06-30';
export const DEFAULT_SEED = 20240418;
export const DEFAULT_SIZE = 10_000;
/** Bump when the generator changes in a way that changes the population for a given seed. */
export const GENERATOR_VERSION = 2;
/** ANPR's published test idANPR (REFERENCE §3.5): never assigned, so it always answers EN122. */
export const RESERVED_NOT_FOUND_ID_ANPR = 'OR69233LN';

export interface PersonRecord {
  index: number;
  idANPR: string;
  codiceFiscale: string;
  validitaCF: '1' | '9';
  cognome: string;
  nome: string;
  sesso: 'M' | 'F';
  dataNascita: string;
  luogoNascita: Luogo;
  /** First day the person is known to ANPR: birth, or immigration for people born abroad. */
  registeredFrom: string;
  /** Chronological; each entry has dataDecorrenza, all but the last have dataFine (inclusive). */
  residenze: Residenza[];
  cittadinanze: Cittadinanza[];
  /** Chronological stato civile events; the first is at birth. */
  statiCivili: StatoCivile[];
  matrimoni: EventoMatrimonio[];
  decesso?: Decesso;
  documenti: DocumentoIdentita[];
  aire?: IscrizioneAire;
  family: number;
  /** Situations this person was generated for (`scenario:<key>`), used by the sandbox catalogue. */
  tags: string[];
}

export interface FamilyMember {
  person: number;
  codiceLegame: string;
}

export interface FamilyRecord {
  index: number;
  idFamiglia: string;
  tipo: string;
  members: FamilyMember[];
}

export interface Population {
  seed: number;
  persons: PersonRecord[];
  families: FamilyRecord[];
  places: Places;
}

export interface GenerateOptions {
  seed?: number | string;
  /** Approximate number of people (the last household may overshoot by a few). */
  size?: number;
}

interface CoupleOptions {
  home: ComuneInfo;
  tipo?: EventoMatrimonio['tipo'];
  children?: number;
  /** Forces the last child to be born after this date (a newborn for as-of tests). */
  lastChildBornAfter?: string;
  withParent?: boolean;
  /** Birth-date range of the first partner. */
  birthRange?: [string, string];
  /** Latest date for the wedding / start of the household. */
  sinceBefore?: string;
}

type Birthplace = { comune: ComuneInfo } | { stato: StatoEstero; localita: string };

interface NewPerson {
  cognome: string;
  nome: string;
  sesso: 'M' | 'F';
  dataNascita: string;
  nascita: Birthplace;
  registeredFrom?: string;
  validitaCF?: '1' | '9';
  cittadinanza?: StatoEstero;
}

const REF = POPULATION_REFERENCE_DATE;
const UNIONI_CIVILI_FROM = '2016-06-05';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = DIGITS + LETTERS;

class PopulationBuilder {
  readonly persons: PersonRecord[] = [];
  readonly families: FamilyRecord[] = [];
  private readonly cfTaken = new Set<string>();
  private readonly idTaken = new Set<string>([RESERVED_NOT_FOUND_ID_ANPR]);
  private readonly docTaken = new Set<string>();
  private readonly residence: ComuneInfo[];

  constructor(
    private rng: Prng,
    readonly places: Places,
  ) {
    this.residence = places.residenceComuni;
  }

  /** Switches to another random stream (scenarios and filler draw from separate streams). */
  useStream(rng: Prng): void {
    this.rng = rng;
  }

  // ---- primitives -------------------------------------------------------------------------------

  comune(istat: string): ComuneInfo {
    const c = this.places.byIstat.get(istat);
    if (!c) throw new Error(`unknown Comune ${istat}`);
    return c;
  }

  randomResidenceComune(): ComuneInfo {
    const key = this.rng.weighted({ '072006': 30, '058091': 20, '015146': 15, '001272': 12, '037006': 12, '075035': 11 });
    return this.residence.find((c) => c.codiceIstat === key) ?? this.residence[0];
  }

  /** Mostly born where they live; otherwise anywhere the generator knows. */
  birthComune(home: ComuneInfo): ComuneInfo {
    return this.rng.chance(0.7) ? home : this.rng.pick(this.places.allComuni);
  }

  dateBetween(from: string, to: string): string {
    const a = toDays(from);
    const b = toDays(to);
    return fromDays(b <= a ? a : this.rng.int(a, b));
  }

  birthDateForAge(minAge: number, maxAge: number): string {
    return this.dateBetween(addYears(REF, -maxAge - 1) > '1925-01-01' ? addYears(REF, -maxAge - 1) : '1925-01-01', addYears(REF, -minAge));
  }

  italianName(sesso: 'M' | 'F'): string {
    return this.rng.pick(sesso === 'M' ? NOMI_MASCHILI : NOMI_FEMMINILI);
  }

  italianSurname(): string {
    return this.rng.pick(COGNOMI);
  }

  foreignName(stato: StatoEstero, sesso: 'M' | 'F'): { cognome: string; nome: string } {
    const pool = FOREIGN_NAMES[stato.codiceStato] ?? FOREIGN_NAMES['436'];
    return { cognome: this.rng.pick(pool.cognomi), nome: this.rng.pick(sesso === 'M' ? pool.maschili : pool.femminili) };
  }

  address(comune: ComuneInfo): Indirizzo {
    const t = this.rng.pick(TOPONIMI);
    const cap = String(comune.capBase + this.rng.int(0, comune.capCount - 1)).padStart(5, '0');
    const numeroCivico: Indirizzo['numeroCivico'] = { numero: String(this.rng.int(1, 180)) };
    if (this.rng.chance(0.1)) numeroCivico.lettera = this.rng.pick(['A', 'B', 'C']);
    if (this.rng.chance(0.4)) {
      numeroCivico.scala = this.rng.pick(['A', 'B']);
      numeroCivico.interno = String(this.rng.int(1, 20));
      numeroCivico.piano = String(this.rng.int(0, 8));
    }
    return {
      cap,
      comune: { codiceIstat: comune.codiceIstat, nomeComune: comune.nomeComune, siglaProvincia: comune.siglaProvincia },
      toponimo: { specie: t.specie, denominazione: t.denominazione },
      numeroCivico,
    };
  }

  luogoComune(c: ComuneInfo): Luogo {
    return { comune: { codiceIstat: c.codiceIstat, nomeComune: c.nomeComune, siglaProvincia: c.siglaProvincia, codiceCatastale: c.codiceCatastale } };
  }

  private uniqueIdAnpr(): string {
    for (;;) {
      const id = completeIdAnpr(this.rng.chars(LETTERS, 2) + this.rng.chars(DIGITS, 5) + this.rng.chars(ALNUM, 1));
      if (!this.idTaken.has(id)) {
        this.idTaken.add(id);
        return id;
      }
    }
  }

  private uniqueDocNumber(tipo: DocumentoIdentita['tipo'], make: () => string): string {
    for (;;) {
      const numero = make();
      const key = `${tipo}:${numero}`;
      if (!this.docTaken.has(key)) {
        this.docTaken.add(key);
        return numero;
      }
    }
  }

  addPerson(np: NewPerson, family: FamilyRecord, codiceLegame: string): PersonRecord {
    const belfiore = 'comune' in np.nascita ? np.nascita.comune.codiceCatastale : np.nascita.stato.codiceBelfiore;
    const input = { cognome: np.cognome, nome: np.nome, sesso: np.sesso, dataNascita: np.dataNascita, codiceBelfiore: belfiore };
    // Omocodia: a later holder of an already assigned natural code gets the next variant, as Agenzia delle Entrate does.
    let codiceFiscale = '';
    for (let level = 0; level <= MAX_OMOCODIA_LEVEL; level++) {
      const candidate = computeCodiceFiscale(input, level);
      if (!this.cfTaken.has(candidate)) {
        codiceFiscale = candidate;
        break;
      }
    }
    if (!codiceFiscale) throw new Error(`omocodia exhausted for ${normaliseOmocodia(computeCodiceFiscale(input))}`);
    this.cfTaken.add(codiceFiscale);
    const luogoNascita: Luogo =
      'comune' in np.nascita
        ? this.luogoComune(np.nascita.comune)
        : { localita: { codiceStato: np.nascita.stato.codiceStato, descrizioneStato: np.nascita.stato.descrizioneStato, descrizioneLocalita: np.nascita.localita } };
    const citt = np.cittadinanza ?? ITALIA;
    const p: PersonRecord = {
      index: this.persons.length,
      idANPR: this.uniqueIdAnpr(),
      codiceFiscale,
      validitaCF: np.validitaCF ?? '1',
      cognome: np.cognome,
      nome: np.nome,
      sesso: np.sesso,
      dataNascita: np.dataNascita,
      luogoNascita,
      registeredFrom: np.registeredFrom ?? np.dataNascita,
      residenze: [],
      cittadinanze: [{ codiceStato: citt.codiceStato, descrizioneStato: citt.descrizioneStato, dataDecorrenza: np.dataNascita }],
      statiCivili: [{ codice: '1', descrizione: STATO_CIVILE['1'] }],
      matrimoni: [],
      documenti: [],
      family: family.index,
      tags: [],
    };
    this.persons.push(p);
    family.members.push({ person: p.index, codiceLegame });
    return p;
  }

  newFamily(tipo: string = TIPO_FAMIGLIA.famiglia): FamilyRecord {
    const f: FamilyRecord = { index: this.families.length, idFamiglia: String(3_000_000 + this.families.length * 7 + this.rng.int(0, 6)), tipo, members: [] };
    this.families.push(f);
    return f;
  }

  // ---- timelines --------------------------------------------------------------------------------

  private openResidence(p: PersonRecord, from: string, r: Omit<Residenza, 'dataDecorrenza' | 'dataFine'>): void {
    const last = p.residenze[p.residenze.length - 1];
    if (last && !last.dataFine) last.dataFine = addDays(from, -1);
    p.residenze.push({ ...r, dataDecorrenza: from });
  }

  /**
   * Members live at `addr` from `since`; those born earlier lived before at a parental home in their
   * Comune of birth (or, when born abroad, are registered only from their arrival).
   */
  settle(members: PersonRecord[], comune: ComuneInfo, since: string, addr = this.address(comune)): Indirizzo {
    for (const p of members) {
      const from = maxDate(since, p.registeredFrom);
      if (p.residenze.length === 0 && from > p.registeredFrom) {
        const parental = p.luogoNascita.comune ? this.comune(p.luogoNascita.comune.codiceIstat) : comune;
        this.openResidence(p, p.registeredFrom, { tipoIndirizzo: TIPO_INDIRIZZO.residenza, indirizzo: this.address(parental) });
      }
      this.openResidence(p, from, { tipoIndirizzo: TIPO_INDIRIZZO.residenza, indirizzo: addr });
    }
    return addr;
  }

  /** Moves members to a new Italian address on `date`; members born later only ever lived there. */
  relocate(members: PersonRecord[], comune: ComuneInfo, date: string, addr = this.address(comune)): Indirizzo {
    for (const p of members) {
      if (p.registeredFrom >= date) {
        p.residenze = [{ tipoIndirizzo: TIPO_INDIRIZZO.residenza, indirizzo: addr, dataDecorrenza: p.registeredFrom }];
      } else this.openResidence(p, date, { tipoIndirizzo: TIPO_INDIRIZZO.residenza, indirizzo: addr });
    }
    return addr;
  }

  emigrate(members: PersonRecord[], stato: StatoEstero, date: string, comuneAire: ComuneInfo): void {
    const localita = this.rng.pick(stato.localita);
    const estero: Residenza['localitaEstera'] = {
      codiceStato: stato.codiceStato,
      descrizioneStato: stato.descrizioneStato,
      localita,
      indirizzo: `${this.rng.pick(FOREIGN_STREETS)} ${this.rng.int(1, 999)}`,
      consolato: stato.consolato,
    };
    for (const p of members) {
      const lastItalian = [...p.residenze].reverse().find((r) => r.indirizzo)?.indirizzo?.comune;
      const from = maxDate(date, p.registeredFrom);
      this.openResidence(p, from, { tipoIndirizzo: TIPO_INDIRIZZO.residenzaEstera, localitaEstera: estero });
      const iscrizione = lastItalian ?? comuneAire;
      p.aire = {
        comuneIscrizione: { codiceIstat: iscrizione.codiceIstat, nomeComune: iscrizione.nomeComune },
        dataIscrizione: from,
        motivo: lastItalian ? 'C01' : 'C02',
      };
    }
  }

  setStatoCivile(p: PersonRecord, codice: string, date: string): void {
    p.statiCivili.push({ codice, descrizione: STATO_CIVILE[codice], dataEvento: date });
  }

  marry(a: PersonRecord, b: PersonRecord, date: string, tipo: EventoMatrimonio['tipo'], luogo: Luogo): void {
    const codice = tipo === 'matrimonio' ? '2' : '6';
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      x.matrimoni.push({ tipo, data: date, luogo, coniuge: { codiceFiscale: y.codiceFiscale, cognome: y.cognome, nome: y.nome } });
      this.setStatoCivile(x, codice, date);
    }
  }

  /** Ends the latest union between a and b. `cause` divorce/dissolution, or the death of `b`. */
  endUnion(a: PersonRecord, b: PersonRecord, date: string, cause: 'divorzio' | 'decesso'): void {
    const ma = a.matrimoni[a.matrimoni.length - 1];
    const mb = b.matrimoni[b.matrimoni.length - 1];
    const union = ma.tipo === 'unioneCivile';
    ma.dataCessazione = date;
    mb.dataCessazione = date;
    if (cause === 'divorzio') {
      ma.motivoCessazione = mb.motivoCessazione = union ? "scioglimento dell'unione civile" : 'divorzio';
      this.setStatoCivile(a, union ? '8' : '4', date);
      this.setStatoCivile(b, union ? '8' : '4', date);
    } else {
      ma.motivoCessazione = union ? 'decesso della parte unita civilmente' : 'decesso del coniuge';
      mb.motivoCessazione = 'decesso';
      this.setStatoCivile(a, union ? '7' : '3', date);
    }
  }

  die(p: PersonRecord, date: string): void {
    const home = p.residenze[p.residenze.length - 1]?.indirizzo?.comune;
    p.decesso = { data: date, luogo: home ? this.luogoComune(this.comune(home.codiceIstat)) : undefined };
  }

  naturalise(p: PersonRecord, date: string): void {
    const last = p.cittadinanze[p.cittadinanze.length - 1];
    last.dataFine = addDays(date, -1);
    p.cittadinanze.push({ codiceStato: ITALIA.codiceStato, descrizioneStato: ITALIA.descrizioneStato, dataDecorrenza: date });
  }

  // ---- documents ----------------------------------------------------------------------------------

  cartaIdentita(p: PersonRecord, issuedFrom?: string): DocumentoIdentita | undefined {
    const from = maxDate(issuedFrom ?? p.registeredFrom, maxDate(addYears(p.dataNascita, 18), addYears(REF, -10)));
    if (from >= REF) return undefined;
    const dataRilascio = this.dateBetween(from, addDays(REF, -1));
    const comuneAt = this.residenceAt(p, dataRilascio);
    const doc: DocumentoIdentita = {
      tipo: 'cartaIdentita',
      numero: this.uniqueDocNumber('cartaIdentita', () => 'C' + this.rng.chars(LETTERS, 1) + this.rng.chars(DIGITS, 5) + this.rng.chars(LETTERS, 2)),
      dataRilascio,
      dataScadenza: addYears(dataRilascio, 10),
      rilasciatoDa: comuneAt ?? DEMO_COMUNE_ISTAT,
    };
    p.documenti.push(doc);
    return doc;
  }

  passaporto(p: PersonRecord, stato?: StatoEstero): DocumentoIdentita {
    const foreign = !!stato;
    const dataRilascio = this.dateBetween(maxDate(addYears(p.dataNascita, 16), addYears(REF, -9)), addDays(REF, -1));
    const doc: DocumentoIdentita = {
      tipo: 'passaporto',
      numero: this.uniqueDocNumber('passaporto', () => (foreign ? this.rng.chars(LETTERS, 2) + this.rng.chars(DIGITS, 7) : 'Y' + this.rng.chars(LETTERS, 1) + this.rng.chars(DIGITS, 7))),
      dataRilascio,
      dataScadenza: addYears(dataRilascio, 10),
      rilasciatoDa: foreign ? stato.descrizioneStato : `QUESTURA DI ${this.residenceNameAt(p, dataRilascio) ?? 'BARI'}`,
    };
    p.documenti.push(doc);
    return doc;
  }

  permessoSoggiorno(p: PersonRecord, until?: string): DocumentoIdentita {
    const longTerm = this.rng.chance(0.4);
    const latest = until ? addDays(until, -400) : addDays(REF, -1);
    const dataRilascio = this.dateBetween(maxDate(p.registeredFrom, addYears(REF, -5)), latest);
    let dataScadenza = longTerm ? addYears(dataRilascio, 10) : addYears(dataRilascio, 2);
    if (until) dataScadenza = minDate(dataScadenza, until);
    const doc: DocumentoIdentita = {
      tipo: 'permessoSoggiorno',
      numero: this.uniqueDocNumber('permessoSoggiorno', () => 'I' + this.rng.chars(DIGITS, 8)),
      dataRilascio,
      dataScadenza,
      rilasciatoDa: `QUESTURA DI ${this.residenceNameAt(p, dataRilascio) ?? 'BARI'}`,
      tipoSoggiorno: longTerm ? '2' : '1',
    };
    p.documenti.push(doc);
    return doc;
  }

  private residenceAt(p: PersonRecord, date: string): string | undefined {
    const r = p.residenze.find((x) => (x.dataDecorrenza ?? '') <= date && (!x.dataFine || date <= x.dataFine));
    return r?.indirizzo?.comune.codiceIstat;
  }

  private residenceNameAt(p: PersonRecord, date: string): string | undefined {
    const istat = this.residenceAt(p, date);
    return istat ? this.comune(istat).nomeComune : undefined;
  }

  /** Identity documents typical for Italian adults. */
  italianDocuments(p: PersonRecord): void {
    if (this.rng.chance(0.65)) this.cartaIdentita(p);
    if (this.rng.chance(0.15)) this.passaporto(p);
  }

  // ---- households -------------------------------------------------------------------------------

  italian(sesso: 'M' | 'F', dataNascita: string, home: ComuneInfo, family: FamilyRecord, legame: string, cognome?: string, nome?: string): PersonRecord {
    return this.addPerson(
      { cognome: cognome ?? this.italianSurname(), nome: nome ?? this.italianName(sesso), sesso, dataNascita, nascita: { comune: this.birthComune(home) } },
      family,
      legame,
    );
  }

  /** A married (or civilly united) couple with children; returns everything for scenario tweaks. */
  couple(opts: CoupleOptions) {
    const tipo = opts.tipo ?? 'matrimonio';
    const family = this.newFamily();
    const sameSex = tipo === 'unioneCivile';
    const sexA: 'M' | 'F' = sameSex ? this.rng.pick(['M', 'F'] as const) : 'M';
    const sexB: 'M' | 'F' = sameSex ? sexA : 'F';
    const [bornFrom, bornTo] = opts.birthRange ?? ['1942-01-01', '1996-12-31'];
    const aBirth = this.dateBetween(bornFrom, bornTo);
    const bBirth = this.dateBetween(maxDate(addYears(aBirth, -4), '1942-01-01'), minDate(addYears(aBirth, 7), '1999-12-31'));
    const younger = maxDate(aBirth, bBirth);
    let since = addDays(addYears(maxDate(aBirth, bBirth), this.rng.int(23, 36)), this.rng.int(0, 364));
    if (tipo === 'unioneCivile') since = maxDate(since, this.dateBetween(UNIONI_CIVILI_FROM, addYears(REF, -1)));
    since = minDate(since, addDays(REF, -this.rng.int(30, 400)));
    if (opts.sinceBefore && since > opts.sinceBefore) since = this.dateBetween(addYears(opts.sinceBefore, -3), opts.sinceBefore);
    since = maxDate(since, addYears(younger, 18));
    const headFirst = this.rng.chance(0.75);
    const a = this.italian(sexA, aBirth, opts.home, family, headFirst ? LEGAME_FAMIGLIA.intestatario : tipo === 'matrimonio' ? LEGAME_FAMIGLIA.coniuge : LEGAME_FAMIGLIA.unitoCivilmente);
    const b = this.italian(sexB, bBirth, opts.home, family, headFirst ? (tipo === 'matrimonio' ? LEGAME_FAMIGLIA.coniuge : LEGAME_FAMIGLIA.unitoCivilmente) : LEGAME_FAMIGLIA.intestatario);
    this.marry(a, b, since, tipo, this.luogoComune(opts.home));
    const father = sexA === 'M' ? a : b;
    const mother = sexB === 'F' ? b : a;
    const children: PersonRecord[] = [];
    const n = opts.children ?? this.rng.pick([0, 0, 1, 1, 1, 2, 2, 2, 3]);
    let cursor = addDays(since, this.rng.int(300, 900));
    for (let i = 0; i < n; i++) {
      let lastAllowed = minDate(addYears(mother.dataNascita, 45), addDays(REF, -10));
      let birth = cursor;
      if (i === n - 1 && opts.lastChildBornAfter) {
        birth = maxDate(birth, this.dateBetween(opts.lastChildBornAfter, addDays(REF, -10)));
        lastAllowed = addDays(REF, -10);
      }
      if (birth > lastAllowed) break;
      const sesso = this.rng.pick(['M', 'F'] as const);
      const child = this.addPerson({ cognome: father.cognome, nome: this.italianName(sesso), sesso, dataNascita: birth, nascita: { comune: opts.home } }, family, LEGAME_FAMIGLIA.figlio);
      children.push(child);
      cursor = addDays(birth, this.rng.int(400, 1800));
    }
    const members = [a, b, ...children];
    const addr = this.settle(members, opts.home, since);
    let parent: PersonRecord | undefined;
    const head = headFirst ? a : b;
    if (opts.withParent && head.dataNascita < '1975-01-01') {
      // The head's widowed mother lives with them; her late husband (the head's father) is in the registry as deceased.
      parent = this.italian('F', this.dateBetween(addYears(head.dataNascita, -38), addYears(head.dataNascita, -20)), opts.home, family, LEGAME_FAMIGLIA.genitore);
      const late = this.addPerson(
        { cognome: head.cognome, nome: this.italianName('M'), sesso: 'M', dataNascita: this.dateBetween(addYears(parent.dataNascita, -5), addYears(parent.dataNascita, 3)), nascita: { comune: this.birthComune(opts.home) } },
        this.newFamily(),
        '1',
      );
      const wedding = minDate(addYears(maxDate(parent.dataNascita, late.dataNascita), 20), addDays(head.dataNascita, -this.rng.int(300, 2000)));
      this.settle([parent, late], opts.home, wedding);
      this.marry(parent, late, wedding, 'matrimonio', this.luogoComune(opts.home));
      const death = this.dateBetween(maxDate(addYears(wedding, 10), addYears(REF, -15)), addDays(REF, -60));
      this.die(late, death);
      this.endUnion(parent, late, death, 'decesso');
      this.relocate([parent], opts.home, maxDate(death, since), addr);
    }
    for (const p of [a, b, ...(parent ? [parent] : [])]) this.italianDocuments(p);
    for (const c of children) if (c.dataNascita < addYears(REF, -18) && this.rng.chance(0.6)) this.cartaIdentita(c);
    return { family, a, b, father, mother, children, parent, since, addr };
  }

  single(home: ComuneInfo, opts: { sesso?: 'M' | 'F'; minAge?: number; maxAge?: number; cognome?: string; nome?: string; dataNascita?: string; birthComune?: ComuneInfo } = {}) {
    const family = this.newFamily();
    const sesso = opts.sesso ?? this.rng.pick(['M', 'F'] as const);
    const dataNascita = opts.dataNascita ?? this.birthDateForAge(opts.minAge ?? 20, opts.maxAge ?? 85);
    const p = this.addPerson(
      {
        cognome: opts.cognome ?? this.italianSurname(),
        nome: opts.nome ?? this.italianName(sesso),
        sesso,
        dataNascita,
        nascita: { comune: opts.birthComune ?? this.birthComune(home) },
      },
      family,
      '1',
    );
    const since = minDate(addDays(addYears(dataNascita, this.rng.int(19, 32)), this.rng.int(0, 364)), addDays(REF, -this.rng.int(20, 300)));
    this.settle([p], home, since);
    this.italianDocuments(p);
    return { family, p, since };
  }

  cohabiting(home: ComuneInfo) {
    const family = this.newFamily();
    const aBirth = this.birthDateForAge(24, 60);
    const bBirth = this.dateBetween(addYears(aBirth, -5), minDate(addYears(aBirth, 5), addYears(REF, -20)));
    const a = this.italian('M', aBirth, home, family, LEGAME_FAMIGLIA.intestatario);
    const b = this.italian('F', bBirth, home, family, LEGAME_FAMIGLIA.convivente);
    const since = this.dateBetween(addYears(maxDate(aBirth, bBirth), 20), addDays(REF, -30));
    const members = [a, b];
    if (this.rng.chance(0.4) && since < addYears(REF, -2) && addYears(b.dataNascita, 44) > since) {
      const sesso = this.rng.pick(['M', 'F'] as const);
      const birth = this.dateBetween(addDays(since, 300), minDate(addYears(b.dataNascita, 44), addDays(REF, -10)));
      members.push(this.addPerson({ cognome: a.cognome, nome: this.italianName(sesso), sesso, dataNascita: birth, nascita: { comune: home } }, family, LEGAME_FAMIGLIA.figlio));
    }
    this.settle(members, home, since);
    this.italianDocuments(a);
    this.italianDocuments(b);
    return { family, a, b, members, since };
  }

  divorced(home: ComuneInfo, opts: Partial<CoupleOptions> = {}) {
    const c = this.couple({ home, children: this.rng.int(0, 2), ...opts });
    const earliest = addYears(c.since, 2);
    if (earliest > addYears(REF, -1)) return c;
    const date = this.dateBetween(earliest, addDays(REF, -60));
    this.endUnion(c.a, c.b, date, 'divorzio');
    // The father leaves the family home and becomes the head of a new one-person family.
    const leaving = c.father;
    const staying = leaving === c.a ? c.b : c.a;
    const newFamily = this.newFamily();
    c.family.members = c.family.members.filter((m) => m.person !== leaving.index);
    for (const m of c.family.members) if (m.person === staying.index) m.codiceLegame = '1';
    newFamily.members.push({ person: leaving.index, codiceLegame: '1' });
    leaving.family = newFamily.index;
    const newHome = this.rng.chance(0.7) ? home : this.randomResidenceComune();
    this.relocate([leaving], newHome, date);
    return { ...c, divorceDate: date, leaving, staying, newFamily };
  }

  widowed(home: ComuneInfo, opts: Partial<CoupleOptions> = {}) {
    const c = this.couple({ home, children: this.rng.int(0, 2), ...opts });
    if (c.since > addYears(REF, -1)) return c;
    const date = this.dateBetween(addDays(c.since, 200), addDays(REF, -30));
    const deceased = c.father;
    const survivor = deceased === c.a ? c.b : c.a;
    this.die(deceased, date);
    this.endUnion(survivor, deceased, date, 'decesso');
    // A deceased person's scheda is closed: they keep a one-person family of their own.
    const own = this.newFamily();
    c.family.members = c.family.members.filter((m) => m.person !== deceased.index);
    for (const m of c.family.members) if (m.person === survivor.index) m.codiceLegame = '1';
    own.members.push({ person: deceased.index, codiceLegame: '1' });
    deceased.family = own.index;
    return { ...c, deceased, survivor, deathDate: date };
  }

  deceasedSingle(home: ComuneInfo) {
    const s = this.single(home, { minAge: 60, maxAge: 99 });
    const date = this.dateBetween(maxDate(addDays(s.since, 30), addYears(REF, -14)), addDays(REF, -5));
    this.die(s.p, date);
    return s;
  }

  foreign(home: ComuneInfo, opts: { stato?: StatoEstero; couple?: boolean } = {}) {
    const stato = opts.stato ?? this.rng.pick(STATI_ESTERI.filter((s) => FOREIGN_NAMES[s.codiceStato]));
    const family = this.newFamily();
    const arrival = this.dateBetween('1995-01-01', addYears(REF, -1));
    const adultBirth = () => this.dateBetween(maxDate(addYears(arrival, -45), '1950-01-01'), addYears(arrival, -18));
    const bornAbroad = (): Birthplace => ({ stato, localita: this.rng.pick(stato.localita) });
    const mk = (sesso: 'M' | 'F', dataNascita: string, legame: string, cognome?: string, nascita?: Birthplace) => {
      const n = this.foreignName(stato, sesso);
      const registeredFrom = maxDate(arrival, dataNascita);
      return this.addPerson(
        { cognome: cognome ?? n.cognome, nome: n.nome, sesso, dataNascita, nascita: nascita ?? bornAbroad(), registeredFrom, cittadinanza: stato, validitaCF: this.rng.chance(0.9) ? '1' : '9' },
        family,
        legame,
      );
    };
    const a = mk('M', adultBirth(), LEGAME_FAMIGLIA.intestatario);
    const members = [a];
    let b: PersonRecord | undefined;
    if (opts.couple ?? this.rng.chance(0.6)) {
      b = mk('F', this.dateBetween(addYears(a.dataNascita, -3), minDate(addYears(a.dataNascita, 8), addYears(arrival, -18))), LEGAME_FAMIGLIA.coniuge);
      const wedding = this.dateBetween(addYears(maxDate(a.dataNascita, b.dataNascita), 19), arrival);
      this.marry(a, b, wedding, 'matrimonio', { localita: { codiceStato: stato.codiceStato, descrizioneStato: stato.descrizioneStato, descrizioneLocalita: this.rng.pick(stato.localita) } });
      members.push(b);
      const kids = this.rng.int(0, 3);
      let cursor = addDays(wedding, this.rng.int(300, 1000));
      for (let i = 0; i < kids; i++) {
        if (cursor > minDate(addYears(b.dataNascita, 44), addDays(REF, -10))) break;
        const sesso = this.rng.pick(['M', 'F'] as const);
        members.push(mk(sesso, cursor, LEGAME_FAMIGLIA.figlio, a.cognome, cursor >= arrival ? { comune: home } : undefined));
        cursor = addDays(cursor, this.rng.int(400, 1500));
      }
    }
    this.settle(members, home, arrival);
    for (const p of members) {
      if (!stato.eu) this.permessoSoggiorno(p);
      if (p.dataNascita < addYears(REF, -16) && (!stato.eu || this.rng.chance(0.5))) this.passaporto(p, stato);
      if (p.dataNascita < addYears(REF, -18) && this.rng.chance(0.4)) this.cartaIdentita(p, p.registeredFrom);
    }
    return { family, a, b, members, stato, arrival };
  }

  naturalised(home: ComuneInfo) {
    const stato = this.rng.pick(STATI_ESTERI.filter((s) => !s.eu && FOREIGN_NAMES[s.codiceStato]));
    const family = this.newFamily();
    const arrival = this.dateBetween('1990-01-01', '2011-12-31');
    const sesso = this.rng.pick(['M', 'F'] as const);
    const n = this.foreignName(stato, sesso);
    const p = this.addPerson(
      { ...n, sesso, dataNascita: this.dateBetween('1955-01-01', addYears(arrival, -18)), nascita: { stato, localita: this.rng.pick(stato.localita) }, registeredFrom: arrival, cittadinanza: stato },
      family,
      '1',
    );
    const date = this.dateBetween(addYears(arrival, 10), minDate(addYears(arrival, 13), addDays(REF, -30)));
    this.settle([p], home, arrival);
    this.naturalise(p, date);
    // The residence permit lapsed with citizenship; an Italian identity card followed.
    p.documenti.push({
      tipo: 'permessoSoggiorno',
      numero: this.uniqueDocNumber('permessoSoggiorno', () => 'I' + this.rng.chars(DIGITS, 8)),
      dataRilascio: addYears(date, -3),
      dataScadenza: addDays(date, -1),
      rilasciatoDa: `QUESTURA DI ${home.nomeComune}`,
      tipoSoggiorno: '2',
    });
    this.cartaIdentita(p, date);
    return { family, p, stato, naturalisation: date };
  }

  aire(home: ComuneInfo, stato = this.rng.pick(STATI_ESTERI.filter((s) => s.consolato))) {
    const family = this.newFamily(TIPO_FAMIGLIA.famigliaAire);
    const aBirth = this.dateBetween('1950-01-01', '1992-12-31');
    const a = this.italian('M', aBirth, home, family, LEGAME_FAMIGLIA.intestatario);
    const b = this.italian('F', this.dateBetween(addYears(aBirth, -4), minDate(addYears(aBirth, 6), '1995-12-31')), home, family, LEGAME_FAMIGLIA.coniuge);
    const wedding = minDate(addDays(addYears(maxDate(a.dataNascita, b.dataNascita), this.rng.int(22, 32)), this.rng.int(0, 364)), addYears(REF, -3));
    this.marry(a, b, wedding, 'matrimonio', this.luogoComune(home));
    const addr = this.settle([a, b], home, wedding);
    const expatriation = this.dateBetween(addDays(wedding, 100), addYears(REF, -1));
    const members = [a, b];
    let cursor = addDays(wedding, this.rng.int(300, 1500));
    const kids = this.rng.int(0, 2);
    for (let i = 0; i < kids; i++) {
      if (cursor > minDate(addYears(b.dataNascita, 44), addDays(REF, -10))) break;
      const sesso = this.rng.pick(['M', 'F'] as const);
      const abroad = cursor >= expatriation;
      const child = this.addPerson(
        { cognome: a.cognome, nome: this.italianName(sesso), sesso, dataNascita: cursor, nascita: abroad ? { stato, localita: this.rng.pick(stato.localita) } : { comune: home } },
        family,
        '3',
      );
      if (!abroad) this.settle([child], home, cursor, addr);
      members.push(child);
      cursor = addDays(cursor, this.rng.int(400, 1500));
    }
    this.emigrate(members, stato, expatriation, home);
    for (const p of [a, b]) if (this.rng.chance(0.7)) this.passaporto(p);
    return { family, a, b, members, stato, expatriation };
  }

  moved(from: ComuneInfo, to: ComuneInfo, opts: Partial<CoupleOptions> = {}) {
    const c = this.couple({ home: from, children: this.rng.int(1, 2), ...opts });
    const date = this.dateBetween(addDays(c.since, 180), addDays(REF, -30));
    this.relocate([c.a, c.b, ...c.children], to, date);
    return { ...c, moveDate: date, from, to };
  }

  convivenza(home: ComuneInfo) {
    const family = this.newFamily(TIPO_FAMIGLIA.convivenza);
    const since = this.dateBetween('1995-01-01', addYears(REF, -2));
    const addr = this.address(home);
    const n = this.rng.int(4, 7);
    const sesso = this.rng.pick(['M', 'F'] as const);
    const members: PersonRecord[] = [];
    for (let i = 0; i < n; i++) {
      // A convivenza anagrafica is a scheda convivenza: its legami are Tabella 6 (1 responsabile,
      // 2 membro), not Tabella 5's 24/25, which belong to a scheda famiglia.
      const legame = i === 0 ? LEGAME_IN_CONVIVENZA.responsabile : LEGAME_IN_CONVIVENZA.membro;
      const p = this.italian(sesso, this.birthDateForAge(25, 90), home, family, legame);
      this.settle([p], home, maxDate(since, this.dateBetween(addYears(p.dataNascita, 20), addDays(REF, -30))), addr);
      this.italianDocuments(p);
      members.push(p);
    }
    return { family, members, addr };
  }

  // ---- the whole population ---------------------------------------------------------------------

  /** Households built first, so each catalogue situation exists whatever the size. */
  scenarios(): void {
    const bari = this.comune(DEMO_COMUNE_ISTAT);
    const tag = (p: PersonRecord | undefined, key: string) => {
      if (!p) throw new Error(`scenario ${key} could not be generated`);
      p.tags.push(`scenario:${key}`);
    };

    const demo = this.single(bari, { minAge: 30, maxAge: 60, birthComune: bari });
    if (!demo.p.documenti.some((d) => d.tipo === 'cartaIdentita')) this.cartaIdentita(demo.p);
    tag(demo.p, 'demo-resident');
    tag(demo.p, 'identity-card');

    const fam = this.couple({ home: bari, children: 3, lastChildBornAfter: '2024-01-01', birthRange: ['1980-01-01', '1986-12-31'], sinceBefore: '2012-12-31' });
    const head = fam.family.members.find((m) => m.codiceLegame === '1')?.person === fam.a.index ? fam.a : fam.b;
    tag(head, 'family-with-children');
    tag(head === fam.a ? fam.b : fam.a, 'married');
    tag(fam.children.find((c) => c.dataNascita >= '2024-01-01'), 'newborn');

    const passport = this.single(bari, { minAge: 25, maxAge: 70 });
    if (!passport.p.documenti.some((d) => d.tipo === 'passaporto')) this.passaporto(passport.p);
    tag(passport.p, 'passport-holder');

    const aire = this.aire(bari, STATI_ESTERI.find((s) => s.codiceStato === '602'));
    tag(aire.a, 'aire-citizen');

    const foreign = this.foreign(bari, { stato: STATI_ESTERI.find((s) => s.codiceStato === '436'), couple: true });
    tag(foreign.a, 'foreigner-permesso');

    const widowed = this.widowed(bari, { birthRange: ['1940-01-01', '1960-12-31'], sinceBefore: '1995-12-31' });
    if (!('deceased' in widowed)) throw new Error('scenario deceased could not be generated');
    tag(widowed.deceased, 'deceased');
    tag(widowed.survivor, 'widowed');

    const divorced = this.divorced(bari, { birthRange: ['1965-01-01', '1985-12-31'], sinceBefore: '2012-12-31' });
    if (!('leaving' in divorced)) throw new Error('scenario divorced could not be generated');
    tag(divorced.staying, 'divorced');

    const union = this.couple({ home: bari, tipo: 'unioneCivile', children: 0 });
    tag(union.a, 'civil-union');

    const moved = this.moved(this.comune('015146'), bari, { birthRange: ['1960-01-01', '1985-12-31'], sinceBefore: '2008-12-31' });
    tag(moved.a, 'moved');

    const nat = this.naturalised(bari);
    tag(nat.p, 'naturalised');

    // Two people whose natural codici fiscali coincide: ROSSI and RUSSO both give RSS.
    const birth = this.dateBetween('1970-01-01', '1995-12-31');
    const first = this.single(bari, { sesso: 'M', cognome: 'ROSSI', nome: 'MARIO', dataNascita: birth, birthComune: bari, minAge: 0 });
    const second = this.single(this.comune('075035'), { sesso: 'M', cognome: 'RUSSO', nome: 'MARIO', dataNascita: birth, birthComune: bari });
    tag(first.p, 'omocodia-natural');
    tag(second.p, 'omocodia');

    // Same surname, name and birth date, born in different Comuni: generalità without birth place is ambiguous.
    const hBirth = this.dateBetween('1960-01-01', '1990-12-31');
    const h1 = this.single(bari, { sesso: 'F', cognome: 'DE PALMA', nome: 'ADDOLORATA', dataNascita: hBirth, birthComune: bari });
    const h2 = this.single(this.comune('075035'), { sesso: 'F', cognome: 'DE PALMA', nome: 'ADDOLORATA', dataNascita: hBirth, birthComune: this.comune('075035') });
    tag(h1.p, 'homonyms');
    tag(h2.p, 'homonyms');

    const conv = this.convivenza(bari);
    tag(conv.members[0], 'convivenza');

    const coh = this.cohabiting(bari);
    tag(coh.a, 'cohabiting');
  }

  filler(size: number): void {
    while (this.persons.length < size) {
      const home = this.randomResidenceComune();
      const kind = this.rng.weighted({ single: 18, couple: 38, cohabiting: 6, civilUnion: 2, divorced: 6, widowed: 5, deceased: 2, foreign: 11, aire: 5, moved: 4, naturalised: 2, convivenza: 1 });
      switch (kind) {
        case 'single':
          this.single(home);
          break;
        case 'couple':
          this.couple({ home, withParent: this.rng.chance(0.08) });
          break;
        case 'cohabiting':
          this.cohabiting(home);
          break;
        case 'civilUnion':
          this.couple({ home, tipo: 'unioneCivile', children: 0 });
          break;
        case 'divorced':
          this.divorced(home);
          break;
        case 'widowed':
          this.widowed(home);
          break;
        case 'deceased':
          this.deceasedSingle(home);
          break;
        case 'foreign':
          this.foreign(home);
          break;
        case 'aire':
          this.aire(home);
          break;
        case 'moved': {
          let to = this.randomResidenceComune();
          if (to === home) to = this.residence[(this.residence.indexOf(home) + 1) % this.residence.length];
          this.moved(home, to);
          break;
        }
        case 'naturalised':
          this.naturalised(home);
          break;
        case 'convivenza':
          this.convivenza(home);
          break;
      }
    }
  }
}

export function generatePopulation(options: GenerateOptions = {}): Population {
  const seed = normaliseSeed(options.seed ?? DEFAULT_SEED);
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 0) throw new Error('size must be a non-negative integer');
  const root = new Prng(seed);
  const places = loadPlaces();
  // Scenarios draw from their own stream so that changing the size never changes the catalogue.
  const scenarioBuilder = new PopulationBuilder(root.fork(), places);
  scenarioBuilder.scenarios();
  const fillerStream = root.fork();
  scenarioBuilder.useStream(fillerStream);
  scenarioBuilder.filler(size);
  return { seed, persons: scenarioBuilder.persons, families: scenarioBuilder.families, places };
}

