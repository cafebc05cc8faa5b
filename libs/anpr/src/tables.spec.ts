import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedOrSkip } from '../../../test-env/src/shared-data.testutil.js';
import { describeLegame, LEGAME_CONVIVENZA, PARENTELA, STATO_CIVILE } from './tables.js';

/** ../shared/anpr/tables next to the repository, when this checkout has it. */
function sharedTablesDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'anpr', 'tables');
    if (existsSync(join(candidate, 'tab_Legame____Convivenza.csv'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** ID → DESCRIZIONE of one decoding table (these CSVs have no quoted fields). */
function readTable(dir: string, file: string): Record<string, string> {
  const [header, ...rows] = readFileSync(join(dir, file), 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = header!.split(',');
  const id = cols.indexOf('ID');
  const desc = cols.indexOf('DESCRIZIONE');
  return Object.fromEntries(rows.map((r) => r.split(',')).map((c) => [c[id]!, c[desc]!]));
}

// Where ../shared is missing this skips visibly, and fails under CI=true (shared-data.testutil.ts).
const dir = sharedOrSkip('anpr', 'tables') && sharedTablesDir();
const withTables = dir ? it : it.skip;

describe('decoding tables', () => {
  withTables('match ANPR’s published Tabella 1, 5 and 6 code for code', () => {
    expect(STATO_CIVILE).toEqual(readTable(dir!, 'tab_Stato_civile.csv'));
    expect(PARENTELA).toEqual(readTable(dir!, 'tab_Relazione_di_parentela___Famiglia.csv'));
    expect(LEGAME_CONVIVENZA).toEqual(readTable(dir!, 'tab_Legame____Convivenza.csv'));
  });

  it('decode a convivenza (tipo 4) with Tabella 6 and a famiglia (3, 5 AIRE) with Tabella 5', () => {
    expect(describeLegame('4', '1')).toBe('Responsabile convivenza');
    expect(describeLegame('3', '1')).toBe('Intestatario Scheda');
    expect(describeLegame('5', '2')).toBe('Marito / Moglie');
    expect(describeLegame(undefined, '3')).toBe('Figlio / Figlia');
    expect(describeLegame('4', '24')).toBe('Codice 24');
  });
});
