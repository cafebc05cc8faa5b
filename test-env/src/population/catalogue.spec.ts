import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { validateCodiceFiscale, validateIdAnpr } from '#libs/anpr';
import type { NormalisedPerson } from '#libs/anpr';
import { buildSandboxCatalogue, type ExpectedData, renderCatalogueMarkdown, type SandboxCatalogue, serialiseCatalogue } from './catalogue.js';
import { catalogueJsonPath, catalogueMdPath } from './catalogue-files.js';
import { createSyntheticRegistry, type SyntheticRegistry } from './registry.js';

let registry: SyntheticRegistry;
let catalogue: SandboxCatalogue;
beforeAll(() => {
  registry = createSyntheticRegistry();
  catalogue = buildSandboxCatalogue(registry);
});

/** The facts of ExpectedData as the registry's projection shows them. */
function observed(p: NormalisedPerson): ExpectedData {
  const history: string[] = [];
  for (const r of p.storicoResidenza ?? []) {
    const c = r.indirizzo?.comune.codiceIstat;
    if (c && history[history.length - 1] !== c) history.push(c);
  }
  const res = p.residenza?.[0];
  const out: ExpectedData = {
    idANPR: p.idANPR,
    codiceFiscale: p.generalita?.codiceFiscale,
    statoCivile: p.statoCivile?.codice,
    tipoIndirizzo: res?.tipoIndirizzo,
    cittadinanza: p.cittadinanza?.map((c) => c.codiceStato),
    soggettoAIRE: p.generalita?.soggettoAIRE,
    decesso: p.decesso?.data ?? null,
    famigliaTipo: p.famiglia?.tipo,
    componenti: p.famiglia?.componenti.length,
    legami: p.famiglia?.componenti.map((c) => c.codiceLegame),
  };
  if (res?.indirizzo) out.comuneResidenza = res.indirizzo.comune.codiceIstat;
  if (res?.localitaEstera) out.statoResidenzaEstera = res.localitaEstera.codiceStato;
  if (history.length) out.storicoResidenzaComuni = history;
  if (p.storicoCittadinanza?.length) out.storicoCittadinanza = p.storicoCittadinanza.map((c) => c.codiceStato);
  if (p.aire) out.aireComune = p.aire.comuneIscrizione.codiceIstat;
  const m = p.matrimoni?.at(-1);
  if (m) out.matrimonio = { tipo: m.tipo, cessato: !!m.dataCessazione };
  return out;
}

describe('sandbox catalogue', () => {
  it('covers every situation the sandbox promises', () => {
    const keys = catalogue.entries.map((e) => e.key);
    for (const k of [
      'demo-resident',
      'family-with-children',
      'aire-citizen',
      'foreigner-permesso',
      'passport-holder',
      'identity-card',
      'deceased',
      'married',
      'divorced',
      'civil-union',
      'moved',
      'naturalised',
      'omocodia',
      'homonyms',
      'not-found-cf',
      'invalid-check-cf',
    ])
      expect(keys).toContain(k);
    expect(new Set(keys).size).toBe(keys.length);
    expect(catalogue.demoComune).toEqual({ codiceIstat: '072006', nomeComune: 'BARI', siglaProvincia: 'BA', codiceCatastale: 'A662' });
  });

  it('is stable for a seed', () => {
    expect(serialiseCatalogue(buildSandboxCatalogue(createSyntheticRegistry()))).toBe(serialiseCatalogue(catalogue));
    expect(serialiseCatalogue(buildSandboxCatalogue(createSyntheticRegistry({ seed: 99, size: 500 })))).not.toBe(serialiseCatalogue(catalogue));
  });

  it('gives the expected answer for every entry', () => {
    for (const e of catalogue.entries) {
      const ctx = `catalogue entry ${e.key}`;
      const result = registry.search({ criterion: e.query.criterion, asOf: e.query.asOf, comuneResidenza: e.query.comuneResidenza, sections: ['generalita'], motivoRichiesta: 'catalogue test' });
      switch (e.expect.outcome) {
        case 'found': {
          expect({ ctx, count: result.length }).toEqual({ ctx, count: 1 });
          expect({ ctx, ...observed(result[0]) }).toEqual({ ctx, ...e.expect.data, documento: undefined });
          const doc = e.expect.data?.documento;
          if (doc) expect({ ctx, doc: result[0].documenti?.some((d) => d.tipo === doc.tipo && d.numero === doc.numero && (!doc.tipoSoggiorno || d.tipoSoggiorno === doc.tipoSoggiorno)) }).toEqual({ ctx, doc: true });
          // The listed identifiers find the same person.
          if (e.codiceFiscale) expect(registry.search({ criterion: { kind: 'codiceFiscale', codiceFiscale: e.codiceFiscale }, asOf: e.query.asOf, sections: [], motivoRichiesta: 'x' })[0]?.idANPR).toBe(result[0].idANPR);
          if (e.idANPR) expect(result[0].idANPR).toBe(e.idANPR);
          break;
        }
        case 'ambiguous':
          expect({ ctx, count: result.length }).toEqual({ ctx, count: e.expect.count });
          break;
        case 'not_found':
          expect({ ctx, result }).toEqual({ ctx, result: [] });
          if (e.codiceFiscale) expect(validateCodiceFiscale(e.codiceFiscale).valid).toBe(true);
          if (e.idANPR) expect(validateIdAnpr(e.idANPR).valid).toBe(true);
          break;
        case 'invalid_request':
          expect(validateCodiceFiscale(e.codiceFiscale ?? '')).toMatchObject({ valid: false, reason: 'check-character' });
          expect(result).toEqual([]);
          break;
      }
    }
  });

  it('describes the situations it claims', () => {
    const data = (key: string) => catalogue.entries.find((e) => e.key === key)!.expect.data!;
    expect(data('demo-resident')).toMatchObject({ comuneResidenza: '072006', statoCivile: '1', tipoIndirizzo: '1', cittadinanza: ['100'] });
    expect(data('family-with-children').legami).toEqual(expect.arrayContaining(['1', '2', '3']));
    expect(data('family-with-children').componenti).toBeGreaterThanOrEqual(4);
    expect(data('family-as-of').componenti).toBe(data('family-with-children').componenti! - 1);
    expect(data('married')).toMatchObject({ statoCivile: '2', matrimonio: { tipo: 'matrimonio', cessato: false } });
    expect(data('aire-citizen')).toMatchObject({ tipoIndirizzo: '4', soggettoAIRE: true, aireComune: '072006', famigliaTipo: '5', statoResidenzaEstera: '602' });
    expect(data('foreigner-permesso')).toMatchObject({ cittadinanza: ['436'] });
    expect(data('foreigner-permesso').documento?.tipo).toBe('permessoSoggiorno');
    expect(data('deceased').decesso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data('deceased-as-of')).toMatchObject({ decesso: null, statoCivile: '2' });
    expect(data('widowed')).toMatchObject({ statoCivile: '3', matrimonio: { cessato: true } });
    expect(data('divorced')).toMatchObject({ statoCivile: '4', matrimonio: { tipo: 'matrimonio', cessato: true } });
    expect(data('civil-union')).toMatchObject({ statoCivile: '6', matrimonio: { tipo: 'unioneCivile', cessato: false } });
    expect(data('civil-union').legami).toContain('28');
    expect(data('moved')).toMatchObject({ comuneResidenza: '072006' });
    expect(data('moved').storicoResidenzaComuni).toContain('015146');
    expect(data('moved-as-of')).toMatchObject({ comuneResidenza: '015146' });
    expect(data('naturalised').cittadinanza).toEqual(['100']);
    expect(data('naturalised').storicoCittadinanza).toHaveLength(1);
    expect(data('naturalised-as-of').cittadinanza).not.toContain('100');
    expect(data('omocodia').codiceFiscale).not.toBe(data('omocodia-natural').codiceFiscale);
    expect(data('convivenza')).toMatchObject({ famigliaTipo: '4' });
    // Tabella 6 (scheda convivenza): 1 responsabile, then membri.
    expect(data('convivenza').legami).toEqual(expect.arrayContaining(['1', '2']));
    expect(new Set(data('convivenza').legami)).toEqual(new Set(['1', '2']));
    expect(data('cohabiting').legami).toContain('23');
  });

  it('renders a document with one table row per entry', () => {
    const md = renderCatalogueMarkdown(catalogue);
    for (const e of catalogue.entries) expect(md).toContain(`\`${e.key}\``);
    expect(md).toContain('Comune di Bari');
  });

  it('matches the committed sandbox-catalogue.json and SANDBOX-CATALOGUE.md (run write-catalogue after changing the generator)', () => {
    expect(existsSync(catalogueJsonPath())).toBe(true);
    expect(readFileSync(catalogueJsonPath(), 'utf8')).toBe(serialiseCatalogue(catalogue));
    expect(readFileSync(catalogueMdPath(), 'utf8')).toBe(renderCatalogueMarkdown(catalogue));
  });
});
