import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEvent, Comune } from '#libs/domain';
import { announceSkips, backends, startGateway, type TestGateway } from '../../apps/gateway/test/harness.js';
import { ComuneOnboardingService, DEMO_COMUNE, SECOND_COMUNE, seedSandbox, wireComuneToSimulator, type SandboxCredentials } from '../../apps/gateway/src/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from './sandbox-anpr.js';
import { demoComuneWiring, secondComuneWiring } from './sandbox-wiring.js';

/**
 * The sandbox as `npm start` sets it up, both Comuni: the seed (the second Comune through
 * ComuneOnboardingService), each Comune wired to the simulator with its own certificate, ANPR
 * workstation and PDND client, and demo users of each Comune looking up their own residents.
 */
describe.each(backends())('the sandbox with two Comuni on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let creds: SandboxCredentials;
  const dir = mkdtempSync(join(tmpdir(), 'geres-sandbox-gw-'));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    announceSkips();
    anpr = await startSandboxAnpr({
      dir,
      port: 0,
      comuni: [DEMO_COMUNE.codiceIstat, SECOND_COMUNE.codiceIstat],
      extraWorkstations: [COMUNE_POSTAZIONE, SECOND_COMUNE.postazione],
      pdndComuni: [SECOND_COMUNE.codiceIstat],
    });
    gw = await startGateway(backend);
    creds = await seedSandbox(gw.em.fork(), gw.app.get(ComuneOnboardingService));
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr));
    await wireComuneToSimulator(gw.em.fork(), secondComuneWiring(anpr));
    for (const u of creds.users) {
      const res = await gw.http.post('/v1/auth/login').send({ username: u.username, password: u.password });
      expect({ user: u.username, status: res.status }).toEqual({ user: u.username, status: 200 });
      tokens[u.username] = res.body.accessToken;
    }
  }, 180_000);
  afterAll(async () => {
    await gw?.close();
    await anpr?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A living resident of the Comune, from the simulator's population. */
  const residentOf = (istat: string): string =>
    anpr.registry.persons.find((p) => !p.decesso && !p.aire && !p.residenze.at(-1)?.dataFine && p.residenze.at(-1)?.indirizzo?.comune.codiceIstat === istat)!.codiceFiscale;
  const search = (username: string, comune: string, codiceFiscale: string) =>
    gw.http
      .post('/v1/persons/search')
      .auth(tokens[username], { type: 'bearer' })
      .send({ criterion: { type: 'codiceFiscale', codiceFiscale }, sections: ['generalita', 'residenza'], comune, motivoRichiesta: 'Prova sandbox' });

  it('creates the second Comune through the onboarding service, audited, with its own TOP, office and users', async () => {
    expect(creds.comuni).toEqual([
      { codiceIstat: '072006', nome: 'Bari' },
      { codiceIstat: '075035', nome: 'Lecce' },
    ]);
    expect(creds.users.filter((u) => u.comune === '075035').map((u) => [u.role, u.username, u.mediator])).toEqual([
      ['TOP', 'top.lecce', true],
      ['ADMIN', 'admin.sociali.lecce', false],
      ['STANDARD', 'operatore.sociali.lecce', false],
    ]);
    await gw.drain();
    const ev = await gw.em.fork().findOneOrFail(AuditEvent, { operation: 'comune:add' });
    expect(ev).toMatchObject({ outcome: 'ok', targetComune: '075035', username: 'sandbox-seed' });
  });

  it('wires each Comune with its own keystore, password file, ANPR workstation, PDND client and operator', async () => {
    const em = gw.em.fork();
    const bari = await em.findOneOrFail(Comune, { codiceIstat: '072006' });
    const lecce = await em.findOneOrFail(Comune, { codiceIstat: '075035' });
    expect(lecce).toMatchObject({
      keystoreRef: anpr.pki.comune('075035').path,
      keystorePasswordRef: `file:${anpr.pki.comune('075035').passwordPath}`,
      anprPostazioneId: '075035-CO-0000',
      anprPostazioneKeystorePasswordRef: `file:${anpr.workstation('075035-CO-0000').passwordFile}`,
      anprOperatorIds: ['USERSFREETEST238'],
      defaultAnprOperatorId: 'USERSFREETEST238',
      anprSoapUrl: anpr.url,
    });
    expect(lecce.anprPdnd!.clientId).toBe(anpr.pdndClientOf('075035').settings.clientId);
    expect(lecce.anprPdnd!.privateKeyRef).toBe(`file:${join(dir, 'pdnd', '075035', 'client-key.pem')}`);
    for (const k of ['keystoreRef', 'keystorePasswordRef', 'anprPostazioneId', 'anprPostazioneKeystoreRef', 'anprPostazioneKeystorePasswordRef'] as const) expect({ k, same: lecce[k] === bari[k] }).toEqual({ k, same: false });
    expect(lecce.anprPdnd!.clientId).not.toBe(bari.anprPdnd!.clientId);
  });

  it('lets the TOP of each Comune, and an operator of Lecce, look up their own residents', async () => {
    for (const [user, comune] of [
      ['top.bari', '072006'],
      ['top.lecce', '075035'],
      ['operatore.sociali.lecce', '075035'],
    ] as const) {
      const cf = residentOf(comune);
      const res = await search(user, comune, cf);
      expect({ user, status: res.status }).toEqual({ user, status: 200 });
      expect(res.body.persons.map((p: { generalita: { codiceFiscale: string } }) => p.generalita.codiceFiscale)).toEqual([cf]);
      expect(res.body.persons[0].residenza[0].indirizzo.comune.codiceIstat).toBe(comune);
    }
  }, 60_000);

  it("refuses each Comune's users the other Comune", async () => {
    for (const [user, comune] of [
      ['top.bari', '075035'],
      ['top.lecce', '072006'],
      ['operatore.sociali.lecce', '072006'],
      ['operatore.consorzio', '075035'],
    ] as const) {
      const res = await search(user, comune, residentOf(comune));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
  }, 60_000);
});
