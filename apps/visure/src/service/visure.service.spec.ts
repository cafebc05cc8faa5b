import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { VisuraType } from '#libs/domain';
import type { Person } from '../../../../sdk/src/index.js';
import { SealKeystore } from '../document/index.js';
import { createTestSealPki } from '../document/testing/test-pki.js';
import { GatewayProblem, StaticDirectory, type GatewayPort, type GatewayUser } from '../gateway/gateway.port.js';
import { VisureProblem } from '../http/problem.js';
import { openVisureDatabase } from '../persistence/orm.js';
import { VisuraRequest, VisuraVerification } from '../persistence/entities.js';
import { MemoryDocumentStore } from '../storage/document-store.js';
import { DEFAULT_SETTINGS, VisureService, type Caller } from './visure.service.js';
import type { MikroORM } from '@mikro-orm/core';

const BARI = '072006';
const person = (istat: string): Person => ({
  idANPR: 'AB12345CD',
  generalita: { codiceFiscale: 'RSSMRA80A01A662X', cognome: 'ROSSI', nome: 'MARIO', sesso: 'M', dataNascita: '1980-01-01', luogoNascita: { comune: { codiceIstat: BARI, nomeComune: 'BARI' } } },
  residenza: [{ tipoIndirizzo: '1', indirizzo: { comune: { codiceIstat: istat, nomeComune: istat === BARI ? 'BARI' : 'LECCE' }, toponimo: { specie: 'VIA', denominazione: 'ROMA' } } }],
});

/** An in-memory gateway: grants are the person's name, lookups answer from a script. */
class FakeGateway implements GatewayPort {
  users: Record<string, GatewayUser> = {};
  next: Array<() => Person[]> = [];
  exchanges: Array<Record<string, unknown>> = [];
  async exchange(p: { subjectToken: string; actorToken?: string; silentComune?: string; lifetimeSeconds?: number }) {
    this.exchanges.push(p);
    if (p.subjectToken === 'expired') throw new GatewayProblem(400, 'invalid-grant', 'expired');
    return { token: `grant:${p.subjectToken.replace(/^grant:/, '')}`, expiresIn: p.lifetimeSeconds ?? 900 };
  }
  async me(grant: string) {
    return this.users[grant.slice('grant:'.length)];
  }
  async search() {
    const step = this.next.shift();
    if (!step) throw new Error('unexpected lookup');
    return { persons: step(), anprOperationId: 'ANPR-1', requestId: 'r1' };
  }
}

const user = (username: string, extra: Partial<GatewayUser> = {}, types: VisuraType[] = ['residenza']): GatewayUser => ({
  id: username,
  username,
  name: username,
  role: 'STANDARD',
  mediator: false,
  comune: null,
  enteId: 'ente-ext',
  anprOperatorId: null,
  profile: { visuraTypes: types, sections: ['generalita', 'residenza'], scope: 'agreed', allowedComuni: [BARI] },
  ...extra,
});

describe('VisureService with an in-memory gateway', () => {
  let orm: MikroORM;
  let gw: FakeGateway;
  let svc: VisureService;
  let clock = new Date('2026-12-03T10:00:00Z');
  const store = new MemoryDocumentStore();

  beforeAll(async () => {
    orm = await openVisureDatabase({ sqlitePath: ':memory:' }, true);
    gw = new FakeGateway();
    gw.users = { ext: user('ext'), top: user('top', { role: 'TOP', mediator: true, comune: BARI, enteId: null }) };
    const pki = createTestSealPki('Bari');
    svc = new VisureService({
      orm,
      gateway: gw,
      directory: new StaticDirectory({ [BARI]: { name: 'Bari', nonResidentVisuraPolicy: 'mediator', silentConsentHours: 24, silentConsentMediator: 'top' } }, { 'ente-ext': { kind: 'external_body', name: 'Consorzio' } }),
      store,
      seal: (istat) => (istat === BARI ? SealKeystore.fromPkcs12(pki.p12, pki.password) : null),
      dataKey: Buffer.alloc(32, 1),
      settings: { ...DEFAULT_SETTINGS, verificationBaseUrl: 'https://visure.example/v1/verifica', verificationsPerMinute: 3 },
      now: () => clock,
    });
  });
  afterAll(() => orm.close(true));

  const caller = (name: string): Promise<Caller> => svc.authenticate(name);
  const residenza = { type: 'residenza' as const, comune: BARI, motivoRichiesta: 'P/1', criterion: { type: 'codiceFiscale' as const, codiceFiscale: 'RSSMRA80A01A662X' } };

  it('an agreed-scope profile refused by the gateway for a non-resident: Comune of residence only, not named', async () => {
    gw.next.push(() => {
      throw new GatewayProblem(403, 'forbidden-by-profile', 'Your profile covers residents of 072006 only');
    });
    const out = await svc.request(await caller('ext'), residenza);
    expect([out.status, out.request.state, out.request.route, out.request.residenceComuneName]).toEqual([200, 'comune_only', 'comune_of_residence_only', undefined]);
    expect(out.request.reason).toBe('Il soggetto non risiede nei Comuni convenzionati; il profilo assegnato non consente di conoscerne il Comune di residenza.');
  });

  it('an external body on a non-resident: the name of the Comune only, no document stored', async () => {
    gw.next.push(() => [person('075035')]);
    const before = store.items.size;
    const out = await svc.request(await caller('ext'), residenza);
    expect([out.status, out.request.state, out.request.residenceComuneName, out.request.documentId]).toEqual([200, 'comune_only', 'LECCE', undefined]);
    expect(store.items.size).toBe(before);
  });

  it('a deferred request whose stored grant expired cannot be approved: it is marked expired', async () => {
    const em = orm.em.fork();
    const req = em.create(VisuraRequest, { type: 'residenza', state: 'pending_mediator', comune: BARI, criterionKind: 'codiceFiscale', subjectCf: 'RSSMRA80A01A662X', motivoRichiesta: 'P/2', requesterId: 'ext', requesterUsername: 'ext', requesterName: 'ext', requesterRole: 'STANDARD' } as never) as VisuraRequest;
    await em.flush();
    // The stored grant is "expired" for the fake gateway.
    (svc as unknown as { storeGrant(r: VisuraRequest, t: string, s: number): void }).storeGrant(req, 'expired', 60);
    await em.flush();
    const err = await svc.approve(await caller('top'), req.id).catch((e: unknown) => e);
    expect([(err as VisureProblem).problemType, (err as VisureProblem).getStatus()]).toEqual(['conflict', 409]);
    expect((await orm.em.fork().findOneOrFail(VisuraRequest, { id: req.id })).state).toBe('expired');
  });

  it('verification: every attempt logged, throttled per address, expired after the printed date', async () => {
    gw.next.push(() => [person(BARI)]);
    const out = await svc.request(await caller('top'), residenza);
    expect(out.status).toBe(201);
    const docId = out.request.documentId!;
    const wrong = await svc.verify(docId, 'AAAA-BBBB-CCCC', '10.0.0.1').catch((e: unknown) => e);
    expect((wrong as VisureProblem).problemType).toBe('not-found');
    await svc.verify('VIS-NOPE', 'AAAA-BBBB-CCCC', '10.0.0.1').catch(() => undefined);
    await svc.verify('VIS-NOPE', 'AAAA-BBBB-CCCC', '10.0.0.1').catch(() => undefined);
    const throttled = await svc.verify(docId, 'AAAA-BBBB-CCCC', '10.0.0.1').catch((e: unknown) => e);
    expect((throttled as VisureProblem).problemType).toBe('rate-limited');
    const outcomes = (await orm.em.fork().find(VisuraVerification, {}, { orderBy: { at: 'asc' } })).map((v) => v.outcome);
    expect(outcomes).toEqual(['wrong_code', 'unknown', 'unknown', 'throttled']);
    const pdf = [...store.items.values()].at(-1)!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A wrong code never learns about expiry.
    clock = new Date(clock.getTime() + 181 * 86400_000);
    const late = await svc.verify(docId, 'AAAA-BBBB-CCCC', '10.0.0.2').catch((e: unknown) => e);
    expect((late as VisureProblem).problemType).toBe('not-found');
    if (spawnSync('which', ['pdftotext']).status !== 0) return console.warn('SKIPPING the expiry check with the right CVD: pdftotext missing');
    // The CVD is printed, never stored: read it from the page.
    const f = join(mkdtempSync(join(tmpdir(), 'visure-unit-')), 'v.pdf');
    writeFileSync(f, pdf);
    const cvd = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(execFileSync('pdftotext', [f, '-']).toString())![1];
    const expired = await svc.verify(docId, cvd, '10.0.0.3').catch((e: unknown) => e);
    expect([(expired as VisureProblem).problemType, (expired as VisureProblem).getStatus()]).toEqual(['document-expired', 410]);
    clock = new Date(clock.getTime() - 181 * 86400_000);
    const ok = await svc.verify(docId, cvd.toLowerCase(), '10.0.0.3');
    expect(ok.bytes.equals(pdf)).toBe(true);
  });
});
