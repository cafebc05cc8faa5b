import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidCodiceFiscale, isValidIdAnpr, LEGAME_CONVIVENZA, normaliseOmocodia, omocodicVariant, PARENTELA, STATO_CIVILE, validateCodiceFiscale } from '#libs/anpr';
import type { NormalisedPerson, PersonCriterion, PersonQuery } from '#libs/anpr';
import { DEFAULT_SIZE, generatePopulation, POPULATION_REFERENCE_DATE, RESERVED_NOT_FOUND_ID_ANPR } from './generator.js';
import { findSharedTablesDir, parseCsvLine } from './places.js';
import { createSyntheticRegistry, SyntheticRegistry } from './registry.js';

const q = (criterion: PersonCriterion, extra: Partial<PersonQuery> = {}): PersonQuery => ({ criterion, sections: ['generalita'], motivoRichiesta: 'test', ...extra });
const byCf = (codiceFiscale: string): PersonCriterion => ({ kind: 'codiceFiscale', codiceFiscale });

let registry: SyntheticRegistry;
let generationMs = 0;
beforeAll(() => {
  const t = performance.now();
  registry = createSyntheticRegistry();
  generationMs = performance.now() - t;
});

const scenario = (key: string) => {
  const p = registry.persons.find((x) => x.tags.includes(`scenario:${key}`));
  if (!p) throw new Error(key);
  return p;
};

describe('generation', () => {
  it('builds about 10,000 people fast', () => {
    expect(registry.size).toBeGreaterThanOrEqual(DEFAULT_SIZE);
    expect(registry.size).toBeLessThan(DEFAULT_SIZE + 20);
    expect(generationMs).toBeLessThan(2000);
  });

  it('is deterministic: same seed, same population; another seed, another population', () => {
    const again = new SyntheticRegistry(generatePopulation());
    expect(again.fingerprint()).toBe(registry.fingerprint());
    const other = new SyntheticRegistry(generatePopulation({ seed: 7 }));
    expect(other.fingerprint()).not.toBe(registry.fingerprint());
    expect(new SyntheticRegistry(generatePopulation({ seed: '7' })).fingerprint()).toBe(other.fingerprint());
  });

  it('keeps the scenario identities when only the size changes', () => {
    const small = createSyntheticRegistry({ size: 300 });
    expect(small.size).toBeGreaterThanOrEqual(300);
    const keys = (r: SyntheticRegistry) => r.persons.filter((p) => p.tags.length).map((p) => `${p.tags.join(',')}=${p.codiceFiscale}/${p.idANPR}`);
    expect(keys(small)).toEqual(keys(registry));
  });

  it('gives everyone a valid, unique codice fiscale and idANPR, and never the reserved idANPR', () => {
    const cfs = new Set<string>();
    const ids = new Set<string>();
    const bad: string[] = [];
    for (const p of registry.persons) {
      if (!isValidCodiceFiscale(p.codiceFiscale) || !isValidIdAnpr(p.idANPR)) bad.push(`${p.codiceFiscale}/${p.idANPR}`);
      cfs.add(p.codiceFiscale);
      ids.add(p.idANPR);
    }
    expect(bad).toEqual([]);
    expect(cfs.size).toBe(registry.size);
    expect(ids.size).toBe(registry.size);
    expect(ids.has(RESERVED_NOT_FOUND_ID_ANPR)).toBe(false);
  });

  it('produces the situations the sandbox needs, in realistic numbers', () => {
    const ps = registry.persons;
    const count = (pred: (p: (typeof ps)[number]) => boolean) => ps.filter(pred).length;
    expect(count((p) => !!p.decesso)).toBeGreaterThan(50);
    expect(count((p) => !!p.aire)).toBeGreaterThan(100);
    expect(count((p) => p.cittadinanze[0].codiceStato !== '100')).toBeGreaterThan(300);
    expect(count((p) => p.documenti.some((d) => d.tipo === 'permessoSoggiorno'))).toBeGreaterThan(200);
    expect(count((p) => p.documenti.some((d) => d.tipo === 'passaporto'))).toBeGreaterThan(300);
    expect(count((p) => p.documenti.some((d) => d.tipo === 'cartaIdentita'))).toBeGreaterThan(2000);
    expect(count((p) => p.matrimoni.some((m) => m.tipo === 'unioneCivile'))).toBeGreaterThan(20);
    expect(count((p) => p.statiCivili.some((s) => s.codice === '4'))).toBeGreaterThan(100);
    expect(count((p) => p.cittadinanze.length > 1)).toBeGreaterThan(20);
    expect(count((p) => new Set(p.residenze.map((r) => r.indirizzo?.comune.codiceIstat).filter(Boolean)).size > 1)).toBeGreaterThan(100);
    expect(count((p) => normaliseOmocodia(p.codiceFiscale) !== p.codiceFiscale)).toBeGreaterThanOrEqual(1);
    const residents = count((p) => p.residenze[p.residenze.length - 1].indirizzo?.comune.codiceIstat === '072006');
    expect(residents).toBeGreaterThan(2000);
  });

  it('keeps every timeline coherent', () => {
    const problems: string[] = [];
    for (const p of registry.persons) {
      if (p.residenze.length === 0) problems.push(`${p.idANPR} has no residence`);
      if (p.residenze[0]?.dataDecorrenza !== p.registeredFrom) problems.push(`${p.idANPR} residence does not start at registration`);
      for (let i = 1; i < p.residenze.length; i++) {
        const prev = p.residenze[i - 1];
        if (!prev.dataFine || prev.dataFine >= (p.residenze[i].dataDecorrenza ?? '')) problems.push(`${p.idANPR} residence ${i} overlaps`);
      }
      if (p.residenze[p.residenze.length - 1]?.dataFine) problems.push(`${p.idANPR} has no current residence`);
      const events = [p.dataNascita, ...p.statiCivili.map((s) => s.dataEvento).filter((d): d is string => !!d), ...p.matrimoni.map((m) => m.data), p.decesso?.data].filter(Boolean) as string[];
      if (events.some((d) => d < p.dataNascita || d > POPULATION_REFERENCE_DATE)) problems.push(`${p.idANPR} has events outside its life`);
      if (p.decesso && p.matrimoni.some((m) => m.data > p.decesso!.data)) problems.push(`${p.idANPR} married after death`);
      if (!STATO_CIVILE[p.statiCivili[p.statiCivili.length - 1].codice]) problems.push(`${p.idANPR} bad stato civile`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('families', () => {
  const tableIds = (file: string, fallback: string[]): Set<string> => {
    const dir = findSharedTablesDir();
    if (!dir) return new Set(fallback);
    const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/).filter(Boolean);
    const header = parseCsvLine(lines[0]);
    return new Set(lines.slice(1).map((l) => parseCsvLine(l)[header.indexOf('ID')]));
  };

  it('shows the same componenti to every member, with Tabella 5 codes in famiglie, Tabella 6 in convivenze, and one head', () => {
    const tabella5 = tableIds('tab_Relazione_di_parentela___Famiglia.csv', ['1', '2', '3', '6', '23', '28']);
    const tabella6 = tableIds('tab_Legame____Convivenza.csv', ['1', '2', '3', '9']);
    const problems: string[] = [];
    for (const f of registry.population.families) {
      const views = f.members.map((m) => registry.search(q({ kind: 'idANPR', idANPR: registry.persons[m.person].idANPR }, { asOf: POPULATION_REFERENCE_DATE }))[0].famiglia);
      const first = JSON.stringify(views[0]);
      if (views.some((v) => JSON.stringify(v) !== first)) problems.push(`family ${f.idFamiglia} differs between members`);
      const legami = f.members.map((m) => m.codiceLegame);
      const table = f.tipo === '4' ? tabella6 : tabella5;
      if (legami.some((c) => !table.has(c))) problems.push(`family ${f.idFamiglia} (tipo ${f.tipo}) has codes outside its table`);
      // Code 1 is the head in both tables: intestatario (Tabella 5), responsabile (Tabella 6).
      const heads = legami.filter((c) => c === '1').length;
      if (heads !== 1) problems.push(`family ${f.idFamiglia} has ${heads} heads`);
      if (f.tipo === '4' && legami.some((c) => c !== '1' && c !== '2')) problems.push(`convivenza ${f.idFamiglia} with a legame other than responsabile/membro`);
      const described = views[0]?.componenti.every((c) => c.descrizioneLegame === (f.tipo === '4' ? LEGAME_CONVIVENZA : PARENTELA)[c.codiceLegame]);
      if (!described) problems.push(`family ${f.idFamiglia} has a componente without its table's description`);
      for (const m of f.members) if (registry.persons[m.person].family !== f.index) problems.push(`person ${m.person} points to another family`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('lets every member live at the same address on the reference date (except the deceased alone)', () => {
    const problems: string[] = [];
    for (const f of registry.population.families) {
      if (f.members.length < 2) continue;
      const addresses = new Set(f.members.map((m) => JSON.stringify(registry.persons[m.person].residenze.at(-1)?.indirizzo ?? registry.persons[m.person].residenze.at(-1)?.localitaEstera)));
      if (addresses.size !== 1) problems.push(f.idFamiglia);
      if (f.members.some((m) => registry.persons[m.person].decesso)) problems.push(`${f.idFamiglia} has a deceased member`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('pairs spouses: each matrimonio points at a person who points back', () => {
    const problems: string[] = [];
    const byCfMap = new Map(registry.persons.map((p) => [p.codiceFiscale, p]));
    for (const p of registry.persons) {
      for (const m of p.matrimoni) {
        const other = byCfMap.get(m.coniuge?.codiceFiscale ?? '');
        if (!other || !other.matrimoni.some((x) => x.coniuge?.codiceFiscale === p.codiceFiscale && x.data === m.data && x.tipo === m.tipo)) problems.push(p.idANPR);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('search', () => {
  const one = (res: NormalisedPerson[]) => {
    expect(res).toHaveLength(1);
    return res[0];
  };

  it('finds by codice fiscale (case-insensitive), idANPR, document and generalità', () => {
    const p = scenario('demo-resident');
    expect(one(registry.search(q(byCf(p.codiceFiscale.toLowerCase())))).idANPR).toBe(p.idANPR);
    expect(one(registry.search(q({ kind: 'idANPR', idANPR: p.idANPR }))).generalita?.codiceFiscale).toBe(p.codiceFiscale);
    const doc = p.documenti[0];
    expect(one(registry.search(q({ kind: 'documento', tipo: doc.tipo, numero: doc.numero }))).idANPR).toBe(p.idANPR);
    expect(registry.search(q({ kind: 'documento', tipo: doc.tipo === 'cartaIdentita' ? 'passaporto' : 'cartaIdentita', numero: doc.numero }))).toEqual([]);
    const byName = registry.search(q({ kind: 'generalita', cognome: p.cognome.toLowerCase(), nome: ` ${p.nome} `, dataNascita: p.dataNascita }));
    expect(byName.map((x) => x.idANPR)).toContain(p.idANPR);
  });

  it('returns every homonym on generalità and tells them apart by birth place', () => {
    const [h1, h2] = registry.persons.filter((x) => x.tags.includes('scenario:homonyms'));
    const both = registry.search(q({ kind: 'generalita', cognome: h1.cognome, nome: h1.nome, dataNascita: h1.dataNascita }));
    expect(both.map((x) => x.idANPR).sort()).toEqual([h1.idANPR, h2.idANPR].sort());
    const onlyOne = registry.search(q({ kind: 'generalita', cognome: h1.cognome, nome: h1.nome, dataNascita: h1.dataNascita, luogoNascita: { codiceIstatComune: h2.luogoNascita.comune?.codiceIstat } }));
    expect(onlyOne.map((x) => x.idANPR)).toEqual([h2.idANPR]);
    // Common names give many results without a birth date.
    const tally = new Map<string, number>();
    for (const p of registry.persons) tally.set(`${p.cognome}|${p.nome}`, (tally.get(`${p.cognome}|${p.nome}`) ?? 0) + 1);
    const [commonest, howMany] = [...tally].sort((a, b) => b[1] - a[1])[0];
    const [cognome, nome] = commonest.split('|');
    expect(howMany).toBeGreaterThan(2);
    const living = registry.persons.filter((p) => p.cognome === cognome && p.nome === nome && p.registeredFrom <= POPULATION_REFERENCE_DATE).length;
    expect(registry.search(q({ kind: 'generalita', cognome, nome }, { asOf: POPULATION_REFERENCE_DATE }))).toHaveLength(living);
    const foreigner = scenario('foreigner-permesso');
    const byState = registry.search(q({ kind: 'generalita', cognome: foreigner.cognome, nome: foreigner.nome, luogoNascita: { codiceStato: foreigner.luogoNascita.localita?.codiceStato } }));
    expect(byState.map((x) => x.idANPR)).toContain(foreigner.idANPR);
    expect(registry.search(q({ kind: 'generalita', cognome: foreigner.cognome, nome: foreigner.nome, luogoNascita: { codiceStato: '999' } }))).toEqual([]);
  });

  it('handles omocodia: exact code first, any variant of a single holder, ambiguity otherwise', () => {
    const natural = scenario('omocodia-natural');
    const omo = scenario('omocodia');
    expect(normaliseOmocodia(omo.codiceFiscale)).toBe(natural.codiceFiscale);
    expect(omo.codiceFiscale).toBe(omocodicVariant(natural.codiceFiscale, 1));
    expect(one(registry.search(q(byCf(natural.codiceFiscale)))).idANPR).toBe(natural.idANPR);
    expect(one(registry.search(q(byCf(omo.codiceFiscale)))).idANPR).toBe(omo.idANPR);
    expect(registry.search(q(byCf(omocodicVariant(natural.codiceFiscale, 4))))).toHaveLength(2);
    const demo = scenario('demo-resident');
    for (let level = 1; level <= 7; level++) expect(one(registry.search(q(byCf(omocodicVariant(demo.codiceFiscale, level))))).idANPR).toBe(demo.idANPR);
  });

  it('finds nobody for invalid or unknown identifiers', () => {
    const demo = scenario('demo-resident');
    const wrongCheck = demo.codiceFiscale.slice(0, 15) + (demo.codiceFiscale[15] === 'A' ? 'B' : 'A');
    expect(validateCodiceFiscale(wrongCheck).valid).toBe(false);
    expect(registry.search(q(byCf(wrongCheck)))).toEqual([]);
    expect(registry.search(q(byCf('not a cf')))).toEqual([]);
    expect(registry.search(q({ kind: 'idANPR', idANPR: RESERVED_NOT_FOUND_ID_ANPR }))).toEqual([]);
    expect(registry.search(q({ kind: 'documento', tipo: 'passaporto', numero: 'XX0000000' }))).toEqual([]);
  });

  it('restricts to a Comune of residence, including its AIRE', () => {
    const demo = scenario('demo-resident');
    expect(registry.search(q(byCf(demo.codiceFiscale), { comuneResidenza: '072006' }))).toHaveLength(1);
    expect(registry.search(q(byCf(demo.codiceFiscale), { comuneResidenza: '058091' }))).toEqual([]);
    const aire = scenario('aire-citizen');
    expect(registry.search(q(byCf(aire.codiceFiscale), { comuneResidenza: aire.aire!.comuneIscrizione.codiceIstat }))).toHaveLength(1);
    const moved = scenario('moved');
    const moveDate = moved.residenze.at(-1)!.dataDecorrenza!;
    expect(registry.search(q(byCf(moved.codiceFiscale), { comuneResidenza: '015146' }))).toEqual([]);
    expect(registry.search(q(byCf(moved.codiceFiscale), { comuneResidenza: '015146', asOf: moveDate.replace(/^(\d{4})/, (y) => String(Number(y) - 1)) }))).toHaveLength(1);
  });

  it('does not let callers change the population', () => {
    const demo = scenario('demo-resident');
    const first = registry.search(q(byCf(demo.codiceFiscale)))[0];
    first.generalita!.cognome = 'CHANGED';
    first.residenza![0].indirizzo!.comune.nomeComune = 'CHANGED';
    const again = registry.search(q(byCf(demo.codiceFiscale)))[0];
    expect(again.generalita?.cognome).toBe(demo.cognome);
    expect(again.residenza![0].indirizzo!.comune.nomeComune).toBe('BARI');
  });

  it('answers 500+ lookups per second with room to spare', () => {
    const t = performance.now();
    for (let i = 0; i < 2000; i++) {
      const p = registry.persons[(i * 7919) % registry.size];
      registry.search(q(i % 2 ? byCf(p.codiceFiscale) : { kind: 'idANPR', idANPR: p.idANPR }));
    }
    const perSecond = 2000 / ((performance.now() - t) / 1000);
    expect(perSecond).toBeGreaterThan(2000);
  });
});

describe('asOf', () => {
  it('does not find a person before birth, finds them from the birth day', () => {
    const baby = registry.persons.find((p) => p.tags.includes('scenario:newborn'))!;
    const dayBefore = registry.search(q(byCf(baby.codiceFiscale), { asOf: '2023-12-31' }));
    expect(baby.dataNascita > '2023-12-31').toBe(true);
    expect(dayBefore).toEqual([]);
    expect(registry.search(q(byCf(baby.codiceFiscale), { asOf: baby.dataNascita }))).toHaveLength(1);
  });

  it('does not find a foreigner before arrival', () => {
    const f = scenario('foreigner-permesso');
    expect(f.registeredFrom > f.dataNascita).toBe(true);
    expect(registry.search(q(byCf(f.codiceFiscale), { asOf: f.dataNascita }))).toEqual([]);
    expect(registry.search(q(byCf(f.codiceFiscale), { asOf: f.registeredFrom }))).toHaveLength(1);
  });

  it('finds the dead, with decesso only from the day of death', () => {
    const d = scenario('deceased');
    const death = d.decesso!.data;
    const after = registry.search(q(byCf(d.codiceFiscale)))[0];
    expect(after.decesso?.data).toBe(death);
    const onDay = registry.search(q(byCf(d.codiceFiscale), { asOf: death }))[0];
    expect(onDay.decesso?.data).toBe(death);
    const before = registry.search(q(byCf(d.codiceFiscale), { asOf: '2000-01-01' > d.matrimoni[0].data ? '2000-01-01' : d.matrimoni[0].data }))[0];
    expect(before.decesso).toBeUndefined();
    expect(before.statoCivile?.codice).toBe('2');
  });

  it('returns the residence valid on the date and moves the rest to the history', () => {
    const m = scenario('moved');
    const last = m.residenze.at(-1)!;
    const prev = m.residenze.at(-2)!;
    const now = registry.search(q(byCf(m.codiceFiscale)))[0];
    expect(now.residenza?.map((r) => r.indirizzo?.comune.codiceIstat)).toEqual(['072006']);
    expect(now.residenza?.[0].dataFine).toBeUndefined();
    expect(now.storicoResidenza?.map((r) => r.indirizzo?.comune.codiceIstat)).toContain('015146');
    const then = registry.search(q(byCf(m.codiceFiscale), { asOf: prev.dataFine }))[0];
    expect(then.residenza?.map((r) => r.indirizzo?.comune.codiceIstat)).toEqual(['015146']);
    expect(then.storicoResidenza?.some((r) => r.dataDecorrenza === prev.dataDecorrenza)).toBe(false);
    expect(registry.search(q(byCf(m.codiceFiscale), { asOf: last.dataDecorrenza }))[0].residenza?.[0].indirizzo?.comune.codiceIstat).toBe('072006');
  });

  it('returns the citizenship and stato civile valid on the date', () => {
    const n = scenario('naturalised');
    const italianFrom = n.cittadinanze.at(-1)!.dataDecorrenza!;
    const now = registry.search(q(byCf(n.codiceFiscale)))[0];
    expect(now.cittadinanza?.map((c) => c.codiceStato)).toEqual(['100']);
    expect(now.storicoCittadinanza?.map((c) => c.codiceStato)).toEqual([n.cittadinanze[0].codiceStato]);
    const before = registry.search(q(byCf(n.codiceFiscale), { asOf: n.cittadinanze[0].dataFine }))[0];
    expect(before.cittadinanza?.map((c) => c.codiceStato)).toEqual([n.cittadinanze[0].codiceStato]);
    expect(before.storicoCittadinanza).toEqual([]);
    expect(italianFrom > n.registeredFrom).toBe(true);

    const d = scenario('divorced');
    const divorce = d.matrimoni.at(-1)!.dataCessazione!;
    const dNow = registry.search(q(byCf(d.codiceFiscale)))[0];
    expect(dNow.statoCivile?.codice).toBe('4');
    expect(dNow.matrimoni?.at(-1)?.dataCessazione).toBe(divorce);
    const dBefore = registry.search(q(byCf(d.codiceFiscale), { asOf: d.matrimoni.at(-1)!.data }))[0];
    expect(dBefore.statoCivile?.codice).toBe('2');
    expect(dBefore.matrimoni?.at(-1)?.dataCessazione).toBeUndefined();
    const single = registry.search(q(byCf(d.codiceFiscale), { asOf: d.registeredFrom }))[0];
    expect(single.statoCivile?.codice).toBe('1');
    expect(single.matrimoni).toEqual([]);
  });

  it('leaves out family members not yet born and documents not yet issued', () => {
    const head = scenario('family-with-children');
    const baby = scenario('newborn');
    const now = registry.search(q(byCf(head.codiceFiscale)))[0];
    const before = registry.search(q(byCf(head.codiceFiscale), { asOf: '2023-12-31' }))[0];
    expect(now.famiglia!.componenti.length - before.famiglia!.componenti.length).toBe(1);
    expect(before.famiglia!.componenti.some((c) => c.codiceFiscale === baby.codiceFiscale)).toBe(false);
    const card = head.documenti[0];
    if (card?.dataRilascio) {
      const early = registry.search(q(byCf(head.codiceFiscale), { asOf: card.dataRilascio.replace(/^(\d{4})/, (y) => String(Number(y) - 1)) }))[0];
      expect(early.documenti?.some((x) => x.numero === card.numero)).toBe(false);
    }
  });

  it('shows AIRE only from the registration date', () => {
    const a = scenario('aire-citizen');
    const now = registry.search(q(byCf(a.codiceFiscale)))[0];
    expect(now.generalita?.soggettoAIRE).toBe(true);
    expect(now.residenza?.[0].tipoIndirizzo).toBe('4');
    expect(now.aire?.comuneIscrizione.codiceIstat).toBe('072006');
    expect(now.famiglia?.tipo).toBe('5');
    const before = registry.search(q(byCf(a.codiceFiscale), { asOf: a.residenze.at(-2)!.dataFine }))[0];
    expect(before.generalita?.soggettoAIRE).toBe(false);
    expect(before.aire).toBeUndefined();
    expect(before.residenza?.[0].tipoIndirizzo).toBe('1');
  });
});
