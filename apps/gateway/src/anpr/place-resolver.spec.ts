import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { TablePlaceResolver } from './place-resolver.js';

const TABLES = '../shared/anpr/tables';

describe('TablePlaceResolver', () => {
  it('always knows the Comuni registered in GeRes', () => {
    const sut = new TablePlaceResolver([{ codiceIstat: '072006', nome: 'Bari', provincia: 'BA' }]);
    expect(sut.comune('072006')).toEqual({ nomeComune: 'BARI', siglaProvincia: 'BA' });
    expect(sut.comune('015146')).toBeUndefined();
  });

  const withTables = existsSync(TABLES) ? it : it.skip;
  if (!existsSync(TABLES)) console.info(`ANPR tables not found at ${TABLES}: table-backed place tests skipped`);
  withTables('reads ANPR decoding tables for every other Comune and foreign state', () => {
    const sut = new TablePlaceResolver([], TABLES);
    expect(sut.comune('015146')).toEqual({ nomeComune: 'MILANO', siglaProvincia: 'MI' });
    expect(sut.stato('201')).toEqual({ descrizioneStato: 'ALBANIA' });
  });
});
