import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditEvent, Comune } from '#libs/domain';
import { announceSkips, backends, login, seedTenants, startGateway, type TestGateway } from './harness.js';

jest.setTimeout(120_000);

const SOAP_URL = 'https://ws.anpr.interno.it/anpr-ws3000/AnprService3002';

/**
 * A TOP user writes their own Comune's ANPR settings. They must not be able to name another
 * Comune's keystore or secrets (its credentials would then sign their requests) nor send requests
 * anywhere but ANPR's hosts; and a row that breaks these rules (written before them, or edited in
 * the database) is refused at call time without telling the caller where it pointed.
 */
describe.each(backends())('each Comune uses only its own ANPR credentials and hosts, on $name', (backend) => {
  let gw: TestGateway;

  let topBari: string;
  let topLecce: string;
  const secrets = mkdtempSync(join(tmpdir(), 'geres-secrets-'));
  const settings = (token: string, istat: string, body: Record<string, unknown>) => gw.http.patch(`/v1/comuni/${istat}/settings`).auth(token, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    gw = await startGateway(backend, { ANPR_SECRETS_DIR: secrets });
    await seedTenants(gw.em.fork());
    topBari = await login(gw, 'top.bari');
    topLecce = await login(gw, 'top.lecce');
  });
  afterAll(() => gw?.close());
  announceSkips();

  it('takes files from the Comune\'s own folder of ANPR_SECRETS_DIR and variables with its prefix', async () => {
    const res = await settings(topBari, '072006', { anprChannel: 'soap', anprSoapUrl: SOAP_URL, keystoreRef: `file:${secrets}/072006/comune.p12`, keystorePasswordRef: 'env:ANPR_072006_KEYSTORE_PASSWORD' });
    expect(res.status).toBe(200);
  });

  it('refuses another Comune\'s keystore, folder or variable, naming each field, and saves nothing', async () => {
    const before = await gw.em.fork().findOneOrFail(Comune, { codiceIstat: '075035' });
    const res = await settings(topLecce, '075035', {
      anprChannel: 'soap',
      anprSoapUrl: SOAP_URL,
      keystoreRef: `file:${secrets}/072006/comune.p12`,
      keystorePasswordRef: 'env:ANPR_072006_KEYSTORE_PASSWORD',
      anprTlsCaRef: `${secrets}/075035/../072006/ca.pem`,
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:geres:problem:validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['anprTlsCaRef', 'keystorePasswordRef', 'keystorePasswordRef', 'keystoreRef', 'keystoreRef']);
    expect(res.body.errors).toContainEqual({ field: 'keystoreRef', message: 'is already used by another Comune: each Comune has its own keystores and secrets' });
    const after = await gw.em.fork().findOneOrFail(Comune, { codiceIstat: '075035' });
    expect([after.keystoreRef, after.keystorePasswordRef, after.anprTlsCaRef]).toEqual([before.keystoreRef, before.keystorePasswordRef, before.anprTlsCaRef]);
  });

  it('refuses at call time a wiring edited in the database, with no host, port or path in the answer', async () => {
    await gw.em.fork().nativeUpdate(Comune, { codiceIstat: '072006' }, {
      anprChannel: 'soap',
      anprSoapUrl: 'http://127.0.0.1:1/anpr',
      keystoreRef: `${secrets}/075035/comune.p12`,
      keystorePasswordRef: 'env:ANPR_072006_KEYSTORE_PASSWORD',
      anprOperatorIds: ['OPBARI0001'],
      defaultAnprOperatorId: 'OPBARI0001',
    });
    const res = await gw.http
      .post('/v1/persons/search')
      .auth(topBari, { type: 'bearer' })
      .send({ criterion: { type: 'codiceFiscale', codiceFiscale: 'NRECLD70B17A662M' }, sections: ['generalita'], comune: '072006', motivoRichiesta: 'Pratica 2026/1' });
    expect(res.status).toBe(503);
    expect(res.body.type).toBe('urn:geres:problem:anpr-unavailable');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(secrets);
    await gw.drain();
    const events = await gw.em.fork().find(AuditEvent, { requestId: res.body.requestId });
    // No intent was written, so ANPR was not called; the refusal and its reason are on record.
    expect(events.map((e) => e.outcome)).toEqual(['error']);
    expect(events[0].outcomeDetail).toMatch(/anpr/i);
  });

});
