import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedOrSkip } from '../shared-data.testutil.js';
import { DEMO_COMUNE_ISTAT, FALLBACK_COMUNI, findSharedTablesDir, loadPlaces, parseCsvLine, readComuniFromArchive, STATI_ESTERI } from './places.js';

// Where ../shared is missing these skip visibly, and fail under CI=true (shared-data.testutil.ts).
const tables = sharedOrSkip('anpr', 'tables') && findSharedTablesDir();
const withTables = tables ? it : it.skip;

describe('places', () => {
  it('uses Bari as the demo Comune, first among residence Comuni', () => {
    expect(DEMO_COMUNE_ISTAT).toBe('072006');
    const places = loadPlaces();
    expect(places.residenceComuni[0]).toMatchObject({ codiceIstat: '072006', codiceCatastale: 'A662', nomeComune: 'BARI', siglaProvincia: 'BA' });
    expect(places.residenceComuni.map((c) => c.codiceIstat)).toEqual(['072006', '058091', '015146', '001272', '037006', '075035']);
  });

  it('parses quoted CSV fields', () => {
    expect(parseCsvLine('1,"a,b","say ""hi""",')).toEqual(['1', 'a,b', 'say "hi"', '']);
  });

  withTables('has a fallback list equal to the active rows of ANPR_archivio_comuni.csv', () => {
    const rows = readComuniFromArchive(tables!, new Set(FALLBACK_COMUNI.map((c) => c.codiceIstat)));
    for (const c of FALLBACK_COMUNI) {
      expect(rows.get(c.codiceIstat)).toEqual({ codiceIstat: c.codiceIstat, codiceCatastale: c.codiceCatastale, nomeComune: c.nomeComune, siglaProvincia: c.siglaProvincia });
    }
    expect(loadPlaces().source).toBe('archive');
  });

  withTables('uses foreign state codes of tab_Stati_Esteri (ISTAT code and Z code)', () => {
    const lines = readFileSync(join(tables!, 'tab_Stati_Esteri.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
    const header = parseCsvLine(lines[0]);
    const rows = lines.slice(1).map(parseCsvLine);
    for (const s of STATI_ESTERI) {
      const row = rows.find((r) => r[header.indexOf('CODISTAT')] === s.codiceStato);
      expect(row).toBeDefined();
      expect(row![header.indexOf('DENOMINAZIONE')]).toBe(s.descrizioneStato);
      expect(row![header.indexOf('CODAT')]).toBe(s.codiceBelfiore);
    }
  });
});
