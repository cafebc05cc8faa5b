import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { AuditEvent, Comune, Profile, User } from '#libs/domain';
import { verifySecret } from '../src/auth/password.js';
import { ormOptions } from '../src/database/orm-config.js';
import { ComuneOnboardingError, ComuneOnboardingService, type ComuneOnboardingInput } from '../src/onboarding/comune-onboarding.service.js';
import { announceSkips, backends, startGateway, type TestGateway } from './harness.js';

announceSkips();

const lecce = (over: Partial<ComuneOnboardingInput> = {}, top: Partial<ComuneOnboardingInput['top']> = {}): ComuneOnboardingInput => ({
  codiceIstat: '075035',
  nome: 'Lecce',
  provincia: 'LE',
  codiceCatastale: 'E506',
  ...over,
  top: { username: 'top.lecce', name: 'Rita Quarta', email: 'anagrafe@comune.lecce.invalid', ...top },
});
const actor = { name: 'os:provider', where: 'test-host' };

describe.each(backends())('ComuneOnboardingService on $name', (backend) => {
  let gw: TestGateway;
  let sut: ComuneOnboardingService;
  beforeAll(async () => {
    gw = await startGateway(backend);
    sut = gw.app.get(ComuneOnboardingService);
  }, 60_000);
  afterAll(() => gw?.close());

  const events = async () => (await gw.em.fork().find(AuditEvent, { operation: 'comune:add' }, { orderBy: { time: 'asc', seq: 'asc' } })).map((e) => ({ username: e.username, targetComune: e.targetComune, outcome: e.outcome, outcomeDetail: e.outcomeDetail }));

  it('creates the Comune without ANPR settings and its first TOP with a one-time password, audited', async () => {
    const r = await sut.onboard(lecce(), actor);
    expect(r.comune).toMatchObject({ codiceIstat: '075035', nome: 'Lecce' });
    const em = gw.em.fork();
    const comune = await em.findOneOrFail(Comune, { codiceIstat: '075035' });
    expect(comune).toMatchObject({ codiceCatastale: 'E506', provincia: 'LE', anprOperatorIds: [], keystoreRef: null, anprSoapUrl: null, anprPdnd: null, defaultAnprOperatorId: null });
    const top = await em.findOneOrFail(User, { username: 'top.lecce' });
    expect(top).toMatchObject({ role: 'TOP', mustChangePassword: true, mediator: false, status: 'active', email: 'anagrafe@comune.lecce.invalid' });
    expect(top.comune?.id).toBe(comune.id);
    expect(top.ente).toBeFalsy();
    expect(await verifySecret(top.passwordHash, r.oneTimePassword)).toBe(true);
    const profile = await em.findOneOrFail(Profile, { user: top.id });
    expect(profile).toMatchObject({ scope: 'agreed', allowedComuni: ['075035'], dailyQuota: 1000 });
    await gw.drain();
    expect(await events()).toEqual([{ username: 'os:provider', targetComune: '075035', outcome: 'ok', outcomeDetail: 'Comune 075035 created with TOP user top.lecce on test-host' }]);
  });

  it('lets the one-time password log in once: after the change it no longer works', async () => {
    const r = await sut.onboard(lecce({ codiceIstat: '037006', nome: 'Bologna', provincia: 'BO', codiceCatastale: 'A944' }, { username: 'top.bologna' }), actor);
    const login = (password: string) => gw.http.post('/v1/auth/login').send({ username: 'top.bologna', password });
    const first = await login(r.oneTimePassword);
    expect(first.status).toBe(200);
    const changed = await gw.http.post('/v1/me/password').auth(first.body.accessToken, { type: 'bearer' }).send({ currentPassword: r.oneTimePassword, newPassword: 'Nuova-Password-2026!' });
    expect(changed.status).toBe(204);
    expect((await login(r.oneTimePassword)).status).toBe(401);
    expect((await login('Nuova-Password-2026!')).status).toBe(200);
  });

  it('refuses an existing ISTAT code or username, writes nothing and audits the refusal', async () => {
    const before = { comuni: await gw.em.fork().count(Comune, {}), users: await gw.em.fork().count(User, {}) };
    const dupIstat = await sut.onboard(lecce({}, { username: 'top.lecce2' }), actor).catch((e) => e);
    expect(dupIstat).toBeInstanceOf(ComuneOnboardingError);
    expect(dupIstat).toMatchObject({ kind: 'conflict', errors: [{ field: 'istat', message: 'a Comune with ISTAT code 075035 already exists' }] });
    const dupUser = await sut.onboard(lecce({ codiceIstat: '001272', nome: 'Torino', provincia: 'TO', codiceCatastale: 'L219' }), actor).catch((e) => e);
    expect(dupUser).toMatchObject({ kind: 'conflict', errors: [{ field: 'top-username', message: 'the username top.lecce is already taken' }] });
    expect({ comuni: await gw.em.fork().count(Comune, {}), users: await gw.em.fork().count(User, {}) }).toEqual(before);
    await gw.drain();
    expect((await events()).filter((e) => e.outcome === 'denied').map((e) => e.targetComune)).toEqual(['075035', '001272']);
  });

  it('refuses bad input naming every bad field, before touching the database', async () => {
    const bad = await sut
      .onboard(lecce({ codiceIstat: '75035', nome: 'Lec\u0000ce', provincia: 'Le', codiceCatastale: 'Z506', dailyQuota: -1 }, { username: 'Top Lecce', name: '', email: 'not-an-email', anprOperatorId: 'x y' }), actor)
      .catch((e) => e);
    expect(bad).toBeInstanceOf(ComuneOnboardingError);
    expect(bad.kind).toBe('invalid');
    expect(bad.errors.map((e: { field: string }) => e.field)).toEqual(['istat', 'nome', 'provincia', 'codice-catastale', 'top-username', 'top-name', 'top-email', 'top-anpr-operator-id', 'daily-quota']);
    expect(await gw.em.fork().count(Comune, { codiceIstat: '75035' })).toBe(0);
  });

  it('makes the TOP a mediator when the provider gives its ANPR operator id', async () => {
    await sut.onboard(lecce({ codiceIstat: '058091', nome: 'Roma', provincia: 'RM', codiceCatastale: 'H501' }, { username: 'top.roma', anprOperatorId: 'USERSFREETEST300' }), actor);
    const em = gw.em.fork();
    expect(await em.findOneOrFail(Comune, { codiceIstat: '058091' })).toMatchObject({ anprOperatorIds: ['USERSFREETEST300'], defaultAnprOperatorId: 'USERSFREETEST300' });
    expect(await em.findOneOrFail(User, { username: 'top.roma' })).toMatchObject({ mediator: true, anprOperatorId: 'USERSFREETEST300' });
  });
});

const BIN = 'dist/apps/gateway/src/bin/comune-add.js';
// The command runs from the build, as `npm run comune:add` does; without one the runner reports these as skipped.
const describeBuilt = existsSync(BIN) ? describe : describe.skip;
if (!existsSync(BIN)) console.info(`comune:add bin tests skipped: ${BIN} is not built (run npm run build first)`);

describeBuilt('npm run comune:add (the bin, spawned on a sandbox SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'geres-comune-add-'));
  const sqlitePath = join(dir, 'geres.sqlite');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: process.cwd(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GERES_SANDBOX_DIR: dir, SQLITE_PATH: sqlitePath, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
  const args = ['--istat', '075035', '--nome', 'Lecce', '--provincia', 'LE', '--codice-catastale', 'E506', '--top-username', 'top.lecce', '--top-name', 'Rita Quarta', '--top-email', 'anagrafe@comune.lecce.invalid'];

  beforeAll(async () => {
    const orm = await MikroORM.init(ormOptions({ sqlitePath }));
    await orm.schema.create();
    await orm.close(true);
  });

  it('creates the Comune and prints the one-time password once', async () => {
    const r = run(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const otp = /One-time password: +(\S+)/.exec(r.stdout)?.[1];
    expect(otp).toMatch(/^Otp-/);
    const orm = await MikroORM.init(ormOptions({ sqlitePath }));
    try {
      const top = await orm.em.fork().findOneOrFail(User, { username: 'top.lecce' });
      expect(top.mustChangePassword).toBe(true);
      expect(await verifySecret(top.passwordHash, otp!)).toBe(true);
      const ev = await orm.em.fork().findOneOrFail(AuditEvent, { operation: 'comune:add' });
      expect(ev).toMatchObject({ outcome: 'ok', targetComune: '075035' });
      expect(ev.username).toMatch(/^os:./);
    } finally {
      await orm.close(true);
    }
  }, 60_000);

  it('exits with 2 and a clear message on an existing ISTAT code, and on bad arguments', () => {
    const dup = run(...args.slice(0, 8), '--top-username', 'top.lecce.bis', '--top-name', 'X Y', '--top-email', 'x@y.invalid');
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('Refused: --istat: a Comune with ISTAT code 075035 already exists');
    expect(dup.stdout).not.toContain('One-time password');
    const bad = run('--istat', '7503', '--nome', 'Lecce', '--provincia', 'LE', '--codice-catastale', 'E506', '--top-username', 'top.x', '--top-name', 'X', '--top-email', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--istat must be the six-digit ISTAT code of the Comune');
    expect(bad.stderr).toContain('--top-email must be an e-mail address');
    const unknown = run('--bogus', 'x');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
  }, 60_000);
});

const mariadb = backends().filter((b) => b.name === 'mariadb' && !b.skipReason);
(existsSync(BIN) && mariadb.length ? describe : describe.skip)('npm run comune:add on MariaDB (DATABASE_URL, the gateway environment)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(mariadb[0]);
  }, 60_000);
  afterAll(() => gw?.close());

  it('creates the Comune in the database DATABASE_URL names, audited, and refuses a second run with exit code 2', async () => {
    const r = spawnSync(
      process.execPath,
      [BIN, '--istat', '075035', '--nome', 'Lecce', '--provincia', 'LE', '--codice-catastale', 'E506', '--top-username', 'top.lecce', '--top-name', 'Rita Quarta', '--top-email', 'anagrafe@comune.lecce.invalid'],
      {
        encoding: 'utf8',
        // What the gateway itself runs with outside the sandbox.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: gw.config.databaseUrl, JWT_SIGNING_KEY_FILE: gw.config.jwtSigningKeyFile, AUDIT_CHAIN_KEY: 'comune-add-test-chain-key', AUDIT_CHECKPOINT_FILE: join(mkdtempSync(join(tmpdir(), 'geres-comune-add-')), 'checkpoints.jsonl'), ANPR_SECRETS_DIR: tmpdir(), LOG_LEVEL: 'silent' },
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/One-time password: +Otp-/);
    const em = gw.em.fork();
    expect(await em.findOneOrFail(User, { username: 'top.lecce' })).toMatchObject({ role: 'TOP', mustChangePassword: true });
    expect(await em.findOneOrFail(AuditEvent, { operation: 'comune:add' })).toMatchObject({ outcome: 'ok', targetComune: '075035' });
    const again = spawnSync(process.execPath, [BIN, '--istat', '075035', '--nome', 'Lecce', '--provincia', 'LE', '--codice-catastale', 'E506', '--top-username', 'top.lecce2', '--top-name', 'X', '--top-email', 'x@y.invalid'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: gw.config.databaseUrl, JWT_SIGNING_KEY_FILE: gw.config.jwtSigningKeyFile, AUDIT_CHAIN_KEY: 'comune-add-test-chain-key', AUDIT_CHECKPOINT_FILE: join(mkdtempSync(join(tmpdir(), 'geres-comune-add-')), 'checkpoints.jsonl'), ANPR_SECRETS_DIR: tmpdir(), LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('a Comune with ISTAT code 075035 already exists');
  }, 120_000);
});
