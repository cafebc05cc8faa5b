import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { codiceFiscaleCheckCharacter } from '#libs/anpr';
import { GeResError, rivestizione } from '../../../sdk/src/index.js';
import { createRivestizioneApp, type RivestizioneApp } from '../src/app.factory.js';
import { FakeGateway } from './fake-gateway.js';
import { testConfig } from './support.js';

jest.setTimeout(60_000);

const cf = (first15: string) => first15 + codiceFiscaleCheckCharacter(first15);

/** The TypeScript SDK's rivestizione client against the service (in-memory gateway, SQLite, no Redis). */
describe('RivestizioneClient (TypeScript SDK)', () => {
  let riv: RivestizioneApp;
  let baseUrl: string;
  const gw = new FakeGateway();

  beforeAll(async () => {
    gw.addCaller('tok-user', { username: 'std', role: 'STANDARD', enteId: 'e1' });
    gw.addCaller('tok-top', { username: 'top.bari', role: 'TOP', comune: '072006' });
    riv = await createRivestizioneApp({ ...testConfig({ RIVESTIZIONE_TICK_MS: '50' }) }, { gateway: gw, createSchema: true });
    await riv.http!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(riv.http!.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await riv?.close();
  });

  it('validates, submits a file, is approved, and downloads the result byte for byte', async () => {
    const user = new rivestizione.RivestizioneClient({ baseUrl, accessToken: 'tok-user' });
    const top = new rivestizione.RivestizioneClient({ baseUrl, accessToken: 'tok-top' });
    const csv = `tipo;identificativo;riferimento\nCF;${cf('RSSMRA85T10A662')};R-1\nCF;RSSMRA85T10A662Z;R-2\n`;

    const report = await user.validateFile(csv);
    expect(report).toMatchObject({ totalRows: 2, validRows: 1, invalidRows: 1 });
    expect(report.errors[0]).toMatchObject({ line: 3, field: 'identificativo' });

    const refused = await user.submitFile(csv, { comune: '072006', motivoRichiesta: 'SDK' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GeResError);
    expect(refused).toMatchObject({ status: 422, type: 'urn:geres:problem:invalid-rows' });

    const sub = await user.submitFile(csv, { comune: '072006', motivoRichiesta: 'SDK', acceptInvalidRows: true });
    expect(sub.state).toBe('in_convalida');
    expect((await top.approve(sub.id)).state).toBe('convalidata');
    const done = await user.waitUntilDone(sub.id, { intervalMs: 50 });
    expect(done).toMatchObject({ state: 'completata_con_errori', counts: { total: 2, ok: 1, errors: 1 } });
    const bytes = await user.downloadFile(sub.id, done.files[0]);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.startsWith('\uFEFFriferimento;')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
    expect((await user.list()).items.map((r) => r.id)).toEqual([sub.id]);
  });
});
