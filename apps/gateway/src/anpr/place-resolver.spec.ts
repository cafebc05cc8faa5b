import { describe, expect, it } from '@jest/globals';
import { itWithShared } from '../../../../test-env/src/shared-data.testutil.js';
import { TablePlaceResolver } from './place-resolver.js';

describe('TablePlaceResolver', () => {
  it('always knows the Comuni registered in GeRes', () => {
    const sut = new TablePlaceResolver([{ codiceIstat: '072006', nome: 'Bari', provincia: 'BA' }]);
    expect(sut.comune('072006')).toEqual({ nomeComune: 'BARI', siglaProvincia: 'BA' });
    expect(sut.comune('015146')).toBeUndefined();
  });

  itWithShared('anpr', 'tables')('reads ANPR decoding tables for every other Comune and foreign state', (tables) => {
    const sut = new TablePlaceResolver([], tables);
    expect(sut.comune('015146')).toEqual({ nomeComune: 'MILANO', siglaProvincia: 'MI' });
    expect(sut.stato('201')).toEqual({ descrizioneStato: 'ALBANIA' });
  });
});
