import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DbOperationIdSource } from '../src/anpr/operation-ids.js';
import { announceSkips, backends, startGateway, type TestGateway } from './harness.js';

describe.each(backends())('idOperazioneComune on $name', (backend) => {
  let gw: TestGateway;
  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend);
  });
  afterAll(() => gw?.close());

  it('is numeric, unique and strictly increasing per Comune, across concurrent instances', async () => {
    // Two sources over the same database stand for two gateway instances.
    const a = new DbOperationIdSource(gw.em);
    const b = new DbOperationIdSource(gw.em);
    const issued: bigint[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const v = BigInt(await (i % 2 ? a : b).next('072006'));
        issued.push(v);
      }),
    );
    expect(new Set(issued.map(String)).size).toBe(60);
    const sorted = [...issued].sort((x, y) => (x < y ? -1 : 1));
    expect(sorted[59] - sorted[0]).toBe(59n);
    const later = BigInt(await a.next({ codiceIstat: '072006' }));
    expect(later).toBe(sorted[59] + 1n);
    expect(String(later)).toMatch(/^\d{1,30}$/);
    // Another Comune has its own sequence.
    const other = BigInt(await b.next('075035'));
    expect(other).not.toBe(later + 1n);
  });
});
