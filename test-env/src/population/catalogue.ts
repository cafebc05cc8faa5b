import { computeCodiceFiscale, normaliseOmocodia, omocodicVariant } from '#libs/anpr';
import type { PersonCriterion } from '#libs/anpr';
import { addDays } from './dates.js';
import { GENERATOR_VERSION, POPULATION_REFERENCE_DATE, type PersonRecord, RESERVED_NOT_FOUND_ID_ANPR } from './generator.js';
import { DEMO_COMUNE_ISTAT } from './places.js';
import type { SyntheticRegistry } from './registry.js';
import { VISURE_REFUSALS, VISURE_ROUTING, VISURE_SUBJECTS } from './visure-subjects.js';

export type ExpectedOutcome = 'found' | 'ambiguous' | 'not_found' | 'invalid_request';

/** Facts the (first) person returned must show; absent fields are not checked. */
export interface ExpectedData {
  idANPR?: string;
  codiceFiscale?: string;
  statoCivile?: string;
  tipoIndirizzo?: string;
  /** ISTAT code of the Comune of residence (Italian residence only). */
  comuneResidenza?: string;
  /** codiceStato of the foreign residence (AIRE). */
  statoResidenzaEstera?: string;
  cittadinanza?: string[];
  storicoCittadinanza?: string[];
  /** Comuni (ISTAT) in the residence history, oldest first, duplicates collapsed. */
  storicoResidenzaComuni?: string[];
  soggettoAIRE?: boolean;
  aireComune?: string;
  decesso?: string | null;
  famigliaTipo?: string;
  componenti?: number;
  legami?: string[];
  documento?: { tipo: string; numero: string; tipoSoggiorno?: string };
  matrimonio?: { tipo: 'matrimonio' | 'unioneCivile'; cessato: boolean };
}

export interface CatalogueEntry {
  /** Stable identifier of the situation. */
  key: string;
  situation: string;
  codiceFiscale?: string;
  idANPR?: string;
  cognome?: string;
  nome?: string;
  dataNascita?: string;
  sesso?: 'M' | 'F';
  /** The query to send: criterion plus optional as-of date and Comune restriction. */
  query: { criterion: PersonCriterion; asOf?: string; comuneResidenza?: string };
  expect: { outcome: ExpectedOutcome; count?: number; anprCode?: string; field?: string; data?: ExpectedData };
  /** What a tester should see, in a sentence or two. */
  notes: string;
}

export interface SandboxCatalogue {
  generator: { version: number; seed: number; size: number; referenceDate: string };
  demoComune: { codiceIstat: string; nomeComune: string; siglaProvincia: string; codiceCatastale: string };
  entries: CatalogueEntry[];
}

function tagged(registry: SyntheticRegistry, key: string): PersonRecord[] {
  return registry.persons.filter((p) => p.tags.includes(`scenario:${key}`));
}

function one(registry: SyntheticRegistry, key: string): PersonRecord {
  const p = tagged(registry, key)[0];
  if (!p) throw new Error(`population has no person for scenario ${key}`);
  return p;
}

const at = <T extends { dataDecorrenza?: string; dataFine?: string }>(list: T[], asOf: string) =>
  list.filter((x) => (x.dataDecorrenza ?? '') <= asOf && (!x.dataFine || asOf <= x.dataFine));

/** Expected facts derived from the stored record (not from the registry's projection, which the tests check against this). */
function facts(registry: SyntheticRegistry, p: PersonRecord, asOf = '9999-12-31'): ExpectedData {
  const residence = at(p.residenze, asOf)[0];
  const stato = [...p.statiCivili].reverse().find((s) => !s.dataEvento || s.dataEvento <= asOf);
  const family = registry.population.families[p.family];
  const members = family.members.filter((m) => registry.persons[m.person].registeredFrom <= asOf);
  const history: string[] = [];
  for (const r of p.residenze) {
    const c = r.indirizzo?.comune.codiceIstat;
    if (c && r.dataFine && r.dataFine < asOf && history[history.length - 1] !== c) history.push(c);
  }
  const out: ExpectedData = {
    idANPR: p.idANPR,
    codiceFiscale: p.codiceFiscale,
    statoCivile: stato?.codice,
    tipoIndirizzo: residence?.tipoIndirizzo,
    cittadinanza: at(p.cittadinanze, asOf).map((c) => c.codiceStato),
    soggettoAIRE: !!p.aire && p.aire.dataIscrizione <= asOf,
    decesso: p.decesso && p.decesso.data <= asOf ? p.decesso.data : null,
    famigliaTipo: family.tipo,
    componenti: members.length,
    legami: members.map((m) => m.codiceLegame),
  };
  if (residence?.indirizzo) out.comuneResidenza = residence.indirizzo.comune.codiceIstat;
  if (residence?.localitaEstera) out.statoResidenzaEstera = residence.localitaEstera.codiceStato;
  if (history.length) out.storicoResidenzaComuni = history;
  const pastCitizenships = p.cittadinanze.filter((c) => c.dataFine && c.dataFine < asOf).map((c) => c.codiceStato);
  if (pastCitizenships.length) out.storicoCittadinanza = pastCitizenships;
  if (out.soggettoAIRE) out.aireComune = p.aire?.comuneIscrizione.codiceIstat;
  const m = [...p.matrimoni].reverse().find((x) => x.data <= asOf);
  if (m) out.matrimonio = { tipo: m.tipo, cessato: !!m.dataCessazione && m.dataCessazione <= asOf };
  return out;
}

function identity(p: PersonRecord) {
  return { codiceFiscale: p.codiceFiscale, idANPR: p.idANPR, cognome: p.cognome, nome: p.nome, dataNascita: p.dataNascita, sesso: p.sesso };
}

const byCf = (p: PersonRecord): PersonCriterion => ({ kind: 'codiceFiscale', codiceFiscale: p.codiceFiscale });

/**
 * Test identities per situation, picked deterministically from the population's scenario
 * households: the same seed always yields the same catalogue.
 */
export function buildSandboxCatalogue(registry: SyntheticRegistry): SandboxCatalogue {
  const places = registry.population.places;
  const demo = places.byIstat.get(DEMO_COMUNE_ISTAT);
  if (!demo) throw new Error('demo Comune missing');
  const nome = (istat?: string) => (istat ? (places.byIstat.get(istat)?.nomeComune ?? istat) : '');
  const entries: CatalogueEntry[] = [];
  const found = (key: string, situation: string, p: PersonRecord, notes: string, query: CatalogueEntry['query'] = { criterion: byCf(p) }, data?: ExpectedData) =>
    entries.push({ key, situation, ...identity(p), query, expect: { outcome: 'found', count: 1, data: data ?? facts(registry, p, query.asOf) }, notes });

  const demoResident = one(registry, 'demo-resident');
  found('demo-resident', `Resident of the demo Comune (${demo.nomeComune})`, demoResident, `Italian citizen, celibe/nubile, residenza (tipoIndirizzo 1) in ${demo.nomeComune}. Also found with comuneResidenza ${demo.codiceIstat}.`, {
    criterion: byCf(demoResident),
    comuneResidenza: DEMO_COMUNE_ISTAT,
  });
  found('lookup-by-idanpr', 'Lookup by idANPR', demoResident, 'Same person as demo-resident, searched by idANPR (the identifier PDND C030 returns; no EN148 warning).', {
    criterion: { kind: 'idANPR', idANPR: demoResident.idANPR },
  });

  const ci = one(registry, 'identity-card');
  const ciDoc = ci.documenti.find((d) => d.tipo === 'cartaIdentita');
  if (!ciDoc) throw new Error('identity-card scenario without carta d’identità');
  found('identity-card', 'Lookup by carta d’identità', ci, `Search by documento cartaIdentita ${ciDoc.numero}, issued by Comune ${ciDoc.rilasciatoDa}.`, { criterion: { kind: 'documento', tipo: 'cartaIdentita', numero: ciDoc.numero } }, {
    ...facts(registry, ci),
    documento: { tipo: 'cartaIdentita', numero: ciDoc.numero },
  });

  const head = one(registry, 'family-with-children');
  const headFacts = facts(registry, head);
  found('family-with-children', 'Family with children', head, `Intestatario of a famiglia (tipo 3) with ${headFacts.componenti} componenti: coniuge (legame 2) and children (legame 3), one born in 2024.`);

  const newborn = one(registry, 'newborn');
  found('family-as-of', 'Family composition as of a past date', head, `Same family as-of ${addDays(newborn.dataNascita, -1)}: the youngest child is not born yet, so one componente less.`, {
    criterion: byCf(head),
    asOf: addDays(newborn.dataNascita, -1),
  });
  entries.push({
    key: 'not-yet-born',
    situation: 'Person not yet born on the as-of date',
    ...identity(newborn),
    query: { criterion: byCf(newborn), asOf: addDays(newborn.dataNascita, -1) },
    expect: { outcome: 'not_found', anprCode: 'EN122' },
    notes: `The newborn of family-with-children queried as-of the day before birth (${newborn.dataNascita}): EN122.`,
  });

  const married = one(registry, 'married');
  found('married', 'Married (coniugato/a)', married, 'statoCivile 2, matrimonio with the coniuge’s codice fiscale; legame 2 or 1 in the family.');

  const passport = one(registry, 'passport-holder');
  const ppDoc = passport.documenti.find((d) => d.tipo === 'passaporto');
  if (!ppDoc) throw new Error('passport scenario without passaporto');
  found('passport-holder', 'Lookup by passaporto', passport, `Search by documento passaporto ${ppDoc.numero} (${ppDoc.rilasciatoDa}).`, { criterion: { kind: 'documento', tipo: 'passaporto', numero: ppDoc.numero } }, {
    ...facts(registry, passport),
    documento: { tipo: 'passaporto', numero: ppDoc.numero },
  });

  const foreigner = one(registry, 'foreigner-permesso');
  const ps = foreigner.documenti.find((d) => d.tipo === 'permessoSoggiorno');
  if (!ps) throw new Error('foreigner scenario without permesso');
  const fFacts = facts(registry, foreigner);
  found(
    'foreigner-permesso',
    'Foreign citizen with permesso di soggiorno',
    foreigner,
    `Cittadinanza ${foreigner.cittadinanze[0].descrizioneStato} (${foreigner.cittadinanze[0].codiceStato}), born abroad; search by permessoSoggiorno ${ps.numero} (tipoSoggiorno ${ps.tipoSoggiorno}). Also holds a passport.`,
    { criterion: { kind: 'documento', tipo: 'permessoSoggiorno', numero: ps.numero } },
    { ...fFacts, documento: { tipo: 'permessoSoggiorno', numero: ps.numero, tipoSoggiorno: ps.tipoSoggiorno } },
  );

  const aire = one(registry, 'aire-citizen');
  const aireRes = aire.residenze[aire.residenze.length - 1];
  found(
    'aire-citizen',
    'Italian citizen abroad (AIRE)',
    aire,
    `Residenza estera (tipoIndirizzo 4) in ${aireRes.localitaEstera?.localita}, ${aireRes.localitaEstera?.descrizioneStato}; iscritto AIRE of ${nome(aire.aire?.comuneIscrizione.codiceIstat)} since ${aire.aire?.dataIscrizione}; famiglia AIRE (tipo 5). Found with comuneResidenza ${DEMO_COMUNE_ISTAT}.`,
    { criterion: byCf(aire), comuneResidenza: DEMO_COMUNE_ISTAT },
  );

  const deceased = one(registry, 'deceased');
  const death = deceased.decesso?.data ?? '';
  found('deceased', 'Deceased person', deceased, `Died on ${death} in ${nome(deceased.decesso?.luogo?.comune?.codiceIstat)}: the record is still returned, with datiDecesso.`);
  found('deceased-as-of', 'Deceased person, as-of before death', deceased, `Same person as-of ${addDays(death, -1)}: alive, no datiDecesso, still coniugato.`, { criterion: byCf(deceased), asOf: addDays(death, -1) });

  const widowed = one(registry, 'widowed');
  found('widowed', 'Widowed (vedovo/a)', widowed, `Spouse of the deceased identity: statoCivile 3 since ${death}, matrimonio ended (decesso del coniuge).`);

  const divorced = one(registry, 'divorced');
  found('divorced', 'Divorced (divorziato/a)', divorced, 'statoCivile 4; the matrimonio has dataCessazione (divorzio); the former spouse lives in another family.');

  const union = one(registry, 'civil-union');
  found('civil-union', 'Civil union (unione civile)', union, 'statoCivile 6; unioneCivile event; the partner is in the family with legame 28 (unito civilmente).');

  const moved = one(registry, 'moved');
  const moveStart = moved.residenze[moved.residenze.length - 1].dataDecorrenza ?? '';
  found('moved', 'Moved between Comuni', moved, `Lived in ${nome(moved.residenze[moved.residenze.length - 2]?.indirizzo?.comune.codiceIstat)}, resident in ${nome(moved.residenze[moved.residenze.length - 1].indirizzo?.comune.codiceIstat)} since ${moveStart}; the former residences are in the history (storici).`);
  found('moved-as-of', 'Moved between Comuni, as-of before the move', moved, `Same person as-of ${addDays(moveStart, -1)}: residence in the former Comune.`, { criterion: byCf(moved), asOf: addDays(moveStart, -1) });

  const nat = one(registry, 'naturalised');
  const natDate = nat.cittadinanze[nat.cittadinanze.length - 1].dataDecorrenza ?? '';
  found('naturalised', 'Naturalised Italian citizen', nat, `Born in ${nat.luogoNascita.localita?.descrizioneStato}; cittadinanza italiana since ${natDate}, previous cittadinanza ${nat.cittadinanze[0].descrizioneStato} in the history.`);
  found('naturalised-as-of', 'Naturalised citizen, as-of before naturalisation', nat, `Same person as-of ${addDays(natDate, -1)}: foreign citizen only.`, { criterion: byCf(nat), asOf: addDays(natDate, -1) });

  const omoNatural = one(registry, 'omocodia-natural');
  const omo = one(registry, 'omocodia');
  found('omocodia', 'Omocodia: omocodic codice fiscale', omo, `${omo.cognome} ${omo.nome}'s natural code equals ${omoNatural.cognome} ${omoNatural.nome}'s (${omoNatural.codiceFiscale}), so Agenzia delle Entrate assigned the omocodic variant ${omo.codiceFiscale}.`);
  found('omocodia-natural', 'Omocodia: holder of the natural code', omoNatural, `The first holder of ${omoNatural.codiceFiscale}; searching it finds this person, not the omocodic one.`);
  const otherVariant = omocodicVariant(omo.codiceFiscale, 3);
  entries.push({
    key: 'omocodia-unassigned-variant',
    situation: 'Omocodia: a variant nobody holds',
    codiceFiscale: otherVariant,
    query: { criterion: { kind: 'codiceFiscale', codiceFiscale: otherVariant } },
    expect: { outcome: 'ambiguous', count: 2 },
    notes: `Valid level-3 variant of the same natural code: the simulator cannot tell which holder is meant and returns both (more than one subject). A variant of a code with a single holder finds that holder.`,
  });

  const homonyms = tagged(registry, 'homonyms');
  const [h1, h2] = homonyms;
  entries.push({
    key: 'homonyms',
    situation: 'Homonyms: more than one subject',
    cognome: h1.cognome,
    nome: h1.nome,
    dataNascita: h1.dataNascita,
    sesso: h1.sesso,
    query: { criterion: { kind: 'generalita', cognome: h1.cognome, nome: h1.nome, dataNascita: h1.dataNascita } },
    expect: { outcome: 'ambiguous', count: 2 },
    notes: `Two people named ${h1.cognome} ${h1.nome} born on ${h1.dataNascita}, in ${nome(h1.luogoNascita.comune?.codiceIstat)} (${h1.codiceFiscale}) and ${nome(h2.luogoNascita.comune?.codiceIstat)} (${h2.codiceFiscale}).`,
  });
  found(
    'homonyms-with-birthplace',
    'Homonyms told apart by luogo di nascita',
    h2,
    `Adding luogoNascita ${h2.luogoNascita.comune?.codiceIstat} (${nome(h2.luogoNascita.comune?.codiceIstat)}) leaves one subject.`,
    { criterion: { kind: 'generalita', cognome: h2.cognome, nome: h2.nome, dataNascita: h2.dataNascita, luogoNascita: { codiceIstatComune: h2.luogoNascita.comune?.codiceIstat } } },
  );
  entries.push({
    key: 'not-resident-in-comune',
    situation: 'Resident elsewhere (comuneResidenza restriction)',
    ...identity(h2),
    query: { criterion: byCf(h2), comuneResidenza: DEMO_COMUNE_ISTAT },
    expect: { outcome: 'not_found', anprCode: 'EN122' },
    notes: `Lives in ${nome(h2.residenze[h2.residenze.length - 1].indirizzo?.comune.codiceIstat)}: a search restricted to ${demo.nomeComune} finds nothing.`,
  });

  const conv = one(registry, 'convivenza');
  found('convivenza', 'Convivenza (non-family cohabitation)', conv, 'Responsabile (legame 1, Tabella 6) of a convivenza anagrafica (tipo 4), e.g. a religious community; the other members have legame 2 (membro della convivenza).');

  const coh = one(registry, 'cohabiting');
  found('cohabiting', 'Unmarried couple (convivente)', coh, 'Intestatario of a famiglia where the partner has legame 23 (convivente con vincoli affettivi).');

  // A valid code that no one holds: a fictitious name with no omocodic relative in the population.
  let notFoundCf = '';
  for (let d = 0; !notFoundCf; d++) {
    const cf = computeCodiceFiscale({ cognome: 'NESSUNO', nome: 'TROVATO', sesso: 'M', dataNascita: addDays('1970-01-01', d), codiceBelfiore: demo.codiceCatastale });
    const clash = registry.search({ criterion: { kind: 'codiceFiscale', codiceFiscale: cf }, sections: [], motivoRichiesta: 'catalogue', asOf: POPULATION_REFERENCE_DATE });
    if (clash.length === 0 && !registry.persons.some((p) => normaliseOmocodia(p.codiceFiscale) === cf)) notFoundCf = cf;
  }
  entries.push({
    key: 'not-found-cf',
    situation: 'Valid codice fiscale of nobody',
    codiceFiscale: notFoundCf,
    query: { criterion: { kind: 'codiceFiscale', codiceFiscale: notFoundCf } },
    expect: { outcome: 'not_found', anprCode: 'EN122' },
    notes: 'Well-formed with a correct check character, but not in the registry: EN122 (SOAP rispostaKO; PDND 404).',
  });
  entries.push({
    key: 'not-found-idanpr',
    situation: 'idANPR of nobody',
    idANPR: RESERVED_NOT_FOUND_ID_ANPR,
    query: { criterion: { kind: 'idANPR', idANPR: RESERVED_NOT_FOUND_ID_ANPR } },
    expect: { outcome: 'not_found', anprCode: 'EN122' },
    notes: 'ANPR’s published test subject for the 404 case; never assigned by the simulator.',
  });

  const bad = demoResident.codiceFiscale.slice(0, 15) + String.fromCharCode(((demoResident.codiceFiscale.charCodeAt(15) - 65 + 1) % 26) + 65);
  entries.push({
    key: 'invalid-check-cf',
    situation: 'Codice fiscale with a wrong check character',
    codiceFiscale: bad,
    query: { criterion: { kind: 'codiceFiscale', codiceFiscale: bad } },
    expect: { outcome: 'invalid_request', field: 'codiceFiscale' },
    notes: `The demo resident’s code with its last character changed: rejected as an invalid request before any search (the registry itself finds nobody).`,
  });

  return {
    generator: { version: GENERATOR_VERSION, seed: registry.seed, size: registry.size, referenceDate: POPULATION_REFERENCE_DATE },
    demoComune: { codiceIstat: demo.codiceIstat, nomeComune: demo.nomeComune, siglaProvincia: demo.siglaProvincia, codiceCatastale: demo.codiceCatastale },
    entries,
  };
}

function describeQuery(q: CatalogueEntry['query']): string {
  const c = q.criterion;
  let s: string;
  switch (c.kind) {
    case 'codiceFiscale':
      s = 'codiceFiscale';
      break;
    case 'idANPR':
      s = 'idANPR';
      break;
    case 'documento':
      s = `documento ${c.tipo} \`${c.numero}\``;
      break;
    case 'generalita':
      s = `cognome + nome${c.dataNascita ? ' + dataNascita' : ''}${c.luogoNascita ? ` + luogoNascita ${c.luogoNascita.codiceIstatComune ?? c.luogoNascita.codiceStato}` : ''}`;
      break;
  }
  if (q.asOf) s += `, asOf ${q.asOf}`;
  if (q.comuneResidenza) s += `, comuneResidenza ${q.comuneResidenza}`;
  return s;
}

function describeExpect(e: CatalogueEntry['expect']): string {
  switch (e.outcome) {
    case 'found':
      return 'found (1)';
    case 'ambiguous':
      return `more than one subject (${e.count})`;
    case 'not_found':
      return `not found (${e.anprCode ?? 'EN122'})`;
    case 'invalid_request':
      return `invalid request (${e.field})`;
  }
}

/** The exact bytes of sandbox-catalogue.json. */
export const serialiseCatalogue = (cat: SandboxCatalogue): string => JSON.stringify(cat, null, 2) + '\n';

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

/** The tester-facing document (SANDBOX-CATALOGUE.md). */
export function renderCatalogueMarkdown(cat: SandboxCatalogue): string {
  const lines: string[] = [];
  lines.push('# Sandbox catalogue: test identities of the simulated ANPR');
  lines.push('');
  lines.push('<!-- Generated by `test-env/src/bin/write-catalogue.ts`; do not edit by hand. A test fails when this file drifts from the generator. -->');
  lines.push('');
  lines.push(
    `The simulated ANPR serves a synthetic population of ${cat.generator.size} people generated from seed ${cat.generator.seed} (generator version ${cat.generator.version}). ` +
      `Every event in it happened on or before ${cat.generator.referenceDate}. All names, codici fiscali and idANPR are fictitious, but the codici fiscali and idANPR are well formed and carry valid check characters, and the Comuni are real (ISTAT codes from ANPR's archive).`,
  );
  lines.push('');
  lines.push(
    `The sandbox's demo Comune is **Comune di ${cat.demoComune.nomeComune[0]}${cat.demoComune.nomeComune.slice(1).toLowerCase()}** (ISTAT ${cat.demoComune.codiceIstat}, codice catastale ${cat.demoComune.codiceCatastale}, ${cat.demoComune.siglaProvincia}). ` +
      'Most identities below are residents (or AIRE members) of it.',
  );
  lines.push('');
  lines.push('How to read the tables:');
  lines.push('');
  lines.push('- **Query** is the search criterion to use (`codiceFiscale` and `idANPR` mean the value in the row). `asOf` is the reference date (`dataRiferimentoRichiesta`); without it, today.');
  lines.push('- **Expect** is the outcome on both channels: *found* (SOAP `Risposta…OK`, PDND 200), *more than one subject* (ANPR EN131-family errors), *not found* (EN122; PDND 404), *invalid request* (rejected before the search).');
  lines.push('- Searches by codice fiscale on PDND also carry the warning EN148 (query by codice fiscale instead of idANPR).');
  lines.push('- A comuneResidenza restriction exists on SOAP 3002 only: SOAP E002 and the PDND e-services refuse it as an invalid request (field comuneResidenza) before calling ANPR, so search without it there and filter the answer by residence.');
  lines.push('- The machine-readable twin of this document is `sandbox-catalogue.json` (same entries, with the exact facts each answer must show); the simulator also serves it at `GET /catalogue`.');
  lines.push('');
  const groups: [string, (e: CatalogueEntry) => boolean][] = [
    ['People found', (e) => e.expect.outcome === 'found'],
    ['More than one subject, not found, invalid requests', (e) => e.expect.outcome !== 'found'],
  ];
  for (const [title, pred] of groups) {
    lines.push(`## ${title}`);
    lines.push('');
    lines.push('| Situation | Codice fiscale | idANPR | Cognome Nome (nascita) | Query | Expect | What to check |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const e of cat.entries.filter(pred)) {
      const who = e.cognome ? `${e.cognome} ${e.nome}${e.dataNascita ? ` (${e.dataNascita})` : ''}` : '';
      lines.push(
        `| ${cell(e.situation)} <br>\`${e.key}\` | ${e.codiceFiscale ? `\`${e.codiceFiscale}\`` : ''} | ${e.idANPR ? `\`${e.idANPR}\`` : ''} | ${cell(who)} | ${cell(describeQuery(e.query))} | ${describeExpect(e.expect)} | ${cell(e.notes)} |`,
      );
    }
    lines.push('');
  }
  const byKey = new Map(cat.entries.map((e) => [e.key, e]));
  const cfOf = (key: string) => (byKey.get(key)?.codiceFiscale ? `\`${byKey.get(key)!.codiceFiscale}\`` : '');
  lines.push('## Visure (issue 11)');
  lines.push('');
  lines.push(`Each visura type issues on the identity below when a registry officer of ${cat.demoComune.nomeComune} asks (real time for any subject); each "cannot issue" rule refuses on the identity given. A municipal-office user asking about \`${VISURE_ROUTING.nonResident}\` (who lives elsewhere) waits for the mediator; an external body gets only the Comune of residence.`);
  lines.push('');
  lines.push('| Visura | Identity | Codice fiscale |');
  lines.push('|---|---|---|');
  for (const v of VISURE_SUBJECTS) lines.push(`| ${v.title} (\`${v.type}\`) | \`${v.key}\` | ${cfOf(v.key)} |`);
  lines.push('');
  lines.push('| Refusal | Visura | Identity | Codice fiscale |');
  lines.push('|---|---|---|---|');
  for (const r of VISURE_REFUSALS) lines.push(`| ${r.rule} | \`${r.type}\` | \`${r.key}\` | ${cfOf(r.key)} |`);
  lines.push('');
  lines.push('## Codes used');
  lines.push('');
  lines.push('- Stato civile (Tabella 1): 1 celibe/nubile, 2 coniugato/a, 3 vedovo/a, 4 divorziato/a, 6 unito civilmente, 7/8 stato libero.');
  lines.push('- Relazione di parentela (Tabella 5, in a famiglia, tipo 3 or 5): 1 intestatario, 2 marito/moglie, 3 figlio/figlia, 6 padre/madre, 23 convivente, 28 unito civilmente.');
  lines.push('- Legame (Tabella 6, in a convivenza anagrafica, tipo 4): 1 responsabile della convivenza, 2 membro della convivenza.');
  lines.push('- Tipo famiglia: 3 famiglia, 4 convivenza, 5 famiglia AIRE. Tipo indirizzo (Tabella 25): 1 residenza, 4 residenza estera.');
  lines.push('- Tipo soggiorno (Tabella 8): 1 permesso, 2 carta di soggiorno / permesso CE per soggiornanti di lungo periodo.');
  lines.push('');
  return lines.join('\n');
}
