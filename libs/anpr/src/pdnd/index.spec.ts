import { describe, expect, it } from '@jest/globals';
import * as pdnd from './index.js';

describe('pdnd public surface', () => {
  it('exports the adapter and its helpers', () => {
    expect(typeof pdnd.PdndAnprAdapter).toBe('function');
    expect(typeof pdnd.MonotonicClientOperationIds).toBe('function');
    expect(pdnd.eserviceEndpoint('https://h/govway/rest/in/MinInternoPortaANPR-PDND', 'C001')).toBe(
      'https://h/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1/anpr-service-e002',
    );
    expect(pdnd.eserviceAudience('https://h/govway/rest/in/MinInternoPortaANPR/', 'C030')).toBe(
      'https://h/govway/rest/in/MinInternoPortaANPR/C030-servizioAccertamentoIdUnicoNazionale/v1',
    );
  });
});
